import { defineRule } from './define-rule';
import { firstHit, mentions, missingSectionAbout } from './signals';

export default defineRule({
  id: 'retention-missing',
  description: 'Principles in Action: the document says where data is stored but not how long it is kept or how it is disposed of.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  refs: ['principle:data-protection-and-security', 'substep:store-and-maintain'],
  source: 'S001 Annex 2',
  howToFix: 'State how long each kind of data is kept, what happens when that period ends, and how the data is destroyed or anonymised.',
  examples: {
    valid: [{ text: '---\npim:\n  kind: none\n---\n# Note\n\nData is stored on the encrypted server and deleted twelve months after the end of the project.\n' }],
    invalid: [{ text: '---\npim:\n  kind: none\n---\n# Note\n\nData is stored on the encrypted server of the office.\n', findings: 1 }],
  },
  check({ analysis, report, message }) {
    const hit = firstHit(analysis, 'storage');
    if (!hit || mentions(analysis, 'retention') || missingSectionAbout(analysis, 'retention')) return;
    report({ span: hit.span, message: message('retention-missing') });
  },
});
