import type { Analysis } from '../analysis/analysis';
import type { Span } from '../types';
import { defineRule } from './define-rule';
import { eachAffirmedSentence, firstAffirmedSentence, firstHit, mentions, missingSectionAbout } from './signals';

export default defineRule({
  id: 'retention-missing',
  description:
    'Principles in Action: the document says where data is kept but not for how long or how it is destroyed; "as long as needed" and "indefinitely" are not retention periods, "deleted after 18 months" is.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  refs: ['principle:data-protection-and-security', 'substep:store-and-maintain'],
  source: 'S001 Annex 2',
  howToFix: 'State how long each kind of data is kept, what happens when that period ends, and how the data is destroyed or anonymised.',
  examples: {
    valid: [
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nData is stored on the encrypted server and deleted twelve months after the end of the project.\n' },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\nLos datos se guardan en el servidor cifrado y se eliminan a los 18 meses.\n' },
      { text: '---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\nLes données sont stockées sur le serveur chiffré et supprimées après 12 mois.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nData is stored on the encrypted server of the office.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nData is stored on the encrypted server and kept as long as needed.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\nLes données sont stockées sur le serveur et conservées indéfiniment.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\nLos datos se guardan en el servidor y se conservan en los archivos de cada socio.\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    const kept = firstHit(analysis, 'storage');
    if (!kept || missingSectionAbout(analysis, 'retention')) return;
    // A guide, or a document of no kind (a handbook chapter), keeps no data of its own: naming retention is what it can do.
    const keepsData = !analysis.isGuidance && analysis.kind !== undefined;
    if (!keepsData) {
      if (!mentions(analysis, 'retention')) report({ span: kept.span, message: message('retention-missing') });
      return;
    }
    if (statesPeriod(analysis)) return;
    const openEnded = firstAffirmedSentence(analysis, 'open-ended-retention', { bodyOnly: true });
    if (openEnded) {
      const hit = analysis.signalHits('open-ended-retention').find((h) => h.span.start >= openEnded.start && h.span.end <= openEnded.end);
      report({ span: openEnded, message: message('retention-missing.open-ended', { phrase: hit ? analysis.text.slice(hit.span.start, hit.span.end) : '' }) });
      return;
    }
    report({ span: kept.span, message: message('retention-missing') });
  },
});

/** A sentence on retention that gives a period (a number and a unit) or the event that ends it. */
function statesPeriod(analysis: Analysis): boolean {
  for (const sentence of eachAffirmedSentence(analysis, 'retention', { bodyOnly: true })) {
    if ((hasNumber(analysis, sentence) && occursInSentence(analysis, 'time-units', sentence)) || occursInSentence(analysis, 'retention-end-events', sentence)) return true;
  }
  return false;
}

function hasNumber(analysis: Analysis, sentence: Span): boolean {
  return /\d/.test(analysis.text.slice(sentence.start, sentence.end)) || occursInSentence(analysis, 'number-words', sentence);
}

function occursInSentence(analysis: Analysis, signalId: string, sentence: Span): boolean {
  return analysis.signalHits(signalId).some((h) => h.span.start >= sentence.start && h.span.end <= sentence.end);
}
