import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseGroundTruth, score, type Judged } from '../server/src/eval/evaluate';
import { parseFindingsTruth, parseKinds, scoreFindings, scoreKinds, type LinedFinding } from '../server/src/eval/findings';
import { findingTopics } from '../server/src/eval/topics';
import { fitSectionThreshold } from '../server/src/eval/fit-kinds';
import type { Finding } from '../server/src/engine/index';
import { assertGolden } from './helpers/golden';
import { knowledge } from './helpers/knowledge';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'test', 'fixtures', 'eval');

const finding = (ruleId: string, refs: string[] = [], severity: Finding['severity'] = 'warning'): Finding => ({ ruleId, severity, message: 'm', span: { start: 0, end: 0 }, refs });

test('ground truth is read by column name and bad labels are located', () => {
  const rows = parseGroundTruth('label\tfile\tkind\titem\nweak\ta.md\tprinciple\tdo-no-harm\n');
  assert.deepEqual(rows, [{ file: 'a.md', kind: 'principle', item: 'do-no-harm', label: 'weak' }]);
  assert.throws(() => parseGroundTruth('file\tkind\titem\tlabel\na.md\tprinciple\tdo-no-harm\tmaybe\n', 'gt.tsv'), /gt\.tsv: line 2: label "maybe"/);
});

test('false alarms, misses, hit rates and agreement are computed as defined', () => {
  const row = (label: Judged['label'], predicted: Judged['predicted']): Judged => ({ file: 'a', kind: 'principle', item: 'x', label, predicted });
  const s = score([row('explicit', 'missing'), row('explicit-confidentiality-only', 'addressed'), row('absent', 'addressed'), row('absent', 'missing'), row('weak', 'weak')]);
  assert.equal(s.explicit, 2);
  assert.equal(s.falseAlarms, 1);
  assert.equal(s.explicitHits, 1);
  assert.equal(s.absent, 2);
  assert.equal(s.misses, 1);
  assert.equal(s.absentHits, 1);
  assert.equal(s.agreement, 3 / 5);
});

test('findings truth and kinds are read by column name, with line ranges and whole-document rows', () => {
  const rows = parseFindingsTruth('file\texpect\ttopic\tline\tnote\na.md\tflag\tconsent\t23-27\tNo consent.\na.md\tsilent\tretention\tdoc\tKept 12 months.\n');
  assert.deepEqual(rows[0], { file: 'a.md', expect: 'flag', topic: 'consent', lines: { from: 23, to: 27 }, note: 'No consent.' });
  assert.equal(rows[1]?.lines, undefined);
  assert.throws(() => parseFindingsTruth('file\texpect\ttopic\tline\na.md\tmaybe\tconsent\t3\n', 'ft.tsv'), /ft\.tsv: line 2: expect "maybe"/);
  assert.throws(() => parseFindingsTruth('file\texpect\ttopic\tline\na.md\tflag\tconsent\tthree\n', 'ft.tsv'), /line "three"/);
  assert.deepEqual([...parseKinds('file\tkind\tnote\na.md\tdpia\tx\nb.md\tnone\ty\n')], [['a.md', 'dpia'], ['b.md', 'none']]);
});

test('the topic mapping: rules, sharing terms, sections by name or by what they stand for, principles', () => {
  assert.deepEqual(findingTopics(finding('consent-missing'), knowledge), ['consent']);
  assert.deepEqual(findingTopics(finding('sharing-safeguards', ['requirement:agreed-channels', 'requirement:governing-agreement']), knowledge), ['sharing-terms:channels', 'sharing-terms:agreement']);
  assert.ok(findingTopics(finding('required-section', ['kind:data-management-plan', 'section:data-management-plan/incident-management']), knowledge).includes('section:breach'));
  assert.ok(findingTopics(finding('required-section', ['kind:policy', 'section:policy/purpose-and-scope']), knowledge).includes('section:purpose'));
  // A missing consent section stands for the consent finding the engine then leaves out.
  assert.ok(findingTopics(finding('required-section', ['kind:assessment-methodology', 'section:assessment-methodology/informed-consent']), knowledge).includes('consent'));
  assert.deepEqual(findingTopics(finding('principle-unaddressed', ['principle:do-no-harm']), knowledge), ['principle:do-no-harm', 'risk-assessment']);
  assert.deepEqual(findingTopics(finding('broken-link'), knowledge), ['other:broken-link']);
  assert.deepEqual(findingTopics(finding('kind-inferred'), knowledge), []);
});

test('recall counts flag rows met near their lines; false alarms count silent rows hit by a warning', () => {
  const truth = parseFindingsTruth(
    'file\texpect\ttopic\tline\na.md\tflag\tchannel\t10\nb.md\tflag\tchannel\t10\na.md\tsilent\tconsent\tdoc\na.md\tsilent\tretention\tdoc\na.md\tflag\tplaceholder\t50\n',
  );
  const lined = (f: Finding, line: number): LinedFinding => ({ finding: f, line });
  const byFile = new Map<string, LinedFinding[]>([
    ['a.md', [lined(finding('unsafe-channel'), 12), lined(finding('consent-missing'), 1), lined(finding('retention-missing', [], 'info'), 1), lined(finding('empty-section'), 90)]],
    ['b.md', [lined(finding('unsafe-channel'), 40)]],
  ]);
  const s = scoreFindings(truth, byFile, knowledge);
  assert.equal(s.flags, 3);
  assert.equal(s.met, 1, 'a place-bound finding counts only near its row; b.md:40 is too far from line 10, a.md:90 from 50');
  assert.equal(s.silents, 2);
  assert.equal(s.contradicted, 1, 'an information finding does not contradict a silent row');
});

test('kind inference is scored on documents with a kind; documents of no kind only must not be flooded', () => {
  const s = scoreKinds(
    new Map([
      ['a.md', 'dpia'],
      ['b.md', 'report'],
      ['c.md', 'none'],
      ['d.md', 'none'],
    ]),
    new Map([
      ['a.md', { kind: 'dpia', missingSections: 0 }],
      ['b.md', { kind: 'none', missingSections: 0 }],
      ['c.md', { kind: 'policy', missingSections: 1 }],
      ['d.md', { kind: 'dpia', missingSections: 5 }],
    ]),
  );
  assert.equal(s.matched, 1);
  assert.equal(s.withKind, 2);
  assert.deepEqual(s.flooded, ['d.md']);
});

test('the section threshold separates the expert rows, the highest of equally good ones', () => {
  const sample = (score: number, present: boolean) => ({ file: 'a', topic: 'section:x', score, present });
  assert.equal(fitSectionThreshold([sample(0, false), sample(1, false), sample(5, true), sample(7, true)], 3), 3);
  assert.equal(fitSectionThreshold([], 2.5), 2.5);
});

test('npm run eval on the tiny corpus prints coverage, findings and kinds figures (golden)', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval.ts'), TINY], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /explicit hit rate \(reported addressed\): /);
  assert.match(result.stdout, /findings recall \(flag rows met\): /);
  assert.match(result.stdout, /kind inference \(documents with a kind\): /);
  assertGolden(join(TINY, 'eval.expected'), result.stdout);
  const missing = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval.ts'), join(ROOT, 'test')], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /ground-truth\.tsv does not exist/);
});

test('npm run fit on the tiny corpus fits every number and reports whole and cross-validated figures (golden)', () => {
  // --refit-sections: the section weights are fitted too, not kept from the bundled calibration.
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'fit.ts'), TINY, '--folds', '2', '--refit-sections'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /\| three-way agreement \| [\d.]+% \| [\d.]+% \|/);
  assert.match(result.stdout, /sections: present from content score/);
  assertGolden(join(TINY, 'fit.expected'), result.stdout);
  const usage = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'fit.ts'), TINY, '--folds', '1'], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
});
