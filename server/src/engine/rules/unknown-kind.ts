import { namesOf, allPhrases } from '../knowledge/lookup';
import type { DeclaredField } from '../model/front-matter';
import { closest } from '../text/did-you-mean';
import { NO_KIND } from '../types';
import { defineRule, type RuleContext } from './define-rule';

export default defineRule({
  id: 'unknown-kind',
  description: 'The front matter declares a `pim.kind` or `pim.category` that the knowledge base does not know; suggests the closest one.',
  defaultSeverity: 'error',
  missingItem: false,
  scope: 'text',
  refs: [],
  source: 'S001 Annex 1; TEAM',
  howToFix: 'Write one of the kinds listed in the message (or `none` for a document that fits no kind), or one of the eight PIM Matrix categories; the quick fix replaces a near miss with the closest known value.',
  examples: {
    valid: [{ text: '---\npim:\n  kind: dpia\n  category: protection-monitoring\n---\n# DPIA\n' }],
    invalid: [
      { text: '---\npim:\n  kind: data-sharing-agrement\n---\n# Agreement\n', findings: 1 },
      { text: '---\npim:\n  kind: dpia\n  category: monitoring-of-protection\n---\n# DPIA\n', findings: 1 },
    ],
  },
  check(context) {
    const { analysis } = context;
    const k = analysis.knowledge;
    const fields = analysis.declaration?.fields ?? {};
    if (fields.kind && fields.kind.value !== NO_KIND && !k.kinds.some((kind) => kind.id === fields.kind?.value)) {
      const candidates = k.kinds.map((kind) => ({ value: kind.id, labels: [kind.id, ...namesOf(kind.names), ...allPhrases(kind.aliases)] }));
      reportUnknown(context, fields.kind, 'kind', closest(fields.kind.value, candidates), [...k.kinds.map((kind) => kind.id), NO_KIND]);
    }
    if (fields.category && !k.categories.some((c) => c.id === fields.category?.value)) {
      const candidates = k.categories.map((c) => ({ value: c.id, labels: [c.id, ...namesOf(c.names), ...allPhrases(c.aliases)] }));
      reportUnknown(context, fields.category, 'category', closest(fields.category.value, candidates), k.categories.map((c) => c.id));
    }
  },
});

function reportUnknown({ report, message }: RuleContext, field: DeclaredField, what: 'kind' | 'category', suggestion: string | undefined, known: readonly string[]): void {
  report({
    span: field.span.end > field.span.start ? field.span : field.keySpan,
    message: suggestion
      ? message(`unknown-kind.${what}.suggest`, { value: field.value, suggestion })
      : message(`unknown-kind.${what}`, { value: field.value, known: known.join(', ') }),
    refs: suggestion ? [`${what === 'kind' ? 'kind' : 'category'}:${suggestion}`] : [],
    ...(suggestion
      ? { fix: { title: message('fix.replace', { value: suggestion }), edits: [{ start: field.span.start, end: field.span.end, newText: suggestion }], safe: false } }
      : {}),
  });
}
