import { defineRule } from './define-rule';

export default defineRule({
  id: 'organisation-centred-risk',
  description: 'Principles in Action: a risk assessment weighs a risk by the harm to the organisation (reputation, fines, loss of trust) instead of the harm to the people concerned.',
  defaultSeverity: 'info',
  missingItem: false,
  scope: 'text',
  refs: ['principle:do-no-harm', 'principle:people-centred-and-inclusive'],
  source: 'W-PRIN15; TEAM',
  howToFix: 'Describe the harm the risk could do to the people whose data it is (exposure, retaliation, stigma, loss of services), and weigh the risk by that harm.',
  examples: {
    valid: [
      { text: '---\npim:\n  kind: dpia\n---\n# DPIA\n\n## Risk assessment\n\nRisk 1: the list of survivors leaks. Impact: high, survivors may face reprisals.\n' },
      { text: '---\npim:\n  kind: dpia\n  lang: fr\n---\n# AIPD\n\n## Évaluation des risques\n\nRisque 1 : fuite de la liste des survivantes. Impact : élevé, les survivantes pourraient subir des représailles.\n' },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: es\n---\n# POE de monitoreo de protección\n\n## Evaluación de riesgos\n\nRiesgo 1: se filtra la lista de sobrevivientes. Impacto: alto, las sobrevivientes podrían sufrir represalias de sus agresores.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: dpia\n---\n# DPIA\n\n## Risk assessment\n\nRisk 1: the list of survivors leaks. Impact: high (reputational damage).\n', findings: 1 },
      { text: "---\npim:\n  kind: dpia\n  lang: fr\n---\n# AIPD\n\n## Évaluation des risques\n\nRisque 1 : fuite de la liste des survivantes. Impact : élevé (atteinte à la réputation de l'organisation).\n", findings: 1 },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: es\n---\n# POE de monitoreo de protección\n\n## Evaluación de riesgos\n\nRiesgo 1: se filtra la lista de sobrevivientes. Impacto: alto, por el daño a la reputación de la organización ante los donantes.\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    // Only where risks are weighed: a DPIA, or a section that a Do no harm heading opens.
    const riskSections = new Set(analysis.evidence.items.get('principle:do-no-harm')?.headings.flatMap((claim) => (claim.section !== undefined ? [claim.section] : [])) ?? []);
    const inRiskPart = (section: number): boolean => analysis.kind?.id === 'dpia' || [...(analysis.evidence.ancestors[section] ?? [])].some((s) => riskSections.has(s));
    for (const hit of analysis.signalHits('organisational-harms')) {
      const block = analysis.block(hit.block);
      if (block.kind === 'heading' || !inRiskPart(block.section)) continue;
      report({ span: hit.span, message: message('organisation-centred-risk', { phrase: analysis.text.slice(hit.span.start, hit.span.end) }) });
    }
  },
});
