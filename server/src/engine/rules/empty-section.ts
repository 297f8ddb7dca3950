import type { Block, DocumentModel, Section } from '../model/build-model';
import { defineRule } from './define-rule';

export default defineRule({
  id: 'empty-section',
  description: 'A section is empty, or placeholder text (TODO, TBD, lorem ipsum, "[insert …]") was left in the document.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'text',
  refs: [],
  source: 'TEAM',
  howToFix: "Write the section's content, or remove the heading; replace every placeholder (TODO, TBD, lorem ipsum, \"[insert …]\") with the real text.",
  examples: {
    valid: [
      { text: '---\npim:\n  kind: report\n---\n# Report\n\n## Key findings\n\nThree districts reported more evictions than last month.\n' },
      { text: "---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\n## Principaux résultats\n\nTrois communes ont signalé plus d'expulsions que le mois dernier.\n" },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\n## Hallazgos clave\n\nTres municipios registraron más desalojos que el mes anterior.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: report\n---\n# Report\n\n## Key findings\n\n## Recommendations\n\nTBD\n', findings: 2 },
      { text: '---\npim:\n  kind: report\n---\n# Report\n\n## Key findings\n\n## Recommendations\n\nWe recommend more visits.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nThe survey covers [insert districts].\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\n## Principaux résultats\n\n## Recommandations\n\nÀ compléter\n', findings: 2 },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\nLa encuesta cubre los municipios de [insertar municipios].\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    const { model, placeholders, placeholderWords } = analysis;
    const { sections } = model;
    // By section index, from the last section up, so that a section's content counts for the sections above it.
    const hasContent = new Uint8Array(sections.length);
    const isParent = new Uint8Array(sections.length);
    for (let index = sections.length - 1; index >= 0; index--) {
      const section = sections[index] as Section;
      if (!hasContent[index] && ownContent(model, section, placeholderWords)) hasContent[index] = 1;
      if (section.parent < 0) continue;
      isParent[section.parent] = 1;
      if (hasContent[index]) hasContent[section.parent] = 1;
    }
    for (const section of sections) {
      // A heading whose sub-sections are all empty is reported through them, once.
      if (!section.heading || hasContent[section.index] || isParent[section.index]) continue;
      // A section holding only placeholders is reported through the placeholders below.
      if (section.blocks.length > 0) continue;
      report({ span: section.heading, message: message('empty-section.empty', { section: section.title }) });
    }
    for (const placeholder of placeholders) {
      report({ span: placeholder, message: message('empty-section.placeholder', { text: model.text.slice(placeholder.start, placeholder.end) }) });
    }
  },
});

function ownContent(model: DocumentModel, section: Section, placeholderWords: ReadonlySet<number>): boolean {
  return section.blocks.some((i) => hasWords(model.blocks[i] as Block, placeholderWords)) || model.code.some((c) => c.start >= section.body.start && c.end <= section.body.end);
}

function hasWords(block: Block, placeholderWords: ReadonlySet<number>): boolean {
  return block.tokens.some((t) => !placeholderWords.has(block.base + t.start));
}
