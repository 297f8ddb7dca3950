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
      { text: "---\npim:\n  kind: none\n  lang: fr\n---\n# Note méthodologique\n\n## Collecte des données\n\nLes enquêteurs mènent des entretiens auprès des ménages et des entretiens avec des informateurs clés dans chaque commune, avec le questionnaire sur tablette (KoboToolbox). L'équipe de collecte est formée pendant deux jours aux techniques d'entretien. Les superviseurs de terrain font des contrôles ponctuels chaque jour. L'enquêteur ne note le numéro de téléphone du répondant qu'après avoir recueilli son consentement éclairé.\n" },
      { text: '---\npim:\n  kind: none\n  lang: es\n---\n# Nota metodológica\n\n## Recolección de datos\n\nLos encuestadores realizan entrevistas a hogares y entrevistas a informantes clave en cada municipio, con el cuestionario en tabletas (KoboToolbox). El equipo de recolección de datos recibe dos días de capacitación en técnicas de entrevista. Los supervisores de campo hacen verificaciones puntuales todos los días. Antes de empezar, el encuestador lee el formulario de consentimiento y solo anota el número de teléfono de la persona si esta da su consentimiento informado.\n' },
    ],
    invalid: [
      {
        text: '---\npim:\n  kind: none\n---\n# Note\n\n## Data collection\n\nEnumerators collect data through household interviews and key informant interviews in each district, with the questionnaire on tablets (KoboToolbox). The data collection team is trained for two days on interview techniques. Field supervisors do spot checks every day. They record the full name and phone number of each respondent on the questionnaire.\n',
        findings: 1,
      },
      { text: "---\npim:\n  kind: none\n  lang: fr\n---\n# Note méthodologique\n\n## Collecte des données\n\nLes enquêteurs mènent des entretiens auprès des ménages et des entretiens avec des informateurs clés dans chaque commune, avec le questionnaire sur tablette (KoboToolbox). L'équipe de collecte est formée pendant deux jours aux techniques d'entretien. Les superviseurs de terrain font des contrôles ponctuels chaque jour. Les enquêteurs notent les nom et prénom ainsi que le numéro de téléphone de chaque répondant sur le questionnaire.\n", findings: 1 },
      { text: '---\npim:\n  kind: none\n  lang: es\n---\n# Nota metodológica\n\n## Recolección de datos\n\nLos encuestadores realizan entrevistas a hogares y entrevistas a informantes clave en cada municipio, con el cuestionario en tabletas (KoboToolbox). El equipo de recolección de datos recibe dos días de capacitación en técnicas de entrevista. Los supervisores de campo hacen verificaciones puntuales todos los días. En el cuestionario se anotan el nombre completo y el número de teléfono de cada persona entrevistada.\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    // Consent is asked of documents that collect data from people themselves, not of guides or agreements about data held elsewhere.
    const hit = firstHit(analysis, 'personal-data');
    if (!hit || !analysis.plansDataActivity || mentions(analysis, 'consent') || missingSectionAbout(analysis, 'consent')) return;
    report({ span: hit.span, message: message('consent-missing', { data: hit.phrase }) });
  },
});
