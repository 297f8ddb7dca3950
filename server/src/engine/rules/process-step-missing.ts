import type { Analysis } from '../analysis/analysis';
import { allPhrases, textIn } from '../knowledge/lookup';
import type { Activity, DocumentKind, Substep } from '../knowledge/types';
import { phraseKey } from '../text/normalize';
import { weakMemo } from '../analysis/chunk-matches';
import type { Evidence } from '../types';
import { defineRule } from './define-rule';

export default defineRule({
  id: 'process-step-missing',
  description: 'A prescriptive step of the PIM Process that the document kind expects is not covered at all (warning); a sub-step it expects is not covered (information). Documents of no kind and guides are not checked against the Process.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  usesKind: true,
  refs: [],
  source: 'S001 sec. 5, Annex 2; TEAM',
  howToFix: "Describe how the document carries out the step: at least one of its sub-steps, with what is done, by whom and when. Hover a heading to see a sub-step's activities and which of them the section covers.",
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: report\n---\n# Monthly protection monitoring report\n\n## Purpose and key questions\n\nThe report answers the key questions of the protection cluster: which protection risks rose this month, and where. The information needs were agreed with partners.\n\n## Methodology and data collection\n\nEnumerators trained on the tools collected data through key informant interviews and household interviews in 12 locations. Data collection followed the agreed methodology.\n\n## Analysis\n\nThe analysis compares this month\'s protection trends with the baseline; data cleaning and triangulation came first.\n\n## Dissemination\n\nThe findings are disseminated to the protection cluster and partners through the monthly dashboard and a briefing.\n\n## Review\n\nAfter each cycle the team reviews whether the information products were used in decision-making and advocacy.\n',
      },
    ],
    invalid: [
      {
        text: '---\npim:\n  kind: data-sharing-agreement\n---\n# Data sharing agreement\n\n## Parties\n\nThe provider is the Protection Partner; the recipient is the Cash Partner.\n\n## Purpose of the sharing\n\nThe data is shared for the purpose of targeting the winter cash round.\n\n## Description of the data\n\nHousehold size, district and vulnerability score of each household.\n\n## Legal basis\n\nThe consent of each household, recorded at registration.\n\n## Permitted use\n\nThe data shall only be used for targeting and shall not be shared with third parties.\n\n## Security measures\n\nEncrypted SFTP transfer; access is restricted to two named officers.\n\n## Retention and destruction\n\nThe data is deleted six months after the last payment.\n\n## Breach notification\n\nAny data breach is notified to the provider within 24 hours.\n\n## Duration and termination\n\nThe agreement runs from 1 November to 30 April.\n\n## Compliance and review\n\nThe data protection focal point of the provider answers questions about this agreement.\n',
      },
    ],
  },
  check({ analysis, lang, anchor, report, message }) {
    // A document of no kind, and a guide, are checked against the Principles only.
    if (!analysis.kind || analysis.isGuidance) return;
    const k = analysis.knowledge;
    const coverage = analysis.coverage;
    const expected = new Set(analysis.expectedSubsteps.map((s) => s.id).filter((id) => !analysis.coveredByMissingSection(`substep:${id}`)));
    const steps = k.steps.filter((step) => step.substeps.some((s) => expected.has(s.id)));
    for (const step of steps) {
      const stepName = textIn(step.names, lang);
      if (coverage.steps[step.id]?.status === 'missing') {
        report({
          span: anchor,
          message: message('process-step-missing.step', { step: stepName, substeps: step.substeps.map((s) => message('quoted', { text: textIn(s.names, lang) })).join(', ') }),
          refs: [`step:${step.id}`, ...step.substeps.map((s) => `substep:${s.id}`)],
        });
        continue;
      }
      for (const substep of step.substeps) {
        const item = coverage.substeps[substep.id];
        if (!expected.has(substep.id) || item?.status !== 'missing') continue;
        const activity = activityFor(analysis, substep);
        report({
          span: anchor,
          severity: 'info',
          message: message('process-step-missing.substep', {
            substep: textIn(substep.names, lang),
            step: stepName,
            activity: activity ? textIn(activity.names, lang).toLowerCase() : '',
          }),
          refs: [`substep:${substep.id}`, `step:${step.id}`],
          related: relatedEvidence(coverage.steps[step.id]?.evidence ?? [], message('evidence.step', { step: stepName })),
        });
      }
    }
  },
});

/**
 * The activity to suggest: the first one that the kind's sections speak of (a data-sharing
 * agreement is shown "identify data management responsibilities", never "prepare an analysis
 * plan"), else the sub-step's first activity.
 */
function activityFor(analysis: Analysis, substep: Substep): Activity | undefined {
  const kind = analysis.kind;
  if (!kind) return substep.activities[0];
  return activityByKind(kind, substep, () => {
    const kindPhrases = new Set(kind.sections.flatMap((s) => [...allPhrases(s.headings), ...(s.evidence ? allPhrases(s.evidence) : [])]).map(phraseKey));
    return substep.activities.find((a) => allPhrases(a.evidence).some((p) => kindPhrases.has(phraseKey(p)))) ?? substep.activities[0];
  });
}

/**
 * The knowledge alone decides the activity, and normalising every phrase of a kind costs about a
 * millisecond: worked out once per kind and sub-step, for as long as the knowledge is held.
 */
const activityByKind = weakMemo<DocumentKind, Substep, Activity | undefined>();

function relatedEvidence(evidence: readonly Evidence[], text: string) {
  return evidence.slice(0, 3).map((e) => ({ span: e.span, message: text }));
}
