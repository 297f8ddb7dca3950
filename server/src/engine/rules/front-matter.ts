import { PIM_FIELDS } from '../model/front-matter';
import { closest } from '../text/did-you-mean';
import { DOCUMENT_STATUSES } from '../types';
import { defineRule } from './define-rule';

export default defineRule({
  id: 'front-matter',
  description: 'The front matter cannot be read, or its `pim:` block has an unknown key or an invalid `lang` or `status`.',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: [],
  source: 'TEAM',
  howToFix: 'Make the front matter valid YAML between two `---` lines, keep to the keys `kind`, `category`, `lang` and `status` under `pim:`, and use a supported `lang` (en, fr, es, ar) and `status` (draft, review, final).',
  examples: {
    valid: [{ text: '---\npim:\n  kind: report\n  lang: fr\n  status: draft\n---\n# Rapport\n' }],
    invalid: [
      { text: '---\npim:\n  kind: report\n  staus: draft\n---\n# Report\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  status: approved\n  lang: german\n---\n# Report\n', findings: 2 },
    ],
  },
  check({ analysis, report, message }) {
    const frontMatter = analysis.model.frontMatter;
    if (frontMatter?.error) {
      report({ span: frontMatter.error.span, message: message('front-matter.yaml', { error: frontMatter.error.message }) });
      return;
    }
    const pim = analysis.declaration;
    if (!pim) return;
    for (const key of pim.unknownKeys) {
      const suggestion = closest(key.value, PIM_FIELDS.map((f) => ({ value: f, labels: [f] })));
      report({
        span: key.keySpan,
        message: suggestion ? message('front-matter.key.suggest', { key: key.value, suggestion }) : message('front-matter.key', { key: key.value, known: PIM_FIELDS.join(', ') }),
        ...(suggestion ? { fix: { title: message('fix.replace', { value: suggestion }), edits: [{ ...key.keySpan, newText: suggestion }], safe: false } } : {}),
      });
    }
    for (const field of pim.invalid) report({ span: field.keySpan, message: message('front-matter.not-text', { key: field.value }) });
    const { status, lang } = pim.fields;
    if (status && !analysis.status) {
      report({ span: status.span, message: message('front-matter.status', { value: status.value, known: DOCUMENT_STATUSES.join(', ') }) });
    }
    const locales = analysis.knowledge.locales;
    if (lang && !locales.includes(lang.value.toLowerCase() as (typeof locales)[number])) {
      report({ span: lang.span, message: message('front-matter.lang', { value: lang.value, known: locales.join(', ') }) });
    }
  },
});
