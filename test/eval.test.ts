import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseGroundTruth, score, type Judged } from '../server/src/eval/evaluate';

const ROOT = join(import.meta.dirname, '..');

test('ground truth is read by column name and bad labels are located', () => {
  const rows = parseGroundTruth('label\tfile\tkind\titem\nweak\ta.md\tprinciple\tdo-no-harm\n');
  assert.deepEqual(rows, [{ file: 'a.md', kind: 'principle', item: 'do-no-harm', label: 'weak' }]);
  assert.throws(() => parseGroundTruth('file\tkind\titem\tlabel\na.md\tprinciple\tdo-no-harm\tmaybe\n', 'gt.tsv'), /gt\.tsv: line 2: label "maybe"/);
});

test('false alarms, misses and agreement are computed as defined', () => {
  const row = (label: Judged['label'], predicted: Judged['predicted']): Judged => ({ file: 'a', kind: 'principle', item: 'x', label, predicted });
  const s = score([row('explicit', 'missing'), row('explicit-confidentiality-only', 'weak'), row('absent', 'addressed'), row('absent', 'missing'), row('weak', 'weak')]);
  assert.equal(s.explicit, 2);
  assert.equal(s.falseAlarms, 1);
  assert.equal(s.absent, 2);
  assert.equal(s.misses, 1);
  assert.equal(s.agreement, 2 / 5);
});

test('npm run eval prints the figures and a per-item table for a folder', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval.ts'), join(ROOT, 'test', 'fixtures', 'eval')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^false alarms \(explicit reported missing\): 0\/4 = 0\.0%/);
  assert.match(result.stdout, /\nmisses \(absent reported addressed\): +0\/3 = 0\.0%/);
  assert.match(result.stdout, /\| principle:informed-consent-and-confidentiality \| 2\/2 \| 0 \| 0 \| E>A \| ->- \|/);
  const missing = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval.ts'), join(ROOT, 'test')], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /ground-truth\.tsv does not exist/);
});
