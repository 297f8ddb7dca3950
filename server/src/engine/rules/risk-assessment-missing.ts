import { defineRule } from './define-rule';
import { mentions, missingSectionAbout } from './signals';

export default defineRule({
  id: 'risk-assessment-missing',
  description: 'Principles in Action: the document plans an exercise (or its kind does) but contains no assessment of the risks it creates for people; not repeated when Do no harm is already reported unaddressed.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  usesKind: true,
  refs: ['principle:do-no-harm', 'substep:define-purpose-and-information-needs'],
  examples: {
    valid: [{ text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nA risk assessment was done with the protection cluster before data collection.\n' }],
    invalid: [{ text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nWe interview households in all districts.\n', findings: 1 }],
  },
  check({ analysis, anchor, report, message }) {
    // The risks of an exercise are assessed where there is one: a kind that plans one, or a document that does.
    const kindExpectsIt = analysis.kind !== undefined && !analysis.isGuidance && analysis.expectedPrinciples.some((p) => p.id === 'do-no-harm');
    if (!(kindExpectsIt || analysis.plansDataActivity) || mentions(analysis, 'risk-assessment')) return;
    // One gap, one finding: a missing risk-assessment section, or Do no harm reported unaddressed, says it already.
    const doNoHarmReported = analysis.expectedPrinciples.some((p) => p.id === 'do-no-harm') && analysis.coverage.principles['do-no-harm']?.status === 'missing';
    if (doNoHarmReported || missingSectionAbout(analysis, 'risk-assessment')) return;
    report({ span: anchor, message: message('risk-assessment-missing') });
  },
});
