/** Generated files must match their sources: the rule registry and the knowledge base. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/engine/index';
import { generatedFiles, ROOT, SECTION_SNIPPETS } from '../scripts/generated';
import { knowledge } from './helpers/knowledge';

for (const [path, expected] of Object.entries(generatedFiles())) {
  test(`${path} is up to date`, () => {
    assert.equal(readFileSync(join(ROOT, path), 'utf8'), expected, `${path} is stale; run npm run generate and commit the result`);
  });
}

test('snippets: a skeleton per document kind and the section snippets, with tab stops for placeholders', () => {
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'pim.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  for (const kind of knowledge.kinds) assert.ok(prefixes.includes(`pim-${kind.id}`), kind.id);
  for (const prefix of Object.keys(SECTION_SNIPPETS)) assert.ok(prefixes.includes(prefix), prefix);
  for (const snippet of Object.values(snippets)) {
    const body = snippet.body.join('\n');
    assert.doesNotMatch(body, /\[[^\]\n]{2,}\](?!\()/, `${snippet.prefix} keeps an unconverted [placeholder]`);
    assert.equal((body.match(/\$\{/g) ?? []).length, (body.match(/(?<!\\)\}/g) ?? []).length, `${snippet.prefix} has unbalanced tab stops`);
  }
  const methodology = snippets['PIM document: ' + knowledge.kinds[0]!.names.en]!.body.join('\n');
  for (const section of knowledge.kinds[0]!.sections) assert.ok(methodology.includes(`## ${section.names.en}`), section.id);
});

test('grammar: highlights pim-disable comments and pim front-matter keys with known values', () => {
  const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'pim.injection.tmLanguage.json'), 'utf8'));
  const directive = new RegExp(grammar.repository.directive.match);
  assert.deepEqual(directive.exec('<!-- pim-disable-next-line required-section unsafe-channel -->')?.slice(2, 4), ['pim-disable-next-line', ' required-section unsafe-channel']);
  assert.equal(directive.test('<!-- pim-disable no-such-rule -->'), false);
  const field = new RegExp(grammar.repository['pim-field'].match);
  assert.equal(field.exec('  kind: protection-monitoring-sop')?.[3], 'protection-monitoring-sop');
  assert.equal(field.exec('  category: case-management')?.[3], 'case-management');
  assert.equal(field.exec('  kind: memo')?.[3], undefined);
  assert.ok(new RegExp(grammar.repository['pim-key'].match).test('pim:'));
});

test('docs/rules holds one page per registered rule and no page of a rule that is gone', () => {
  assert.deepEqual(readdirSync(join(ROOT, 'docs', 'rules')).sort(), rules.map((r) => `${r.id}.md`).sort(), 'run npm run generate, and delete the pages of removed rules');
});

test("a rule page shows its source, its examples with what pim-lint reports on them, how to fix it and how to configure it", () => {
  const page = readFileSync(join(ROOT, 'docs', 'rules', 'referral-missing.md'), 'utf8');
  assert.match(page, /## Why\n\n> When the IM system is developed, referral mechanisms are set up/);
  assert.match(page, /Source: Third PIM Working Meeting Outcome Document, Copenhagen, 5-7 Sept 2016, Annex 2\n\n\*Verified: the sources state it\.\*/);
  assert.match(page, /### Reported\n\n```markdown\n---\npim:[\s\S]*?```\n\n`pim-lint` reports:\n\n- line \d+, column \d+, warning: Individual cases are handled but no referral mechanism is described/);
  assert.match(page, /### Not reported\n/);
  assert.match(page, /\| In a draft \(`status: draft`\) \| one level lower: info \|/);
  assert.match(page, /\{ "rules": \{ "referral-missing": "error" \} \}/);
  assert.match(page, /<!-- pim-disable-next-line referral-missing -->/);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const rule of rules) assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), `the README rules table links ${rule.id} to its page`);
});
