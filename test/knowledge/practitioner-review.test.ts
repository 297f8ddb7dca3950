/** Corrections a PIM practitioner asked for; each test fails if the knowledge base slips back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knowledgeFiles } from '../../server/src/bundled-knowledge';
import { citationsOf } from '../../server/src/engine/knowledge/provenance';
import { knowledge } from '../helpers/knowledge';

const term = (id: string) => {
  const found = knowledge.terms.find((t) => t.id === id);
  assert.ok(found, `glossary.json has no term "${id}"`);
  return found;
};
const kind = (id: string) => knowledge.kinds.find((k) => k.id === id)!;
const section = (kindId: string, sectionId: string) => {
  const found = kind(kindId).sections.find((s) => s.id === sectionId);
  assert.ok(found, `${kindId} has no section "${sectionId}"`);
  return found;
};

test('a returnee in French: "rapatrié" crossed a border back, returning IDPs are "retournés"', () => {
  const returnee = term('returnee');
  assert.doesNotMatch(returnee.names.fr ?? '', /rapatri/i);
  assert.match(returnee.definition.fr ?? '', /frontière, est un rapatrié.*déplacée interne .* retourné/s);
  assert.ok(returnee.aliases.fr.includes('rapatrié'), 'documents that say "rapatrié" still find the term');
});

test('the PIM core competencies: 32 competencies grouped as skills, knowledge and attitudes, not "four areas"', () => {
  const competencies = knowledge.terms.filter((t) => t.id === 'pim-core-competencies' || t.related.includes('term:pim-core-competencies'));
  for (const t of competencies) {
    for (const text of Object.values(t.definition)) assert.doesNotMatch(text, /four areas|competency area|quatre domaines|Domaine des compétences|cuatro áreas|Área de las competencias/i, t.id);
  }
  assert.match(term('pim-core-competencies').definition.en, /32 competencies, grouped by the source as skills, knowledge and attitudes/);
});

test('a protection risk is actual or potential exposure, not a likelihood', () => {
  const risk = term('protection-risk');
  assert.match(risk.definition.en, /^The actual or potential exposure of people/);
  for (const text of Object.values(risk.definition)) assert.doesNotMatch(text, /likelihood|probabilité|probabilidad/i);
});

test('refugee and stateless person rest on the 1951, 1954 and 1961 Conventions and the regional instruments', () => {
  const cited = (id: string): string[] => citationsOf(knowledge, term(id).source).map((c) => c.entry.id);
  assert.deepEqual(cited('refugee'), ['W-REF1951', 'W-OAU1969', 'W-CART1984']);
  assert.deepEqual(cited('stateless-person'), ['W-STAT1954', 'W-STAT1961']);
  assert.match(term('refugee').definition.en, /1951 Convention.*1967 Protocol.*1969 OAU Convention.*1984 Cartagena Declaration/s);
  assert.match(term('stateless-person').definition.en, /1954 Convention.*1961 Convention on the Reduction of Statelessness/s);
});

test('the steps of the PIM Process are prescriptive, their order is not: the process is iterative', () => {
  for (const note of Object.values(knowledge.prescriptiveNote)) assert.doesNotMatch(note, /in order\b|dans l'ordre|en orden\b/);
  assert.match(knowledge.prescriptiveNote.en, /Their order is not: the process is organic and can be iterative/);
});

test('kinds: the risk assessment, data protection and sharing sections, duration, review and applicable law, Do no harm and the referral principles', () => {
  for (const id of ['risk-assessment', 'data-protection', 'information-sharing']) assert.equal(section('protection-monitoring-sop', id).required, true, id);
  assert.equal(section('assessment-methodology', 'risk-assessment').required, true);
  for (const id of ['duration-and-termination', 'compliance-and-review']) assert.equal(section('data-sharing-agreement', id).required, true, id);
  assert.match(section('data-sharing-agreement', 'legal-basis').names.en, /applicable law/);
  assert.match(section('data-sharing-agreement', 'legal-basis').skeleton.en, /^- Applicable law: /m);
  for (const id of ['information-sharing-protocol', 'data-sharing-agreement']) assert.ok(kind(id).principles.includes('do-no-harm'), id);
  for (const principle of ['people-centred-and-inclusive', 'coordination-and-collaboration']) assert.ok(kind('referral-sop').principles.includes(principle), principle);
});

/** Fields that hold phrases to match rather than text to read: "remisión" may stay there. */
const PHRASE_FIELDS = new Set(['aliases', 'headings', 'evidence', 'cues', 'phrases', 'citations']);

test('Spanish "referral" is "derivación" in every name, heading, message, skeleton and text; "remisión" only matches', () => {
  const found: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      if (/\bremisi[oó]n/i.test(node) && path.includes('.es')) found.push(path);
    } else if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) if (!PHRASE_FIELDS.has(key)) visit(child, `${path}.${key}`);
    }
  };
  for (const [file, content] of Object.entries(knowledgeFiles)) visit(content, file);
  assert.deepEqual(found, [], 'write "derivación" there');
  assert.equal(term('referral').names.es, 'Derivación');
  assert.ok(term('referral').aliases.es.includes('remisión'));
});
