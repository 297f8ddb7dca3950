import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, positionOf } from '../../server/src/engine/model/build-model';
import { Analysis } from '../../server/src/engine/index';
import { knowledge } from '../helpers/knowledge';
import { comparableModel as strip } from '../helpers/comparable-model';

const evidenceText = (text: string): string =>
  buildModel(text)
    .blocks.flatMap((b) => b.runs.map((r) => text.slice(r.start, r.end)))
    .join('|');

test('sections form a tree with ranges, and text before the first heading is section 0', () => {
  const text = 'Intro\n\n# A\n\na\n\n## A.1\n\nx\n\n# B\n\nb\n';
  const m = buildModel(text);
  assert.deepEqual(
    m.sections.map((s) => [s.level, s.title, s.parent]),
    [
      [0, '', -1],
      [1, 'A', 0],
      [2, 'A.1', 1],
      [1, 'B', 0],
    ],
  );
  const a = m.sections[1]!;
  assert.equal(text.slice(a.span.start, a.span.end), '# A\n\na\n\n## A.1\n\nx\n\n');
  assert.deepEqual(m.sections[0]!.blocks.length, 1);
});

test('a heading written without a space (##Scope) still opens a section', () => {
  const m = buildModel('Text\n##Scope\nThe scope is wide.\n');
  assert.deepEqual(
    m.sections.map((s) => s.title),
    ['', 'Scope'],
  );
});

test('code, HTML comments, inline code and template tags are not evidence; raw HTML table text is', () => {
  const text = '# T\n\nSee `informed consent` and {% raw %} {{ consent }} here <!-- consent -->.\n\n```\nconsent\n```\n\n<table><tr><td>risk assessment</td></tr></table>\n';
  const runs = evidenceText(text);
  assert.doesNotMatch(runs, /consent/);
  assert.match(runs, /risk assessment/);
  assert.equal(buildModel(text).comments.length, 1);
});

test('front matter: the pim declaration with value ranges, unknown keys and the shorthand', () => {
  const text = '---\ntitle: x\npim:\n  kind: dpia\n  stauts: final\n---\n# DPIA\n';
  const pim = buildModel(text).frontMatter?.pim;
  assert.equal(pim?.fields.kind?.value, 'dpia');
  assert.equal(text.slice(pim!.fields.kind!.span.start, pim!.fields.kind!.span.end), 'dpia');
  assert.deepEqual(
    pim?.unknownKeys.map((k) => k.value),
    ['stauts'],
  );
  assert.equal(buildModel('---\npim: report\n---\n').frontMatter?.pim?.fields.kind?.value, 'report');
  assert.ok(buildModel('---\npim: [unclosed\n---\n').frontMatter?.error);
});

test('positions are 1-based lines and UTF-16 columns', () => {
  const m = buildModel('ab\nçd😀e\n');
  assert.deepEqual(positionOf(m, 0), { line: 1, column: 1 });
  assert.deepEqual(positionOf(m, 3), { line: 2, column: 1 });
  assert.deepEqual(positionOf(m, 7), { line: 2, column: 5 });
});

test('the document language is declared, configured or detected', () => {
  const fr = 'Le partage des données avec les partenaires est encadré par un protocole. Les données sont stockées sur un serveur et les personnes sont informées.';
  const es = 'El intercambio de datos con los socios se rige por un protocolo. Los datos se almacenan en un servidor y las personas son informadas para que den su consentimiento.';
  const en = 'The data is shared with partners under a protocol. It is stored on a server and the people are told why it is collected.';
  assert.equal(new Analysis(fr, knowledge).language, 'fr');
  assert.equal(new Analysis(es, knowledge).language, 'es');
  assert.equal(new Analysis(en, knowledge).language, 'en');
  assert.equal(new Analysis(`---\npim:\n  lang: es\n---\n${en}`, knowledge).language, 'es');
  assert.equal(new Analysis('Short.', knowledge, { language: 'fr' }).language, 'fr');
  assert.equal(new Analysis('يجب أن تكون البيانات في مكان آمن مع الشركاء من هذه المنظمة على الخادم', knowledge).language, 'ar');
});

test('parsing in chunks and re-using the previous version give the same model as one whole parse', () => {
  const base = '---\npim:\n  kind: report\n---\n# Title\n\nIntro [see annex][annex].\n\n## A\n\nText a.\n\n```\n## not a heading\n```\n\n## B\n\nText b with a footnote[^1].\n\n[annex]: https://example.org\n[^1]: The note.\n';
  const edits = [
    (t: string) => t.replace('Text a.', 'Text a, edited.'),
    (t: string) => t.replace('## B', '## B renamed'),
    (t: string) => `${t}\n## C\n\nNew section.\n`,
    (t: string) => t.replace('[annex]: https://example.org\n', ''),
    (t: string) => t.replace('\n\n## A', '\n## A'),
  ];
  let previous = buildModel(base);
  assert.ok(previous.chunks.length > 2, 'the document is parsed in chunks');
  assert.deepEqual(strip(previous), strip(buildModel(base, 'whole')));
  let text = base;
  for (const edit of edits) {
    text = edit(text);
    const incremental = buildModel(text, previous);
    const fresh = buildModel(text, 'whole');
    assert.deepEqual(strip(incremental), strip(fresh));
    previous = incremental;
  }
  const model = buildModel(base);
  assert.deepEqual(
    model.sections.map((s) => s.title),
    ['', 'Title', 'A', 'B'],
  );
  assert.doesNotMatch(model.blocks.map((b) => b.runs.map((r) => base.slice(r.start, r.end)).join('')).join('|'), /\[see annex\]|not a heading/);
});

