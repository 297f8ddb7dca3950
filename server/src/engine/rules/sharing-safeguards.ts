import { textIn } from '../knowledge/lookup';
import { defineRule } from './define-rule';
import { affirmedSentences, mentions } from './signals';

/** The parts of a data-sharing arrangement this rule asks for, by data-sharing.json requirement id. */
const ASKED = ['purpose', 'recipients', 'time-frame'] as const;

export default defineRule({
  id: 'sharing-safeguards',
  description: 'Principles in Action: datasets (not aggregated findings) are shared without a stated purpose, recipients, time frame or governing agreement.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  refs: ['requirement:purpose', 'requirement:recipients', 'requirement:time-frame', 'principle:data-protection-and-security', 'substep:establish-information-sharing-networks'],
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nAggregated data is shared with cluster partners (the list of recipients is in annex 1) for the purpose of planning the response, every month for the duration of the response, under the data sharing agreement signed by each partner.\n',
      },
    ],
    invalid: [{ text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nThe data is shared with partners.\n', findings: 1 }],
  },
  check({ analysis, lang, report, message }) {
    // Passing aggregated findings on is dissemination; an agreement is needed when datasets move.
    const transfer = affirmedSentences(analysis, 'data-sharing', { with: [['raw-data', 'personal-data', 'data-objects']], without: ['aggregated-data'], bodyOnly: true })[0];
    if (!transfer) return;
    const requirements = analysis.knowledge.requirements;
    const found = new Set<string>();
    for (const block of analysis.model.blocks) for (const match of analysis.matchers.requirements.findAll(block.tokens, block.base)) found.add(match.payload);
    const missing = ASKED.filter((id) => !found.has(id)).map((id) => requirements.find((r) => r.id === id));
    const names = missing.map((r) => (r ? textIn(r.names, lang).toLowerCase() : ''));
    if (!mentions(analysis, 'sharing-agreement')) names.push(message('sharing-safeguards.agreement'));
    if (names.length === 0) return;
    report({
      span: transfer,
      message: message('sharing-safeguards', { missing: names.join(', ') }),
      refs: [...missing.map((r) => `requirement:${r?.id}`), 'principle:data-protection-and-security', 'substep:establish-information-sharing-networks'],
    });
  },
});
