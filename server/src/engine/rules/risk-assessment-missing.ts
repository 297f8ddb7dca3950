import { defineRule } from './define-rule';
import { mentions, missingSectionAbout } from './signals';

export default defineRule({
  id: 'risk-assessment-missing',
  description: 'Principles in Action: the document plans an exercise or shares data about people (or its kind plans one) but contains no assessment of the risks it creates for people; not repeated when Do no harm is already reported unaddressed.',
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
      { text: "---\npim:\n  kind: policy\n  lang: fr\n---\n# Politique d'enregistrement des bénévoles\n\n## Collecte des données\n\nLes bénévoles collectent les données par des entretiens auprès des ménages et des entretiens avec des informateurs clés dans chaque commune, avec le questionnaire sur tablette (KoboToolbox). Les superviseurs de terrain font des contrôles ponctuels chaque jour. Ils notent le nom et le numéro de téléphone de chaque répondant après avoir recueilli son consentement éclairé.\n\n## Risques\n\nUne évaluation des risques menée avec le cluster protection recense les risques de chaque entretien pour les répondants, avec une mesure d'atténuation pour chacun.\n" },
      { text: '---\npim:\n  kind: policy\n  lang: es\n---\n# Política de registro de voluntarios\n\n## Recolección de datos\n\nLos voluntarios recogen los datos mediante entrevistas a hogares y entrevistas a informantes clave en cada municipio, con el cuestionario en tabletas (KoboToolbox). Los supervisores de campo hacen verificaciones puntuales todos los días. Anotan el nombre y el número de teléfono de cada persona entrevistada después de obtener su consentimiento informado.\n\n## Riesgos\n\nUna evaluación de riesgos hecha con el clúster de protección identifica los riesgos de cada entrevista para las personas entrevistadas y una medida de mitigación para cada uno.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: policy\n---\n# Volunteer registration policy\n\n## Data collection\n\nVolunteers collect data through household interviews and key informant interviews in each district, with the questionnaire on tablets (KoboToolbox). Field supervisors do spot checks every day. They record the name and phone number of each respondent after obtaining informed consent.\n', findings: 1 },
      { text: "---\npim:\n  kind: policy\n  lang: fr\n---\n# Politique d'enregistrement des bénévoles\n\n## Collecte des données\n\nLes bénévoles collectent les données par des entretiens auprès des ménages et des entretiens avec des informateurs clés dans chaque commune, avec le questionnaire sur tablette (KoboToolbox). Les superviseurs de terrain font des contrôles ponctuels chaque jour. Ils notent le nom et le numéro de téléphone de chaque répondant après avoir recueilli son consentement éclairé.\n", findings: 1 },
      { text: '---\npim:\n  kind: policy\n  lang: es\n---\n# Política de registro de voluntarios\n\n## Recolección de datos\n\nLos voluntarios recogen los datos mediante entrevistas a hogares y entrevistas a informantes clave en cada municipio, con el cuestionario en tabletas (KoboToolbox). Los supervisores de campo hacen verificaciones puntuales todos los días. Anotan el nombre y el número de teléfono de cada persona entrevistada después de obtener su consentimiento informado.\n', findings: 1 },
    ],
  },
  check({ analysis, anchor, report, message }) {
    // The risks of an exercise are assessed where there is one: a kind that plans one, a document that does, or one that shares people's data.
    const kindExpectsIt = analysis.kind !== undefined && !analysis.isGuidance && analysis.expectedPrinciples.some((p) => p.id === 'do-no-harm');
    if (!(kindExpectsIt || analysis.plansDataActivity || analysis.sharesPersonalData) || mentions(analysis, 'risk-assessment')) return;
    // One gap, one finding: a missing risk-assessment section, or Do no harm reported unaddressed, says it already.
    const doNoHarmReported = analysis.expectedPrinciples.some((p) => p.id === 'do-no-harm') && analysis.coverage.principles['do-no-harm']?.status === 'missing';
    if (doNoHarmReported || missingSectionAbout(analysis, 'risk-assessment')) return;
    report({ span: anchor, message: message('risk-assessment-missing') });
  },
});
