/** The shipped knowledge base: loads, holds what the PIM framework has, and is internally consistent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledKnowledge, knowledgeFiles, knowledgeSchema } from '../../server/src/bundled-knowledge';
import { loadKnowledge } from '../../server/src/engine/knowledge/load';
import { phraseKey } from '../../server/src/engine/text/normalize';
import type { LocalizedText } from '../../server/src/engine/knowledge/types';

const k = bundledKnowledge();

test('the shipped files pass the schema and every integrity check, which start-up then skips', () => {
  const validated = loadKnowledge(knowledgeFiles, knowledgeSchema);
  assert.equal(validated.version, k.version);
  assert.deepEqual(validated.kinds.map((kind) => kind.id), k.kinds.map((kind) => kind.id));
});

const PRINCIPLES = [
  'people-centred-and-inclusive',
  'do-no-harm',
  'defined-purpose',
  'informed-consent-and-confidentiality',
  'data-protection-and-security',
  'competency-and-capacity',
  'impartiality',
  'coordination-and-collaboration',
];
const STEPS: Record<string, string[]> = {
  'assess-information-landscape': ['define-purpose-and-information-needs', 'data-and-information-review'],
  'design-im-systems': ['design-with-affected-communities', 'establish-information-sharing-networks', 'develop-im-system'],
  'implement-im-systems': ['collect-data', 'store-and-maintain', 'process-and-analyse', 'disseminate-and-share'],
  'evaluate-impact': ['review-information-sharing', 'review-im-system', 'review-protection-impacts'],
};
const KINDS = [
  'assessment-methodology',
  'protection-monitoring-sop',
  'information-sharing-protocol',
  'data-sharing-agreement',
  'dpia',
  'analysis-plan',
  'data-management-plan',
  'referral-sop',
  'report',
  'pim-project',
];
const SHARING = ['specified-use', 'purpose', 'time-frame', 'impact-assessment', 'agreed-channels', 'breach-procedure', 'retention-and-disposal', 'recipients', 'governing-agreement'];

test('the eight principles, in order, with their stable ids', () => {
  assert.deepEqual(
    k.principles.map((p) => p.id),
    PRINCIPLES,
  );
});

test('the four prescriptive steps and their twelve sub-steps, in order', () => {
  assert.deepEqual(
    Object.fromEntries(k.steps.map((s) => [s.id, s.substeps.map((ss) => ss.id)])),
    STEPS,
  );
  const process = knowledgeFiles['process.json'] as { stepsArePrescriptive: boolean; substepsArePrescriptive: boolean };
  assert.equal(process.stepsArePrescriptive, true);
  assert.equal(process.substepsArePrescriptive, false);
});

test('step 1 accepts both "assess" and the seed\'s printed "access"', () => {
  const step = k.steps[0]!;
  const spellings = [step.names.en, ...step.aliases.en].map(phraseKey);
  assert.ok(spellings.includes(phraseKey('assess information landscape')), spellings.join(' | '));
  assert.ok(spellings.includes(phraseKey('access information landscape')), spellings.join(' | '));
});

test('principle aliases include the US spelling and the revised name of principle 5', () => {
  const p1 = k.principles[0]!.aliases.en.map(phraseKey);
  assert.ok(p1.includes(phraseKey('people centered and inclusive')));
  const p5 = k.principles[4]!.aliases.en.map(phraseKey);
  assert.ok(p5.includes(phraseKey('data responsibility, protection and security')), p5.join(' | '));
});

test('every sub-step has purposes and activities, every principle a checklist and evidence per language', () => {
  for (const s of k.substeps) {
    assert.ok(s.purposes.length > 0, s.id);
    assert.ok(s.activities.length > 0, s.id);
    for (const lang of ['en', 'fr', 'es'] as const) {
      assert.ok(s.headings[lang].length > 0, `${s.id} headings ${lang}`);
      assert.ok(s.evidence[lang].length > 0, `${s.id} evidence ${lang}`);
    }
  }
  for (const p of k.principles) {
    assert.ok(p.checklist.length >= 2, p.id);
    assert.ok(p.steps.length > 0, p.id);
    for (const lang of ['en', 'fr', 'es'] as const) assert.ok(p.evidence[lang].length >= 5, `${p.id} evidence ${lang}`);
  }
});

// Exact counts: a change to the activities must say so here, and what is "verified" is counted, not assumed.
test('the sub-steps list 57 activities, 39 of them verified against the source, each verified one citing it', () => {
  const all = k.substeps.flatMap((s) => s.activities);
  assert.equal(all.length, 57);
  const verified = all.filter((a) => a.status === 'verified');
  assert.equal(verified.length, 39);
  for (const activity of verified) assert.match(activity.source, /\S/, activity.id);
});

test('the eight categories with definition and output, and the matrix rows with the fixed ones marked', () => {
  assert.equal(k.categories.length, 8);
  for (const c of k.categories) {
    assert.ok(c.definition.en && c.output.en, c.id);
    assert.ok(c.subCategories.length && c.methods.length && c.specificExamples.length && c.sourcesOfInformation.length, c.id);
  }
  const fixed = k.matrixRows.filter((r) => !r.adaptable).map((r) => r.id);
  assert.deepEqual(fixed.sort(), ['definition', 'output']);
  assert.ok(k.matrixRows.length >= 7);
});

test('the glossary has at least 100 terms, including the PIM definition and the core competencies', () => {
  assert.ok(k.terms.length >= 100, `${k.terms.length} terms`);
  assert.ok(k.byRef.has('term:protection-information-management'));
  assert.ok(k.byRef.has('term:pim-core-competencies'));
});

test('all required document kinds, each with required sections and a skeleton per section', () => {
  const ids = k.kinds.map((kind) => kind.id);
  for (const id of KINDS) assert.ok(ids.includes(id), `missing kind ${id}`);
  for (const kind of k.kinds) {
    assert.ok(kind.sections.some((s) => s.required), `${kind.id} has no required section`);
    assert.ok(kind.substeps.length > 0 && kind.principles.length > 0, kind.id);
    for (const section of kind.sections) {
      for (const lang of ['en', 'fr', 'es'] as const) assert.ok(section.skeleton[lang]?.trim(), `${kind.id}/${section.id} skeleton ${lang}`);
    }
  }
});

test('the data-sharing requirements of seed 001 Annex 3, the governing agreement included', () => {
  assert.deepEqual(
    k.requirements.map((r) => r.id),
    SHARING,
  );
});

test('every entry has every declared locale (Arabic for principles, steps, sub-steps and categories)', () => {
  const needs = (names: LocalizedText, langs: readonly string[], what: string): void => {
    for (const lang of langs) assert.ok((names as Record<string, string | undefined>)[lang], `${what}: no ${lang} name`);
  };
  for (const p of k.principles) needs(p.names, ['en', 'fr', 'es', 'ar'], `principle ${p.id}`);
  for (const s of k.steps) needs(s.names, ['en', 'fr', 'es', 'ar'], `step ${s.id}`);
  for (const s of k.substeps) needs(s.names, ['en', 'fr', 'es', 'ar'], `sub-step ${s.id}`);
  for (const c of k.categories) needs(c.names, ['en', 'fr', 'es', 'ar'], `category ${c.id}`);
  for (const t of k.terms) needs(t.names, ['en', 'fr', 'es'], `term ${t.id}`);
  for (const kind of k.kinds) needs(kind.names, ['en', 'fr', 'es'], `kind ${kind.id}`);
});

test('facts marked inferred say where they come from', () => {
  const inferred = [...k.principles, ...k.substeps, ...k.substeps.flatMap((s) => s.activities), ...k.categories, ...k.terms, ...k.kinds].filter(
    (item) => item.status === 'inferred',
  );
  assert.ok(inferred.length > 0, 'the fact sheet marks some facts as ours; they must stay marked');
  for (const item of inferred) assert.ok(item.source.trim().length > 0, item.id);
});
