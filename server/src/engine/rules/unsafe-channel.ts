import { defineRule } from './define-rule';
import { affirmedSentences } from './signals';

export default defineRule({
  id: 'unsafe-channel',
  description: 'Principles in Action: sensitive data travels over personal messaging apps or unencrypted e-mail.',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: ['principle:data-protection-and-security', 'requirement:agreed-channels', 'substep:disseminate-and-share'],
  examples: {
    valid: [{ text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# SOP\n\nNever send case lists by WhatsApp; use the encrypted platform.\n' }],
    invalid: [{ text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# SOP\n\nMonitors send the completed forms with personal data to the coordinator by WhatsApp.\n', findings: 1 }],
  },
  check({ analysis, report, message }) {
    for (const sentence of affirmedSentences(analysis, 'unsafe-channels', { with: [['transmission', 'data-sharing'], ['data-objects', 'raw-data', 'personal-data']] })) {
      report({ span: sentence, message: message('unsafe-channel') });
    }
  },
});
