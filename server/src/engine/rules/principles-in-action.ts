import type { Analysis } from '../analysis/analysis';
import type { Check } from '../knowledge/types';
import type { Span } from '../types';
import { defineRule, type RuleContext } from './define-rule';
import { affirmedSentences, mentions } from './signals';

/**
 * Runs the Principles-in-Action checks of checks.json: for each PIM Process step the document
 * covers, the questions of that step. A check is data (the signals that raise it, the sub-steps it
 * looks at, what answers it, its message); adding one needs no code.
 */
export default defineRule({
  id: 'principles-in-action',
  description:
    'Principles in Action, from checks.json: for each PIM Process step the document covers, the questions of that step, such as children interviewed with no assent, sensitive data with no stated need, individual data analysed with no de-identification, outputs never reviewed for their use or harm.',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  source: 'S001 Annex 2; W-PRIN15; TEAM',
  howToFix: 'Answer the question of the check where the document plans the activity: the assent of children, the need for each sensitive category, how data is de-identified before analysis, how the use and effects of outputs are reviewed.',
  refs: [],
  examples: {
    valid: [
      { text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nChildren aged 12 to 17 are interviewed only with their assent and the consent of a parent or guardian.\n' },
      { text: "---\npim:\n  kind: assessment-methodology\n  lang: fr\n---\n# Méthodologie\n\nLes entretiens avec des enfants de 12 à 17 ans se font avec leur assentiment et le consentement d'un parent ou d'un tuteur.\n" },
      { text: '---\npim:\n  kind: assessment-methodology\n  lang: es\n---\n# Metodología\n\nLas entrevistas a niñas y niños de 12 a 17 años se hacen con su asentimiento y el consentimiento de la madre, el padre o la persona tutora.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nChildren aged 12 to 17 are interviewed in each school.\n', findings: 1 },
      { text: '---\npim:\n  kind: assessment-methodology\n  lang: fr\n---\n# Méthodologie\n\nLes enfants de 12 à 17 ans sont interrogés dans chaque école, pendant la récréation.\n', findings: 1 },
      { text: '---\npim:\n  kind: assessment-methodology\n  lang: es\n---\n# Metodología\n\nSe entrevista a niñas y niños de 12 a 17 años en cada escuela, durante el recreo.\n', findings: 1 },
    ],
  },
  check(context) {
    const { analysis } = context;
    if (analysis.isGuidance) return;
    for (const check of analysis.knowledge.checks) if (stepCovered(analysis, check)) runCheck(context, check);
  },
});

function runCheck({ analysis, anchor, report, message }: RuleContext, check: Check): void {
  if ((check.unless.document ?? []).some((id) => mentions(analysis, id))) return;
  const refs = [`check:${check.id}`, `principle:${check.principle}`, `substep:${check.substep}`];
  const status = (id: string) => analysis.coverage.substeps[id]?.status;
  if (!(check.when.covered ?? []).every((id) => status(id) !== 'missing') || !(check.when.missing ?? []).every((id) => status(id) === 'missing')) return;
  if (!check.when.sentence) {
    report({ span: anchor, message: message(check.message), refs });
    return;
  }
  for (const sentence of raisingSentences(analysis, check)) report({ span: sentence, message: message(check.message), refs });
}

/** Sentences that hold a signal of each group of the check, deny none of it, and hold nothing that answers it. */
function raisingSentences(analysis: Analysis, check: Check): Span[] {
  const [anchorGroup = [], ...others] = check.when.sentence ?? [];
  const seen = new Set<string>();
  const found: Span[] = [];
  for (const signal of anchorGroup) {
    for (const sentence of affirmedSentences(analysis, signal, { with: others, without: check.unless.sentence ?? [], bodyOnly: true })) {
      const key = `${sentence.start}:${sentence.end}`;
      if (!seen.has(key)) found.push(sentence);
      seen.add(key);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A check asks the question of its step only where the document covers that step. A sentence that
 * raises the check ("children are interviewed") is itself the document doing that step.
 */
function stepCovered(analysis: Analysis, check: Check): boolean {
  return check.when.sentence !== undefined || analysis.coverage.steps[check.step]?.status !== 'missing';
}
