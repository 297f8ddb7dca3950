import type { Analysis } from '../analysis/analysis';
import { textIn } from '../knowledge/lookup';
import { NO_KIND, type Edit } from '../types';
import { defineRule } from './define-rule';
import { lineEndAt } from '../text/lines';

export default defineRule({
  id: 'kind-inferred',
  description: 'The document does not declare its kind: says which kind it reads like, or that it fits none and is checked against the Principles only, and how to declare it.',
  defaultSeverity: 'info',
  missingItem: false,
  scope: 'document',
  refs: [],
  source: 'TEAM',
  howToFix: 'Declare the kind in the front matter (`kind: <id>` under `pim:`), or `kind: none` for a document that fits no kind; the quick fix declares the kind the document reads like.',
  examples: {
    valid: [{ text: '---\npim:\n  kind: dpia\n---\n# DPIA\n' }],
    invalid: [
      { text: '# Data sharing agreement\n\n## Parties\n\nA and B.\n\n## Purpose of the data sharing\n\nWhy.\n', options: { treatAsPim: true }, findings: 1 },
      { text: '---\npim: {}\n---\n# Notes\n\nNothing here names a kind.\n', findings: 1 },
    ],
  },
  check({ analysis, lang, anchor, report, message }) {
    if (analysis.kindSource === 'declared' || analysis.kindSource === 'option' || analysis.declaration?.fields.kind) return;
    const kind = analysis.kind;
    if (kind) {
      report({
        span: anchor,
        message: message('kind-inferred', { name: textIn(kind.names, lang), kind: kind.id }),
        refs: [`kind:${kind.id}`],
        fix: { title: message('fix.declare-kind', { kind: kind.id }), edits: [declareKindEdit(analysis, kind.id)], safe: false },
      });
    } else {
      report({
        span: anchor,
        message: message('kind-inferred.none', { kind: NO_KIND }),
        fix: { title: message('fix.declare-kind', { kind: NO_KIND }), edits: [declareKindEdit(analysis, NO_KIND)], safe: false },
      });
    }
  },
});

/** Adds `kind:` to the front matter, creating the `pim:` block or the front matter itself when absent. */
function declareKindEdit(analysis: Analysis, kind: string): Edit {
  const frontMatter = analysis.model.frontMatter;
  const pim = analysis.declaration;
  const text = analysis.text;
  if (pim && text.slice(pim.keySpan.end).match(/^:\s*\{\s*\}/)) {
    const end = pim.keySpan.end + (text.slice(pim.keySpan.end).match(/^:\s*\{\s*\}/)?.[0].length ?? 0);
    return { start: pim.keySpan.start, end, newText: `pim:\n  kind: ${kind}` };
  }
  if (pim) {
    const at = lineEndAt(text, pim.keySpan.end);
    return { start: at, end: at, newText: `\n  kind: ${kind}` };
  }
  if (frontMatter) return { start: frontMatter.valueStart, end: frontMatter.valueStart, newText: `pim:\n  kind: ${kind}\n` };
  return { start: 0, end: 0, newText: `---\npim:\n  kind: ${kind}\n---\n\n` };
}
