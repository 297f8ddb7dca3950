import { defineRule } from './define-rule';
import { affirmedSentences } from './signals';

export default defineRule({
  id: 'raw-data-to-non-protection-actors',
  description: 'Principles in Action: raw or individual-level data is passed to actors outside protection (donors, authorities, media, the public).',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: ['principle:do-no-harm', 'principle:data-protection-and-security', 'substep:disseminate-and-share'],
  source: 'S001 Annex 1; S001 Annex 3; TEAM',
  howToFix: 'Share only aggregated or anonymised data with actors outside protection, or say under which data-sharing agreement and safeguards individual-level data is transferred.',
  examples: {
    valid: [{ text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nRaw data is never shared with donors; they receive aggregated figures only.\n' }],
    invalid: [{ text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nThe raw data is shared with the donor every quarter.\n', findings: 1 }],
  },
  check({ analysis, report, message }) {
    for (const sentence of affirmedSentences(analysis, 'raw-data', { with: [['non-protection-actors'], ['transmission', 'data-sharing']], bodyOnly: true })) {
      report({ span: sentence, message: message('raw-data-to-non-protection-actors') });
    }
  },
});
