import { textIn } from '../knowledge/lookup';
import { defineRule } from './define-rule';

export default defineRule({
  id: 'outdated-law',
  description: 'The document cites a law or transfer framework that has been repealed, replaced or invalidated (the UK Data Protection Act 1998, Directive 95/46/EC, Safe Harbour, Privacy Shield…).',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: ['principle:data-protection-and-security'],
  source: 'S001 Annex 3; TEAM',
  howToFix: 'Cite the law or framework that replaced the one named in the message, and check that the rules the document draws from it still hold.',
  examples: {
    valid: [{ text: '---\npim:\n  kind: policy\n---\n# Policy\n\nWe apply the Data Protection Act 2018 and the UK GDPR.\n' }],
    invalid: [{ text: '---\npim:\n  kind: policy\n---\n# Policy\n\nWe apply the Data Protection Act 1998.\n', findings: 1 }],
  },
  check({ analysis, lang, report, message }) {
    const laws = new Map(analysis.knowledge.supersededLaws.map((law) => [law.id, law]));
    for (const block of analysis.model.blocks) {
      for (const match of analysis.matchers.supersededLaws.findAll(block.tokens, block.base)) {
        const law = laws.get(match.payload);
        if (!law) continue;
        report({ span: { start: match.start, end: match.end }, message: message('outdated-law', { law: textIn(law.names, lang), replaced: textIn(law.replacedBy, lang) }) });
      }
    }
  },
});
