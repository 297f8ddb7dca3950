import { defineRule } from './define-rule';
import { firstHit, mentions, missingSectionAbout } from './signals';

export default defineRule({
  id: 'consent-missing',
  description: 'Principles in Action: the document collects personal data from people but describes no consent procedure (or other legal basis).',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  refs: ['principle:informed-consent-and-confidentiality', 'substep:develop-im-system', 'substep:collect-data'],
  source: 'W-PRIN15; S001 Annex 2; W-ICRC-HB; TEAM',
  howToFix: 'Describe how informed consent is sought and recorded before personal data is collected (who explains what, in which language, how a refusal is respected), or name the other legal basis on which the data is processed.',
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: none\n---\n# Note\n\n## Data collection\n\nEnumerators collect data through household interviews and key informant interviews in each district, with the questionnaire on tablets (KoboToolbox). The data collection team is trained for two days on interview techniques. Field supervisors do spot checks every day. They record the phone number of each respondent after obtaining informed consent.\n',
      },
    ],
    invalid: [
      {
        text: '---\npim:\n  kind: none\n---\n# Note\n\n## Data collection\n\nEnumerators collect data through household interviews and key informant interviews in each district, with the questionnaire on tablets (KoboToolbox). The data collection team is trained for two days on interview techniques. Field supervisors do spot checks every day. They record the full name and phone number of each respondent on the questionnaire.\n',
        findings: 1,
      },
    ],
  },
  check({ analysis, report, message }) {
    // Consent is asked of documents that collect data from people themselves, not of guides or agreements about data held elsewhere.
    const hit = firstHit(analysis, 'personal-data');
    if (!hit || !analysis.plansDataActivity || mentions(analysis, 'consent') || missingSectionAbout(analysis, 'consent')) return;
    report({ span: hit.span, message: message('consent-missing', { data: hit.phrase }) });
  },
});
