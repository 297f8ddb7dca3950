import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis, type Knowledge } from '../../server/src/engine/index';
import { offsetScore, scoreItem } from '../../server/src/engine/analysis/evidence';
import type { Calibration } from '../../server/src/engine/knowledge/types';
import { knowledge } from '../helpers/knowledge';

/**
 * The mechanics are tested with numbers of our own, so that a refit of calibration.json cannot
 * hide or fake a change in how evidence is weighed; the judgement itself is tested at the end,
 * with the fitted numbers, on cases no fit should get wrong.
 */
const FIXED: Calibration['coverage'] = {
  weights: { phrase: 1, word: 0.5, cue: 0.25, repeat: 0.5, obligation: 2, structured: 1, aside: 0, heading: 3, genericHeading: 1, focus: 0, backing: 1, backingRepeat: 0.5, length: 0 },
  thresholds: { weak: 0.2, addressed: 3 },
  offsets: {},
};
const fixed: Knowledge = { ...knowledge, calibration: { ...knowledge.calibration, coverage: FIXED } };

const CONSENT = 'principle:informed-consent-and-confidentiality';

function score(text: string, ref = CONSENT, k: Knowledge = fixed): number {
  const analysis = new Analysis(text, k, { treatAsPim: true });
  const item = analysis.evidence.items.get(ref);
  return offsetScore(item, scoreItem(item, analysis.evidence, k.calibration.coverage.weights).score, k.calibration.coverage.offsets[ref] ?? 0);
}

function status(text: string, ref = CONSENT, k: Knowledge = fixed): string {
  const [kind, id] = ref.split(':') as ['principle' | 'substep' | 'step', string];
  const coverage = new Analysis(text, k, { treatAsPim: true }).coverage;
  const map = kind === 'principle' ? coverage.principles : kind === 'substep' ? coverage.substeps : coverage.steps;
  return map[id]!.status;
}

test('a specific phrase weighs more than a broad cue word, and a repeated phrase less each time', () => {
  assert.ok(score('# Plan\n\nInformed consent is sought.\n') > score('# Plan\n\nThe visit needs permission from the family.\n'));
  const once = score('# Plan\n\nWe use a consent form.\n');
  const thrice = score('# Plan\n\nWe use a consent form. A consent form. A consent form.\n');
  assert.ok(thrice > once && thrice < 2 * once, `${once} then ${thrice}`);
});

test('a duty or a prohibition weighs more than a mention, and a negated rule is still a rule', () => {
  const mention = score('# Plan\n\nThe project has a consent form.\n');
  assert.ok(score('# Plan\n\nEnumerators must read the consent form to each respondent.\n') > mention);
  assert.ok(score('# Plan\n\nNever start an interview without the consent form.\n') > mention);
});

test('an obligation in a table counts like prose', () => {
  const table = '# Plan\n\n| Step | Duty |\n|---|---|\n| Interview | The enumerator must read the consent form |\n';
  assert.ok(score(table) >= score('# Plan\n\nThe enumerator must read the consent form.\n'));
});

test('a heading is a claim: it counts when the section under it backs it, and a generic heading counts less', () => {
  const backed = score('# Plan\n\n## Informed consent\n\nVerbal consent is recorded before any question.\n');
  const unbacked = score('# Plan\n\n## Informed consent\n\nThe team travels by car to the three districts.\n');
  assert.ok(backed >= FIXED.weights.heading, `backed heading scores ${backed}`);
  assert.ok(unbacked < 1, `a heading over unrelated text scores ${unbacked}`);
  const purpose = 'principle:defined-purpose';
  const generic = score('# Plan\n\n## Purpose\n\nThe purpose of the assessment is to inform programming.\n', purpose);
  const specific = score('# Plan\n\n## Purpose limitation\n\nThe purpose of the assessment is to inform programming.\n', purpose);
  assert.ok(specific > generic, `generic ${generic}, specific ${specific}`);
});

test('repeats of a word under a heading back it at their own rate, not at the rate of the score', () => {
  const text = '# Plan\n\n## Informed consent\n\n- Ask permission at the door.\n- Ask permission again inside.\n- Note the permission on the form.\n- Ask permission before any photo.\n';
  const withRepeat = (backingRepeat: number): Knowledge => ({ ...fixed, calibration: { ...fixed.calibration, coverage: { ...FIXED, weights: { ...FIXED.weights, backingRepeat } } } });
  const unfaded = score(text, CONSENT, withRepeat(1));
  const faded = score(text, CONSENT, withRepeat(FIXED.weights.repeat));
  assert.ok(unfaded >= FIXED.weights.heading, `four mentions back the heading: ${unfaded}`);
  assert.ok(faded < FIXED.weights.heading, `fading as fast as the score, they do not: ${faded}`);
  // Only the backing changes: the words themselves weigh the same either way.
  assert.ok(Math.abs(unfaded - faded - (FIXED.weights.heading - FIXED.weights.cue)) < 1e-9, `${unfaded} and ${faded}`);
});

test('a bold label claims like a heading', () => {
  const labelled = score('# Plan\n\n- **Confidentiality**\n\nAnswers are kept confidential and never shown to the authorities.\n');
  assert.ok(labelled >= FIXED.weights.heading, `labelled ${labelled}`);
});

test('definitions, tables of contents, references and link lists address nothing', () => {
  const definitions = '# Plan\n\n## Definitions\n\n- **Informed consent**: permission given with full knowledge of the consent form and the right to withdraw.\n';
  const links = '# Plan\n\n- [Informed consent guidance](https://example.org/consent)\n- [Consent form template](https://example.org/form)\n';
  assert.equal(status(definitions), 'missing');
  assert.equal(status(links), 'missing');
});

test('a heading alone over an empty or placeholder section is only a mention', () => {
  assert.equal(status('# Plan\n\n## Informed consent\n\n[describe the consent procedure]\n'), 'weak');
  assert.equal(status('# Plan\n\n## Informed consent\n\n'), 'weak');
});

test('text in code blocks and HTML comments is not evidence', () => {
  const text = '# Plan\n\n```\ninformed consent form, verbal consent, right to withdraw\n```\n\n<!-- informed consent, consent form, confidential -->\n';
  assert.equal(status(text), 'missing');
});

test('a step is as covered as its best sub-step, and French evidence counts in a French document', () => {
  const text = '---\npim:\n  lang: fr\n---\n# Plan\n\n## Collecte de données\n\nLes enquêteurs formés pendant trois jours mènent les entretiens auprès des ménages avec le questionnaire validé ; la collecte des données dure deux semaines.\n';
  assert.equal(status(text, 'substep:collect-data'), 'addressed');
  assert.equal(status(text, 'step:implement-im-systems'), 'addressed');
  assert.equal(status(text, 'step:evaluate-impact'), 'missing');
});

test('per-item offsets of the calibration move that item only', () => {
  const text = '# Plan\n\nVerbal consent is recorded.\n';
  const shifted: Knowledge = { ...fixed, calibration: { ...fixed.calibration, coverage: { ...FIXED, offsets: { [CONSENT]: 5 } } } };
  assert.equal(status(text, CONSENT, shifted), 'addressed');
  assert.equal(status(text, 'principle:do-no-harm', shifted), status(text, 'principle:do-no-harm'));
});

test('evidence points at the heading or the sentence that counts, strongest first', () => {
  const text = '# Plan\n\nFirst sentence. Consent is recorded on the consent form. Last sentence.\n';
  const analysis = new Analysis(text, fixed, { treatAsPim: true });
  const evidence = analysis.coverage.principles['informed-consent-and-confidentiality']!.evidence;
  assert.ok(evidence.some((e) => text.slice(e.span.start, e.span.end) === 'Consent is recorded on the consent form.'), JSON.stringify(evidence));
});

test('with the fitted numbers: silence is missing, a passing mention is weak, a consent section is addressed', () => {
  assert.equal(status('# Plan\n\nWe will visit the camps.\n', CONSENT, knowledge), 'missing');
  assert.equal(status('# Plan\n\nWe will visit the camps after obtaining informed consent.\n', CONSENT, knowledge), 'weak');
  const section =
    '# Plan\n\n## Informed consent and confidentiality\n\nBefore any question, each respondent is told the purpose of the interview, who will see the answers and that taking part is voluntary. Enumerators must read the consent form aloud, and verbal consent is recorded in the tool. People keep the right to withdraw at any time, and their answers are kept confidential.\n';
  assert.equal(status(section, CONSENT, knowledge), 'addressed');
});
