import { defineRule } from './define-rule';
import { affirmedSentences, firstHit, missingSectionAbout } from './signals';

export default defineRule({
  id: 'breach-procedure-missing',
  description: 'Principles in Action: the document keeps and protects personal data but says nothing of what happens when it is lost, stolen or wrongly disclosed.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  refs: ['principle:data-protection-and-security', 'substep:store-and-maintain'],
  source: 'S001 Annex 3; W-ICRC-HB; TEAM',
  howToFix: 'Add the steps taken when data is lost, stolen or wrongly disclosed: who is told and how fast, how use of the data stops, and who informs the people concerned.',
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: data-management-plan\n---\n# Plan\n\n## Storage\n\nPersonal data is stored on the encrypted server; only the data manager has access, with a password and two-factor authentication.\n\n## Incidents\n\nA lost or stolen tablet is reported to the data protection officer within 24 hours.\n',
      },
    ],
    invalid: [
      {
        text: '---\npim:\n  kind: report\n---\n# Security protocol\n\n## Storage\n\nPersonal data is stored on the encrypted server; only the data manager has access, with a password and two-factor authentication. Backups are encrypted.\n\n## Devices\n\nTablets are encrypted and locked with a password; personal data must never be kept on personal devices.\n',
        findings: 1,
      },
    ],
  },
  check({ analysis, anchor, report, message }) {
    // A breach named with nothing done about it ("avoid costly data breaches") is no procedure.
    const procedure = affirmedSentences(analysis, 'breach-response', { with: [['breach-actions', 'obligation']], bodyOnly: true }).length > 0;
    // Where the kind requires a breach section, a missing one is reported as that section.
    if (analysis.isGuidance || procedure || missingSectionAbout(analysis, 'breach-response')) return;
    const protects = analysis.coverage.principles['data-protection-and-security']?.status === 'addressed';
    const keeps = firstHit(analysis, 'storage') !== undefined && firstHit(analysis, 'personal-data') !== undefined;
    if (protects && keeps) report({ span: anchor, message: message('breach-procedure-missing') });
  },
});
