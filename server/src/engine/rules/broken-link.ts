import { defineRule } from './define-rule';

/** A target without a scheme that starts like a web address: Markdown opens it as a file next to the document. */
const SCHEMELESS_WEB = /^(?:www\.|[a-z0-9-]+\.(?:org|com|net|int|gov|edu|info|io)(?:[/?#]|$))/i;

export default defineRule({
  id: 'broken-link',
  description: 'A link target is a web address written without https://, so it opens as a file next to the document instead of the site.',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: [],
  source: 'TEAM',
  howToFix: 'Write the full address, starting with https://.',
  examples: {
    valid: [{ text: '---\npim:\n  kind: report\n---\n# Report\n\nSee the [guidance](https://www.example.org/guidance.pdf).\n' }],
    invalid: [{ text: '---\npim:\n  kind: report\n---\n# Report\n\nSee the [guidance](www.example.org/guidance.pdf).\n', findings: 1 }],
  },
  check({ analysis, report, message }) {
    for (const link of analysis.model.links) {
      if (SCHEMELESS_WEB.test(link.url)) report({ span: link.span, message: message('broken-link', { url: link.url }) });
    }
  },
});
