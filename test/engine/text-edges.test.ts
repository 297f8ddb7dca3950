/** Byte order marks, line endings and broken front matter: positions stay right and nothing is silenced. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, positionOf, type Finding } from '../../server/src/engine/index';
import { knowledge } from '../helpers/knowledge';

const SOP = '---\npim:\n  kind: referral-sop\n  staus: draft\n---\n# Referral SOP 👩‍👩‍👧\n\n## Purpose\n\nCall +44 20 7946 0958 on WhatsApp. TODO\n';

const spans = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.span.start, f.span.end, ...(f.fix?.edits.map((e) => [e.start, e.end]) ?? [])]);
const shifted = (findings: readonly Finding[], by: number) =>
  findings.map((f) => [f.ruleId, f.span.start + by, f.span.end + by, ...(f.fix?.edits.map((e) => [e.start + by, e.end + by]) ?? [])]);

test('a byte order mark moves every finding by exactly one code unit, in the editor and in the CLI parse', () => {
  const plain = analyze(SOP, knowledge).findings;
  assert.ok(plain.length > 3);
  for (const mode of [undefined, 'whole'] as const) {
    const withBom = analyze(`\uFEFF${SOP}`, knowledge, {}, mode).findings;
    assert.deepEqual(spans(withBom), shifted(plain, 1), `parse ${mode ?? 'in chunks'}`);
  }
});

test('no span starts or ends inside a surrogate pair, with or without a byte order mark', () => {
  for (const text of [SOP, `\uFEFF${SOP}`]) {
    for (const f of analyze(text, knowledge).findings) {
      for (const offset of [f.span.start, f.span.end]) assert.ok(!isLowSurrogate(text.charCodeAt(offset)) || !isHighSurrogate(text.charCodeAt(offset - 1)), `${f.ruleId} at ${offset}`);
    }
  }
});

for (const [name, eol] of [
  ['\\r\\n', '\r\n'],
  ['\\r', '\r'],
  ['mixed', 'mixed'],
] as const) {
  test(`${name} line endings: the same findings, with ranges and fix edits inside the document and lines as LSP counts them`, () => {
    const lines = SOP.split('\n');
    const text = eol === 'mixed' ? lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\r\n', '\r', '\n'][i % 3])).join('') : lines.join(eol);
    const { analysis, findings } = analyze(text, knowledge);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      analyze(SOP, knowledge).findings.map((f) => f.ruleId),
    );
    assert.equal(analysis.declaration?.fields.kind?.value, 'referral-sop');
    const document = TextDocument.create('file:///x.md', 'markdown', 1, text);
    for (const f of findings) {
      for (const span of [f.span, ...(f.fix?.edits ?? []), ...(f.related ?? []).map((r) => r.span)]) {
        assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${f.ruleId} ${span.start}-${span.end} of ${text.length}`);
        const lsp = document.positionAt(span.start);
        assert.deepEqual(positionOf(analysis.model, span.start), { line: lsp.line + 1, column: lsp.character + 1 });
      }
    }
    const unknownKey = findings.find((f) => f.ruleId === 'front-matter');
    assert.equal(text.slice(unknownKey?.span.start, unknownKey?.span.end), 'staus');
  });
}

test('a YAML error in the front matter is a finding on the error, and the document is still checked', () => {
  const text = '---\npim:\n  kind: [referral-sop\n  status: draft\n---\n# Referral SOP\n\nText.\n';
  const { analysis, findings } = analyze(text, knowledge);
  assert.equal(analysis.isPim, true);
  const yaml = findings.find((f) => f.ruleId === 'front-matter');
  assert.ok(yaml, 'the YAML error is reported');
  assert.match(yaml.message, /not valid YAML \(.+\); correct it/);
  // The parser notices the unclosed `[` where the next key starts.
  assert.ok([3, 4].includes(positionOf(analysis.model, yaml.span.start).line));
  assert.ok(yaml.span.end <= (analysis.model.frontMatter?.span.end ?? 0));
  assert.ok(findings.length > 1, 'the other rules still run');
});

test('broken front matter that does not try to declare pim: leaves a plain Markdown file alone', () => {
  assert.deepEqual(analyze('---\ntitle: [x\n---\n# Notes\n', knowledge).findings, []);
});

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
