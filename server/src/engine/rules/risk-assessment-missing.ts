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
  source: 'S001 Annex 2; W-PRIN15',
  howToFix: 'Add a risk assessment that names the risks the exercise creates for the people concerned (and for staff and data), how likely and serious each one is, and how it is mitigated; the `pim-risk-table` snippet gives a table to fill in.',
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: policy\n---\n# Volunteer registration policy\n\n## Data collection\n\nVolunteers collect data through household interviews and key informant interviews in each district, with the questionnaire on tablets (KoboToolbox). Field supervisors do spot checks every day. They record the name and phone number of each respondent after obtaining informed consent.\n\n## Risks\n\nA risk assessment with the protection cluster names the risks of each interview for respondents, and a mitigation measure for each.\n',
      },
    ],
    invalid: [{ text: '---\npim:\n  kind: policy\n---\n# Volunteer registration policy\n\n## Data collection\n\nVolunteers collect data through household interviews and key informant interviews in each district, with the questionnaire on tablets (KoboToolbox). Field supervisors do spot checks every day. They record the name and phone number of each respondent after obtaining informed consent.\n', findings: 1 }],
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
