import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine/model/build-model';
import { readSuppressions } from '../../server/src/engine/suppressions';

const at = (text: string, rule: string): number[] => {
  const s = readSuppressions(buildModel(text));
  return text.split('\n').flatMap((_, i) => (s.isSuppressed(rule, i + 1) ? [i + 1] : []));
};

test('disable and enable switch a rule off for the lines between them', () => {
  const text = 'a\n<!-- pim-disable rule-a -->\nb\nc\n<!-- pim-enable rule-a -->\nd\n';
  assert.deepEqual(at(text, 'rule-a'), [2, 3, 4]);
  assert.deepEqual(at(text, 'rule-b'), []);
});

test('without rule ids, a switch applies to every rule', () => {
  assert.deepEqual(at('<!-- pim-disable -->\nb\n<!-- pim-enable -->\nc', 'anything'), [1, 2]);
});

test('next-line, line and file switches', () => {
  const text = 'a\n<!-- pim-disable-next-line rule-a rule-b -->\nb\nc <!-- pim-disable-line rule-a -->\nd\n';
  assert.deepEqual(at(text, 'rule-a'), [3, 4]);
  assert.deepEqual(at(text, 'rule-b'), [3]);
  assert.deepEqual(at('x\ny\n<!-- pim-disable-file rule-c -->\n', 'rule-c'), [1, 2, 3, 4]);
});

test('comments that are not switches, or inside code, change nothing', () => {
  assert.deepEqual(at('<!-- pim-disabled rule-a -->\na\n```\n<!-- pim-disable rule-a -->\n```\nb', 'rule-a'), []);
});
