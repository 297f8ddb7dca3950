import type { Analysis } from '../analysis/analysis';
import { textIn } from '../knowledge/lookup';
import type { Span } from '../types';
import { defineRule, type RuleContext } from './define-rule';
import { affirmedSentences } from './signals';

const RECIPIENTS = 'non-protection-actors';
const SENDING = ['transmission', 'data-sharing'];
/** Without a category, any stated basis will do: consent, or a governing agreement. */
const DEFAULT_BASES = ['consent', 'sharing-agreement'];
const REFS = ['principle:do-no-harm', 'principle:data-protection-and-security', 'substep:disseminate-and-share'];

export default defineRule({
  id: 'raw-data-to-non-protection-actors',
  description:
    'Principles in Action and the PIM Matrix: raw or individual-level data, or what the category’s Matrix row keeps with protection actors, goes to actors outside protection (donors, authorities, media, the public, other programmes) with no stated basis (an error once the document is final).',
  defaultSeverity: 'warning',
  // A final document that sends protected data out of protection is stopped, not warned about.
  finalSeverity: 'error',
  missingItem: false,
  scope: 'text',
  refs: REFS,
  source: 'S001 Annex 1; S001 Annex 3; TEAM',
  howToFix: 'Share only trends, aggregated or anonymised data with actors outside protection, as the PIM Matrix row of the category allows, or state the consent or the data-sharing agreement and safeguards under which individual-level data is transferred.',
  examples: {
    valid: [
      { text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nRaw data is never shared with donors; they receive aggregated figures only.\n' },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# Protection monitoring SOP\n\nMonthly trends of protection incidents are shared with the cash partners.\n' },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: fr\n---\n# Monitoring de protection\n\nLes tendances mensuelles sont partagées avec les partenaires cash.\n' },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: es\n---\n# Monitoreo de protección\n\nLas tendencias mensuales se comparten con el gobierno.\n' },
      { text: '---\npim:\n  kind: report\n  category: case-management\n---\n# Case management report\n\nCase files are shared with the police only with the survivor’s informed consent.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nThe raw data is shared with the donor every quarter.\n', findings: 1 },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# Protection monitoring SOP\n\nHousehold records are sent to the cash partners each week.\n', findings: 1 },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: fr\n---\n# Monitoring de protection\n\nLes fiches ménages sont transmises au gouvernement chaque mois.\n', findings: 1 },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: es\n---\n# Monitoreo de protección\n\nLas fichas de hogares se envían a los donantes cada mes.\n', findings: 1 },
      {
        text: '---\npim:\n  kind: report\n  category: case-management\n---\n# Case management report\n\nCase files are shared with the police under the data-sharing agreement.\n',
        findings: 1,
      },
    ],
  },
  check(context) {
    const { analysis, report, message } = context;
    const category = analysis.category;
    const anchors = category ? ['raw-data', category.sharing.keeps] : ['raw-data'];
    const query = { with: [[RECIPIENTS], SENDING], without: category?.sharing.unless ?? DEFAULT_BASES, bodyOnly: true };
    const reported = new Set<string>();
    for (const anchor of anchors) {
      for (const sentence of affirmedSentences(analysis, anchor, query)) {
        const key = `${sentence.start}:${sentence.end}`;
        if (reported.has(key)) continue;
        reported.add(key);
        if (!category) {
          report({ span: sentence, message: message('raw-data-to-non-protection-actors') });
          continue;
        }
        const name = textIn(category.names, context.lang);
        const params = { data: phraseIn(analysis, anchors, sentence), recipient: phraseIn(analysis, [RECIPIENTS], sentence), category: name };
        report({
          span: sentence,
          message: message('raw-data-to-non-protection-actors.category', params),
          refs: [...REFS, `category:${category.id}`],
          related: [{ span: categorySpan(context), message: message('raw-data-to-non-protection-actors.row', { category: name, row: textIn(category.sharedData, context.lang) }) }],
        });
      }
    }
  },
});

/** Where the first of these signals occurs in the sentence, its words: an occurrence of a knowledge phrase, never other text. */
function phraseIn(analysis: Analysis, signals: readonly string[], sentence: Span): string {
  for (const id of signals) {
    const hit = analysis.signalHits(id).find((h) => h.span.start >= sentence.start && h.span.end <= sentence.end);
    if (hit) return analysis.text.slice(hit.span.start, hit.span.end);
  }
  return '';
}

/** Where the category comes from: its declaration, else the document's title. */
function categorySpan({ analysis, anchor }: RuleContext): Span {
  return (analysis.categorySource === 'declared' ? analysis.declaration?.fields.category?.span : undefined) ?? anchor;
}
