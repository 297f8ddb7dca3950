import { textIn } from '../knowledge/lookup';
import { defineRule } from './define-rule';
import { matchDocument } from '../analysis/chunk-matches';

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
    valid: [
      { text: '---\npim:\n  kind: policy\n---\n# Policy\n\nWe apply the Data Protection Act 2018 and the UK GDPR.\n' },
      { text: '---\npim:\n  kind: policy\n  lang: fr\n---\n# Politique\n\nLe traitement des données est régi par le règlement général sur la protection des données (RGPD) et la loi Informatique et Libertés.\n' },
      { text: '---\npim:\n  kind: policy\n  lang: es\n---\n# Política\n\nEl tratamiento de los datos se rige por el Reglamento General de Protección de Datos (RGPD) y la Ley Orgánica 3/2018 de Protección de Datos Personales y garantía de los derechos digitales.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: policy\n---\n# Policy\n\nWe apply the Data Protection Act 1998.\n', findings: 1 },
      { text: '---\npim:\n  kind: policy\n---\n# Policy\n\nTransfers to the United States rely on the Safe Harbour principles.\n', findings: 1 },
      { text: '---\npim:\n  kind: policy\n  lang: fr\n---\n# Politique\n\nLe traitement des données est régi par la directive 95/46/CE relative à la protection des données.\n', findings: 1 },
      { text: '---\npim:\n  kind: policy\n  lang: es\n---\n# Política\n\nEl tratamiento de los datos se rige por la Ley Orgánica 15/1999 de Protección de Datos de Carácter Personal.\n', findings: 1 },
    ],
  },
  check({ analysis, lang, report, message }) {
    const laws = new Map(analysis.knowledge.supersededLaws.map((law) => [law.id, law]));
    // One citation, one finding: "directive 95/46/CE" also holds the citation "95/46/CE"; the longest match wins.
    const matches = matchDocument(analysis.model, analysis.matchers.supersededLaws).sort((a, b) => a.start - b.start || b.end - a.end);
    let reportedUpTo = -1;
    for (const match of matches) {
      const law = laws.get(match.payload);
      if (!law || match.start < reportedUpTo) continue;
      reportedUpTo = match.end;
      report({ span: { start: match.start, end: match.end }, message: message('outdated-law', { law: textIn(law.names, lang), replaced: textIn(law.replacedBy, lang) }) });
    }
  },
});
