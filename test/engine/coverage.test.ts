import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis } from '../../server/src/engine/index';
import { knowledge } from '../helpers/knowledge';

const status = (text: string, ref: string): string => {
  const [kind, id] = ref.split(':') as ['principle' | 'substep' | 'step', string];
  const coverage = new Analysis(text, knowledge, { treatAsPim: true }).coverage;
  const map = kind === 'principle' ? coverage.principles : kind === 'substep' ? coverage.substeps : coverage.steps;
  return map[id]!.status;
};

test('silence is missing, a mention in passing is weak, a section with content is addressed', () => {
  assert.equal(status('# Plan\n\nWe will visit the camps.\n', 'principle:informed-consent-and-confidentiality'), 'missing');
  assert.equal(status('# Plan\n\nWe will visit the camps after obtaining informed consent.\n', 'principle:informed-consent-and-confidentiality'), 'weak');
  assert.equal(
    status(
      '# Plan\n\n## Informed consent\n\nEach respondent is told the purpose of the interview, who will see the answers and that taking part is voluntary; consent is recorded on the form before any question.\n',
      'principle:informed-consent-and-confidentiality',
    ),
    'addressed',
  );
});

test('a heading alone over an empty or placeholder section is only weak', () => {
  assert.equal(status('# Plan\n\n## Informed consent\n\n[describe the consent procedure]\n', 'principle:informed-consent-and-confidentiality'), 'weak');
});

test('several mentions in different paragraphs address an item without a heading', () => {
  const text = '# Plan\n\nEnumerators read the consent form to each respondent.\n\nVerbal consent is recorded in the tool, and people keep the right to withdraw at any time.\n\nAnswers stay confidential.\n';
  assert.equal(status(text, 'principle:informed-consent-and-confidentiality'), 'addressed');
});

test('text in code blocks and HTML comments is not evidence', () => {
  const text = '# Plan\n\n```\ninformed consent form, verbal consent, right to withdraw\n```\n\n<!-- informed consent, consent form, confidential -->\n';
  assert.equal(status(text, 'principle:informed-consent-and-confidentiality'), 'missing');
});

test('a step is as covered as its best sub-step, and French evidence counts in a French document', () => {
  const text = '---\npim:\n  lang: fr\n---\n# Plan\n\n## Collecte de données\n\nLes enquêteurs formés pendant trois jours mènent les entretiens auprès des ménages avec le questionnaire validé ; la collecte des données dure deux semaines.\n';
  assert.equal(status(text, 'substep:collect-data'), 'addressed');
  assert.equal(status(text, 'step:implement-im-systems'), 'addressed');
  assert.equal(status(text, 'step:evaluate-impact'), 'missing');
});

test('evidence points at the heading or the sentence that counts', () => {
  const text = '# Plan\n\nFirst sentence. Consent is recorded on the consent form. Last sentence.\n';
  const analysis = new Analysis(text, knowledge, { treatAsPim: true });
  const evidence = analysis.coverage.principles['informed-consent-and-confidentiality']!.evidence;
  assert.ok(evidence.some((e) => text.slice(e.span.start, e.span.end) === 'Consent is recorded on the consent form.'), JSON.stringify(evidence));
});
