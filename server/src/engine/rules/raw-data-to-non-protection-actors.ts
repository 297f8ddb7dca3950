import { defineRule } from './define-rule';
import { affirmedSentences } from './signals';

export default defineRule({
  id: 'raw-data-to-non-protection-actors',
  description: 'Principles in Action: raw or individual-level data is passed to actors outside protection (donors, authorities, media, the public).',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: ['principle:do-no-harm', 'principle:data-protection-and-security', 'substep:disseminate-and-share'],
  examples: {
    valid: [{ text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nRaw data is never shared with donors; they receive aggregated figures only.\n' }],
    invalid: [{ text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nThe raw data is shared with the donor every quarter.\n', findings: 1 }],
  },
  check({ analysis, report, message }) {
    // With the people's consent or under an agreement, the sentence states the basis a reviewer asks for.
    for (const sentence of affirmedSentences(analysis, 'raw-data', { with: [['non-protection-actors'], ['transmission', 'data-sharing']], without: ['consent', 'sharing-agreement'], bodyOnly: true })) {
      report({ span: sentence, message: message('raw-data-to-non-protection-actors') });
    }
  },
});
