import { defineRule } from './define-rule';
import { affirmedSentences, mentions } from './signals';

export default defineRule({
  id: 'publication-without-disclosure-control',
  description: 'Principles in Action: data about people is published (a website, open data, HDX, social media, a public map) and the document describes no anonymisation or disclosure control (an error once the document is final).',
  defaultSeverity: 'warning',
  // A final document that publishes such data is stopped, not warned about.
  finalSeverity: 'error',
  missingItem: false,
  scope: 'text',
  refs: ['principle:do-no-harm', 'principle:data-protection-and-security', 'substep:disseminate-and-share'],
  source: 'S001 Annex 2; W-PSPW; TEAM',
  howToFix: 'Describe how data is anonymised or checked for disclosure risk before it is published (aggregation, suppression of small counts, coarser locations), or publish aggregated figures only.',
  examples: {
    valid: [
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nThe dataset is published on HDX after statistical disclosure control. Small cells are suppressed and villages are grouped by district.\n' },
      { text: '---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\nLe jeu de données est publié sur HDX après un contrôle de la divulgation statistique. Les petits effectifs sont supprimés et les villages sont regroupés par district.\n' },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\nLa base de datos se publica en HDX después de aplicar el control de la divulgación estadística. Se suprimen las celdas con pocos casos y las comunidades se agrupan por municipio.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nThe household-level dataset is published on HDX every month.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\nLa base de données des ménages est publiée chaque mois sur HDX.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\nCada mes se publica en HDX la base de datos de hogares.\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    // Anonymisation described anywhere in the document covers every release it makes.
    if (mentions(analysis, 'disclosure-control')) return;
    for (const sentence of affirmedSentences(analysis, 'publication', { with: [['raw-data', 'personal-data', 'data-objects']], bodyOnly: true })) {
      report({ span: sentence, message: message('publication-without-disclosure-control') });
    }
  },
});
