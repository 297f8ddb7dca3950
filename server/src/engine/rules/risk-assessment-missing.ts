import { defineRule } from './define-rule';
import { mentions } from './signals';

export default defineRule({
  id: 'risk-assessment-missing',
  description: 'Principles in Action: the document contains no assessment of the risks the exercise creates for people.',
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
    const expectsIt = analysis.expectedPrinciples.some((p) => p.id === 'do-no-harm');
    if (!expectsIt || mentions(analysis, 'risk-assessment')) return;
    report({ span: anchor, message: message('risk-assessment-missing') });
  },
});
