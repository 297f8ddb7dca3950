import { defineRule } from './define-rule';
import { affirmedSentences } from './signals';

export default defineRule({
  id: 'unsafe-channel',
  description: 'Principles in Action: sensitive data travels over personal messaging apps or unencrypted e-mail, or people are put in a group chat that shows their numbers to each other.',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: ['principle:data-protection-and-security', 'requirement:agreed-channels', 'substep:disseminate-and-share'],
  source: 'S001 Annex 3; TEAM',
  howToFix: "Name the agreed, encrypted channel through which the data travels instead of a personal messaging app or plain e-mail; to reach groups, use broadcast lists or tools that hide members' numbers.",
  examples: {
    valid: [{ text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# SOP\n\nNever send case lists by WhatsApp; use the encrypted platform.\n' }],
    invalid: [{ text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# SOP\n\nMonitors send the completed forms with personal data to the coordinator by WhatsApp.\n', findings: 1 }],
  },
  check({ analysis, report, message }) {
    const reported = new Set<string>();
    for (const sentence of affirmedSentences(analysis, 'unsafe-channels', { with: [['transmission', 'data-sharing'], ['data-objects', 'raw-data', 'personal-data']] })) {
      reported.add(`${sentence.start}:${sentence.end}`);
      report({ span: sentence, message: message('unsafe-channel') });
    }
    // A group chat shows every member's number to every other member, whatever is sent in it.
    for (const sentence of affirmedSentences(analysis, 'group-chats', { bodyOnly: true })) {
      if (!reported.has(`${sentence.start}:${sentence.end}`)) report({ span: sentence, message: message('unsafe-channel.group') });
    }
  },
});
