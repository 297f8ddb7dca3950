import { defineRule } from './define-rule';
import { firstHit, mentions, missingSectionAbout } from './signals';

export default defineRule({
  id: 'referral-missing',
  description: 'Principles in Action: individual cases or disclosures are handled but no referral mechanism is described.',
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
    ],
    invalid: [
      { text: '---\npim:\n  kind: assessment-methodology\n---\n# Method\n\nEnumerators write an incident report for each survivor they meet.\n', findings: 1 },
      { text: "---\npim:\n  kind: assessment-methodology\n  lang: fr\n---\n# Méthodologie\n\nLes enquêteurs rédigent un rapport d'incident pour chaque survivante rencontrée.\n", findings: 1 },
      { text: '---\npim:\n  kind: assessment-methodology\n  lang: es\n---\n# Metodología\n\nLos encuestadores redactan un informe de incidente por cada sobreviviente que entrevistan.\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    // Only documents that meet people themselves (a kind that collects data, or one that plans collection) meet disclosures.
    const meetsPeople = (analysis.kind?.substeps.includes('collect-data') ?? false) || analysis.plansDataActivity;
    const hit = firstHit(analysis, 'individual-cases');
    if (!meetsPeople || !hit || mentions(analysis, 'referral') || missingSectionAbout(analysis, 'referral')) return;
    report({ span: hit.span, message: message('referral-missing') });
  },
});
