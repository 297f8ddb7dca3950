/**
 * Every input is bounded before parsing: pathological documents are declined with one finding that
 * says which limit was passed and how to get under it, or checked; real documents are never
 * declined; a document's findings are capped. Outcomes only: times and memory are measured by
 * `npm run bench:pathological`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analysis, analyze, positionOf } from '../../server/src/engine/index';
import { lint } from '../../server/src/engine/lint';
import { LIMITS } from '../../server/src/engine/limits';
import { defineRule, type Rule } from '../../server/src/engine/rules/define-rule';
import { PATHOLOGICAL_INPUTS } from '../../bench/pathological-inputs';
import { knowledge } from '../helpers/knowledge';

const ROOT = join(import.meta.dirname, '..', '..');
const input = (name: string): string => {
  const found = PATHOLOGICAL_INPUTS.find((i) => i.name === name);
  assert.ok(found, `no pathological input named "${name}"`);
  return found.make();
};

/** The budgets of issue 11 that a structure limit declines, and the words its finding must say. */
const DECLINED_BY_STRUCTURE: readonly (readonly [string, RegExp])[] = [
  ['100,000 headings', /more than 10,000 headings.*; split it into smaller documents\.$/],
  ['100,000 headings, no blank lines', /more than 10,000 headings/],
  ['list nested 5,000 deep by markers', /nested 5,000 levels deep here, more than the 16 .*; flatten them\.$/],
  ['quotes nested 5,000 deep by markers', /nested 5,000 levels deep here, more than the 16 /],
  ['lists and quotes mixed 5,000 deep', /nested 5,000 levels deep here/],
  ['10,000 table columns', /10,000 table columns, more than the 1,000 .*; split the table into narrower ones\.$/],
  ['10,000 nested links', /More than 32 brackets are open inside one another.*escape them as \\\[\.$/],
  ['*a × 50,000', /more than 500 emphasis marks .*escape them with a backslash\.$/],
  ['20,000 link definitions', /goes on for more than 500 lines without a blank line.*separate it with blank lines\.$/],
  ['20,000 link definitions, blank lines between', /more than 2,000 link definitions.*write the links inline or split the document\.$/],
  ['link closers with no openers', /more than 1,000 closing brackets .*escape the brackets as \\\]\.$/],
  ['nested strong emphasis', /more than 500 emphasis marks/],
  ['a table of 1,000 columns and 1,000 rows', /The table that starts here has more than 50,000 cells.*keep the data in a spreadsheet and link to it\.$/],
  ['a list of 1,000 items of 250 emphasis runs', /The list, quote or run of paragraphs that starts here has more than 5,000 emphasis marks .*escape some marks with a backslash\.$/],
  ['backtick runs of every length', /more than 500 runs of backticks .*put the code in a fenced block, or split the paragraph with blank lines\.$/],
  ['unclosed <!--', /more than 1,000 angle brackets .*escape them as \\<\.$/],
];

function assertDeclined(text: string, expected: RegExp, options = {}, notChecked = /was not checked; /): void {
  const { findings, analysis } = analyze(text, knowledge, options);
  assert.equal(findings.length, 1, findings.map((f) => f.ruleId).join(', '));
  const [finding] = findings;
  assert.equal(finding?.ruleId, 'document-declined');
  assert.match(finding?.message ?? '', notChecked);
  assert.match(finding?.message ?? '', expected);
  assert.ok(analysis.declined);
}

for (const [name, expected] of DECLINED_BY_STRUCTURE) {
  test(`declined before parsing, with one finding that says why: ${name}`, () => assertDeclined(input(name), expected));
}

test('nesting by indentation is declined by its depth when the size limit is raised, and by size otherwise', () => {
  const text = input('list nested 5,000 deep by indentation');
  assertDeclined(text, /This document is 23\.9 MB, more than the 5 MB .*; split it into smaller documents, or raise maxDocumentSize in \.pimrc\.json \(in bytes, now 5,242,880\) or the setting pim\.maxDocumentSize\.$/);
  assertDeclined(text, /nested 17 levels deep here, more than the 16 /, { maxDocumentSize: 100 * 1024 * 1024 });
  assertDeclined(input('quotes nested 5,000 deep, one more per line'), /nested 17 levels deep here/, { maxDocumentSize: 100 * 1024 * 1024 });
});

test('the finding of a limit passed on one line points at that line', () => {
  const text = `---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\nSome text.\n\n${'> '.repeat(40)}deep\n`;
  const [finding] = analyze(text, knowledge).findings;
  assert.equal(finding?.ruleId, 'document-declined');
  // Lines count from 1: the ninth line is the first of the deep quotes.
  assert.equal(positionOf(analyze(text, knowledge).analysis.model, finding?.span.start ?? -1).line, 9);
});

test('a 1 MB single line is checked, not declined', () => {
  const { findings, analysis } = analyze(input('a 1 MB single line'), knowledge);
  assert.equal(analysis.declined, undefined);
  assert.ok(findings.length > 0);
  assert.ok(!findings.some((f) => f.ruleId === 'document-declined' || f.ruleId === 'internal-error'));
});

test('a document over maxDocumentSize is declined by its size in UTF-8 bytes, in its own language', () => {
  const text = `---\npim:\n  kind: referral-sop\n  lang: fr\n---\n# Procédure de référencement\n\n${'Les équipes référent les personnes. '.repeat(40)}\n`;
  assertDeclined(text, /^Ce document fait 1,7\sKo, plus que les 1\sKo que PIM Language Tools vérifie\s.*pim\.maxDocumentSize\.$/, { maxDocumentSize: 1024 }, /pas été vérifié\s:\s/);
  assert.equal(analyze(text, knowledge, { maxDocumentSize: 4096 }).analysis.declined, undefined);
});

test('the beginning of a file too big to read whole is declined by the size of the whole file', () => {
  const beginning = '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\nThe rest was not read.';
  assertDeclined(beginning, /^This document is 1,144\.5 MB, more than the 5 MB /, { documentSize: 1_200_000_000 });
});

test('a declined document is still silent when it declares no pim:', () => {
  const text = `# Notes\n\n${'- '.repeat(100)}deep\n`;
  const { findings, analysis } = analyze(text, knowledge);
  assert.ok(analysis.declined);
  assert.equal(analysis.isPim, false);
  assert.deepEqual(findings, []);
});

test('no document of the fixtures, the examples or the documentation is declined', () => {
  const folders = ['test/fixtures/documents', 'examples', 'docs/rules'];
  let checked = 0;
  for (const folder of folders) {
    for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.md'))) {
      const { analysis } = analyze(readFileSync(join(ROOT, folder, name), 'utf8'), knowledge, { treatAsPim: true });
      assert.equal(analysis.declined, undefined, `${folder}/${name}: ${JSON.stringify(analysis.declined)}`);
      checked++;
    }
  }
  assert.ok(checked > 20, `only ${checked} documents found`);
});

/** A rule that reports once per line that reads "noise", for the cap. */
function noisyRule(id: string, severity: 'warning' | 'error'): Rule {
  return defineRule({
    id,
    description: 'Reports every line that reads "noise", for this test.',
    defaultSeverity: severity,
    missingItem: false,
    scope: 'document',
    refs: [],
    source: 'TEAM',
    howToFix: 'Nothing: it exists to be noisy.',
    examples: { valid: [], invalid: [] },
    check(context) {
      const text = context.analysis.text;
      for (let at = text.indexOf('noise'); at >= 0; at = text.indexOf('noise', at + 1)) context.report({ span: { start: at, end: at + 5 }, message: 'Noise.' });
    },
  });
}

test('findings are capped per document, the most severe kept, with one finding saying how many more and which rule makes them', () => {
  const text = `---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n${'noise\n\n'.repeat(LIMITS.maxFindings + 100)}`;
  const findings = lint(new Analysis(text, knowledge), [noisyRule('noisy-warning', 'warning'), noisyRule('noisy-error', 'error')]);
  assert.equal(findings.length, LIMITS.maxFindings + 1);
  const cap = findings.filter((f) => f.ruleId === 'too-many-findings');
  assert.equal(cap.length, 1);
  // 100 errors are left out too: the cap finding is as severe as they are.
  assert.equal(cap[0]?.severity, 'error');
  assert.equal(
    cap[0]?.message,
    'PIM Language Tools shows 500 findings for this document and leaves out 700 more, 600 of them from the rule noisy-warning; fix the ones shown and check again, or turn noisy-warning off in .pimrc.json, to see the rest.',
  );
  assert.equal(findings.filter((f) => f.ruleId === 'noisy-error').length, 500);
  assert.deepEqual(
    findings.map((f) => f.span.start),
    [...findings].map((f) => f.span.start).sort((a, b) => a - b),
  );
});

test('a document at the cap keeps all its findings and no cap finding', () => {
  const text = `---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n${'noise\n\n'.repeat(LIMITS.maxFindings)}`;
  const findings = lint(new Analysis(text, knowledge), [noisyRule('noisy-warning', 'warning')]);
  assert.equal(findings.length, LIMITS.maxFindings);
  assert.ok(!findings.some((f) => f.ruleId === 'too-many-findings'));
});

test('inputs just under the limits are checked, not declined', () => {
  const atLimit = PATHOLOGICAL_INPUTS.filter((i) => i.name.startsWith('at the limit:'));
  assert.ok(atLimit.length >= 6);
  for (const { name, make } of atLimit) assert.equal(new Analysis(make(), knowledge).declined, undefined, name);
});
