/** Every rule's own examples are documentation and tests at once. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, rules } from '../../server/src/engine/index';
import { knowledge } from '../helpers/knowledge';

const RULE_DIR = join(import.meta.dirname, '..', '..', 'server', 'src', 'engine', 'rules');

test('every rule file is registered, and every rule id is its file name', () => {
  const files = readdirSync(RULE_DIR)
    .filter((f) => f.endsWith('.ts') && !['index.ts', 'define-rule.ts', 'skeleton.ts', 'signals.ts'].includes(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  assert.deepEqual(rules.map((r) => r.id).sort(), files);
});

test('rule metadata: kebab-case ids, descriptions, knowledge refs that resolve, examples both ways', () => {
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(rule.description.length > 20, rule.id);
    for (const ref of rule.refs) assert.ok(knowledge.byRef.has(ref), `${rule.id} cites unknown ${ref}`);
    assert.ok(rule.examples.valid.length > 0 && rule.examples.invalid.length > 0, `${rule.id} needs valid and invalid examples`);
  }
});

for (const rule of rules) {
  test(`${rule.id}: valid examples produce none of its findings`, () => {
    for (const example of rule.examples.valid) {
      const { findings } = analyze(example.text, knowledge, example.options);
      const own = findings.filter((f) => f.ruleId === rule.id || f.ruleId === 'internal-error');
      assert.deepEqual(own.map((f) => f.message), [], example.text);
    }
  });
  test(`${rule.id}: invalid examples produce its findings`, () => {
    for (const example of rule.examples.invalid) {
      const { findings } = analyze(example.text, knowledge, example.options);
      assert.ok(!findings.some((f) => f.ruleId === 'internal-error'), findings.map((f) => f.message).join('\n'));
      const own = findings.filter((f) => f.ruleId === rule.id);
      if (example.findings !== undefined) assert.equal(own.length, example.findings, `${example.text}\n${own.map((f) => f.message).join('\n')}`);
      else assert.ok(own.length > 0, example.text);
      for (const finding of own) for (const ref of finding.refs) assert.ok(knowledge.byRef.has(ref), `${rule.id} reported unknown ref ${ref}`);
    }
  });
}

/** The checks of checks.json are data, with examples in English, French and Spanish that run here. */
for (const check of knowledge.checks) {
  const ownOf = (text: string) => analyze(text, knowledge).findings.filter((f) => f.ruleId === 'principles-in-action' && f.refs.includes(`check:${check.id}`));
  test(`check ${check.id}: passing examples in every language raise nothing, failing ones raise it`, () => {
    const languages = (examples: readonly { text: string }[]) => new Set(examples.map((e) => /lang: (\w+)/.exec(e.text)?.[1] ?? 'en'));
    assert.deepEqual([...languages(check.examples.valid)].sort(), ['en', 'es', 'fr'], 'a passing example in English, French and Spanish');
    assert.deepEqual([...languages(check.examples.invalid)].sort(), ['en', 'es', 'fr'], 'a failing example in English, French and Spanish');
    for (const example of check.examples.valid) assert.deepEqual(ownOf(example.text).map((f) => f.message), [], example.text);
    for (const example of check.examples.invalid) assert.equal(ownOf(example.text).length, example.findings ?? 1, example.text);
  });
}
