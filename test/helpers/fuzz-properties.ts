/**
 * What must hold for any input, whatever it is: the engine does not throw, every range is inside
 * the document and on UTF-16 boundaries, the result is deterministic, chunked parsing equals the
 * whole parse, and hover and completion answer at every offset. Shared by the fuzz test in
 * `npm test` and by `npm run fuzz`, which runs many more cases.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, completeAt, hoverAt, type Finding, type Span } from '../../server/src/engine/index';
import { knowledge } from './knowledge';
import { applyTextEdit, markdownDocument, textEdit } from './markdown-arbitrary';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'documents');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

const STRANGE = fc.constantFrom('\uD83D', '\uDE00', '\u0000', '\uFEFF', '\r', '\r\n', '\u0301', '👩‍👩‍👧', 'ع', '\u202E', '\u001b[2J', '---\n', '```\n', '<!--\n');

/** A team-written document, changed the way editing and copy-paste change documents. */
const mutation = fc.oneof(
  textEdit,
  fc.tuple(fc.nat(), fc.nat({ max: 200 }), fc.constant('')),
  fc.tuple(fc.nat(), fc.constant(0), STRANGE),
);
export const mutatedFixture: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom('keep', '\r\n', '\r'))
  .map(([text, edits, eol]) => {
    const mutated = edits.reduce((t, e) => applyTextEdit(t, e as [number, number, string]), text);
    return eol === 'keep' ? mutated : mutated.replace(/\r\n|\r|\n/g, eol);
  });

export const anyDocument: fc.Arbitrary<string> = fc.oneof(markdownDocument, mutatedFixture);

function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function assertSpan(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets are integers`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: ${span.start}-${span.end} is outside 0-${text.length}`);
  assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), `${what}: ${span.start}-${span.end} splits a surrogate pair`);
}

function assertFindingRanges(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    assertSpan(text, f.span, f.ruleId);
    for (const r of f.related ?? []) assertSpan(text, r.span, `${f.ruleId} related`);
    for (const e of f.fix?.edits ?? []) assertSpan(text, e, `${f.ruleId} fix`);
  }
}

/** Lints both ways, twice, and checks every range; returns the findings. */
export function checkDocument(text: string): readonly Finding[] {
  const options = { treatAsPim: true };
  const whole = analyze(text, knowledge, options, 'whole');
  assertFindingRanges(text, whole.findings);
  assert.deepEqual(analyze(text, knowledge, options, 'whole').findings, whole.findings, 'the same text gives the same findings');
  const chunked = analyze(text, knowledge, options);
  assert.deepEqual(chunked.findings, whole.findings, 'chunked parsing gives the findings of the whole parse');
  for (const section of whole.analysis.model.sections) assertSpan(text, section.span, 'section');
  for (const block of whole.analysis.model.blocks) assertSpan(text, block.span, 'block');
  return whole.findings;
}

/** Hover and completion at every offset of a small document: answers with ranges inside it, never a throw. */
export function checkEveryOffset(text: string): void {
  const { analysis } = analyze(text, knowledge, { treatAsPim: true });
  for (let offset = 0; offset <= text.length; offset++) {
    const hover = hoverAt(analysis, offset);
    if (hover) assertSpan(text, hover.span, `hover at ${offset}`);
    for (const item of completeAt(analysis, offset)) assertSpan(text, item.replace, `completion at ${offset}`);
  }
}

export const smallDocument: fc.Arbitrary<string> = anyDocument.filter((t) => t.length <= 400);
