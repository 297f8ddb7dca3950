import { sectionRef } from '../knowledge/load';
import { textIn } from '../knowledge/lookup';
import { defineRule } from './define-rule';
import { insertSectionEdit } from './skeleton';

export default defineRule({
  id: 'required-section',
  description: 'A section that the document kind requires is missing, under any heading and in any form (an error once the document is final); guides to a kind are not asked for its sections.',
  defaultSeverity: 'warning',
  finalSeverity: 'error',
  missingItem: true,
  scope: 'document',
  usesKind: true,
  refs: [],
  source: 'S001 Annex 2; TEAM',
  howToFix: "Add the missing section under a heading that names it, or write its content anywhere in the document; the quick fix inserts the section's skeleton where it belongs, and completion after `#` offers every section the kind still lacks.",
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Purpose\n\nWhy.\n\n## Service mapping\n\nWho.\n\n## Informed consent\n\nConsent.\n\n## Referral pathway\n\nHow.\n\n## Follow-up and feedback\n\nFollow-up.\n',
      },
    ],
    invalid: [{ text: '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Purpose\n\nWhy we refer.\n\n## Service mapping\n\nWho.\n\n## Informed consent\n\nConsent.\n\n## Follow-up and feedback\n\nFollow-up.\n', findings: 1 }],
  },
  check({ analysis, lang, anchor, report, message }) {
    const kind = analysis.kind;
    if (!kind) return;
    for (const section of analysis.missingSections) {
      const name = textIn(section.names, lang);
      const edit = insertSectionEdit(kind, section, analysis);
      report({
        span: anchor,
        message: message('required-section', { section: name, kind: textIn(kind.names, lang) }),
        refs: [`kind:${kind.id}`, sectionRef(kind, section), ...section.substeps.map((id) => `substep:${id}`), ...section.principles.map((id) => `principle:${id}`)],
        related: [{ span: { start: edit.start, end: edit.start }, message: message('required-section.where', { section: name }) }],
        fix: { title: message('fix.insert-section', { section: name }), edits: [edit], safe: true },
      });
    }
  },
});
