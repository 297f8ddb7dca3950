import { tokenize } from '../text/normalize';
import { defineRule } from './define-rule';

/** A local file opens on the author's machine only. */
const LOCAL_FILE = /^file:/i;

export default defineRule({
  id: 'restricted-link',
  description: 'A link points where readers outside one organisation cannot follow it: a domain-restricted Google document, an intranet, SharePoint, a local file or machine.',
  defaultSeverity: 'info',
  missingItem: false,
  scope: 'text',
  refs: [],
  source: 'TEAM',
  howToFix: 'Link to a copy that readers outside your organisation can open, or attach the document and say where to find it.',
  examples: {
    valid: [{ text: '---\npim:\n  kind: report\n---\n# Report\n\nSee the [checklist](https://docs.google.com/document/d/abc/edit).\n' }],
    invalid: [{ text: '---\npim:\n  kind: report\n---\n# Report\n\nSee the [checklist](https://docs.google.com/a/example.org/document/d/abc/edit).\n', findings: 1 }],
  },
  check({ analysis, report, message }) {
    for (const link of analysis.model.links) {
      const restricted = LOCAL_FILE.test(link.url) || analysis.matchers.restrictedLinkHosts.findAll(tokenize(link.url)).length > 0;
      if (restricted) report({ span: link.span, message: message('restricted-link', { url: link.url }) });
    }
  },
});
