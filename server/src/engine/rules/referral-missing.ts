import { defineRule } from './define-rule';
import { firstHit, mentions, missingSectionAbout, sectionsWith } from './signals';

export default defineRule({
  id: 'referral-missing',
  description: 'Principles in Action: individual cases or disclosures are handled, or people are asked about their safety or about violence, but no referral mechanism is described.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  usesKind: true,
  refs: ['principle:do-no-harm', 'substep:develop-im-system'],
  source: 'S001 Annex 2',
  howToFix: 'Describe the referral mechanism: to which services people are referred, by whom, with what consent, and what happens in urgent cases.',
  examples: {
    valid: [
      { text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nWhen a survivor discloses an incident, the enumerator offers a referral to the GBV focal point.\n' },
      { text: "---\npim:\n  kind: assessment-methodology\n  lang: fr\n---\n# Méthodologie\n\nLorsqu'une survivante révèle un incident, l'enquêteur lui propose une orientation vers le point focal VBG.\n" },
      { text: '---\npim:\n  kind: assessment-methodology\n  lang: es\n---\n# Metodología\n\nCuando una sobreviviente revela un incidente, el encuestador le ofrece la derivación al punto focal de VBG.\n' },
      // Violence named as context, away from the interviews, asks no question of anyone.
      { text: '---\npim:\n  kind: assessment-methodology\n---\n# Context\n\nViolence along the route has risen this year.\n\n# Method\n\nThe questionnaire asks about access to services.\n' },
      { text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nThe questionnaire asks about threats on the route. A respondent who reports violence is offered a referral to the protection focal point.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nEnumerators write an incident report for each survivor they meet.\n', findings: 1 },
      { text: "---\npim:\n  kind: assessment-methodology\n  lang: fr\n---\n# Méthodologie\n\nLes enquêteurs rédigent un rapport d'incident pour chaque survivante rencontrée.\n", findings: 1 },
      { text: '---\npim:\n  kind: assessment-methodology\n  lang: es\n---\n# Metodología\n\nLos encuestadores redactan un informe de incidente por cada sobreviviente que entrevistan.\n', findings: 1 },
      { text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nThe questionnaire asks each respondent about threats and violence on the route.\n', findings: 1 },
      { text: "---\npim:\n  kind: assessment-methodology\n  lang: fr\n---\n# Questionnaire\n\nLe questionnaire comprend une section sur les violences subies pendant le trajet.\n", findings: 1 },
      { text: '---\npim:\n  kind: assessment-methodology\n  lang: es\n---\n# Cuestionario\n\nLa encuesta tiene una sección sobre seguridad y dignidad en el trayecto.\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    // Only documents that meet people themselves (a kind that collects data, or one that plans collection) meet disclosures.
    const meetsPeople = (analysis.kind?.substeps.includes('collect-data') ?? false) || analysis.plansDataActivity;
    if (!meetsPeople || mentions(analysis, 'referral') || missingSectionAbout(analysis, 'referral')) return;
    const cases = firstHit(analysis, 'individual-cases');
    if (cases) {
      report({ span: cases.span, message: message('referral-missing') });
      return;
    }
    // Asked about their safety or about violence, some respondents disclose incidents, as in case work.
    // The topic counts where its section speaks of interviews or a questionnaire, not as a passing word.
    const asked = sectionsWith(analysis, 'collection-from-people');
    const topic = analysis.signalHits('disclosure-topics').find((hit) => asked.has(analysis.block(hit.block).section));
    if (topic) report({ span: topic.span, message: message('referral-missing.questions', { topic: topic.phrase }) });
  },
});
