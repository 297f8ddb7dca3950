/** Every rule cites the PIM source of its requirement, states the requirement in our words and says how sure it is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules, ruleSource } from '../../server/src/engine/index';
import { certaintyOf, citationsOf } from '../../server/src/engine/knowledge/provenance';
import { knowledge } from '../helpers/knowledge';

const LANGS = ['en', 'fr', 'es'] as const;

for (const rule of rules) {
  test(`${rule.id}: cites the source of its requirement and states it in en, fr and es`, () => {
    const parts = rule.source.split(';');
    assert.equal(
      citationsOf(knowledge, rule.source).length,
      parts.length,
      `${rule.id}: each part of its \`source\` ("${rule.source}") must start with a source id listed in server/knowledge/meta.json, such as "S001 Annex 3" or "W-PRIN15", or be "TEAM" where the requirement is our synthesis`,
    );
    const statement = knowledge.messages[`source.${rule.id}`];
    assert.ok(statement, `server/knowledge/messages.json has no "source.${rule.id}"; add the requirement the rule checks, in our own words, in en, fr and es`);
    for (const lang of LANGS) {
      assert.match(statement[lang] ?? '', /^\S.{30,}[.]$/u, `"source.${rule.id}" needs a ${lang} sentence of our own that ends with a full stop`);
    }
    assert.ok(rule.howToFix.length > 20, `${rule.id}: \`howToFix\` should say, for its documentation page, what to write or change so that the finding goes away`);
  });
}

test('every source statement in messages.json belongs to a registered rule', () => {
  const ids = new Set(rules.map((r) => r.id));
  const orphans = Object.keys(knowledge.messages).filter((key) => key.startsWith('source.') && !ids.has(key.slice('source.'.length)));
  assert.deepEqual(orphans, [], 'remove the statements of rules that no longer exist');
});

test('certainty follows the kinds of the sources cited: PIM or public sources only, with our synthesis, or ours alone', () => {
  assert.equal(certaintyOf(knowledge, 'S001 Annex 2; W-PRIN15'), 'verified');
  assert.equal(certaintyOf(knowledge, 'S001 Annex 3; TEAM'), 'partly-verified');
  assert.equal(certaintyOf(knowledge, 'TEAM'), 'inferred');
  const byCertainty = (c: string): string[] => rules.filter((r) => certaintyOf(knowledge, r.source) === c).map((r) => r.id);
  assert.ok(byCertainty('verified').includes('referral-missing'));
  assert.ok(byCertainty('inferred').includes('broken-link'));
});

test('a source field is read as citations: what each covers, the source, and where in it', () => {
  const citations = citationsOf(knowledge, 'S001 Annex 2 (description); S001 sec. 5; purpose and activities: TEAM');
  assert.deepEqual(
    citations.map((c) => [c.covers, c.entry.id, c.locator]),
    [
      ['', 'S001', 'Annex 2 (description)'],
      ['', 'S001', 'sec. 5'],
      ['purpose and activities', 'TEAM', ''],
    ],
  );
  // A semicolon inside parentheses belongs to the note, and a source named there is named by its title.
  const [policy] = citationsOf(knowledge, 'TEAM (no PIM source defines it; sections follow W-ICRC-HB)');
  assert.equal(policy?.locator, '(no PIM source defines it; sections follow ICRC Handbook on Data Protection in Humanitarian Action)');
});

test('a rule source reads as one sentence: the requirement, the sources by their names, and how sure it is', () => {
  const channel = rules.find((r) => r.id === 'unsafe-channel')!;
  const en = ruleSource(knowledge, channel, 'en');
  assert.equal(en.certainty, 'partly-verified');
  assert.match(en.summary, /^Data is shared only over channels .* Source: PIM Working Meeting 2016, Annex 3; the PIM Language Tools team \(partly stated in the source, partly our synthesis\)\.$/);
  assert.match(en.markdown, /^> Data is shared only/);
  assert.ok(en.markdown.includes('Third PIM Working Meeting Outcome Document, Copenhagen, 5-7 Sept 2016, Annex 3'), en.markdown);
  const fr = ruleSource(knowledge, channel, 'fr');
  assert.match(fr.summary, / Source\u00a0: PIM Working Meeting 2016, Annex 3\u00a0; l'équipe de PIM Language Tools \(en partie énoncé dans la source, en partie notre synthèse\)\.$/);
  const referral = ruleSource(knowledge, rules.find((r) => r.id === 'referral-missing')!, 'es');
  assert.match(referral.summary, /Fuente: PIM Working Meeting 2016, Annex 2 \(establecido en la fuente\)\.$/);
});
