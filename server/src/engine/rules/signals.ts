/** Pure: helpers the Principles-in-Action rules share to read lexicon signals in sentences. */
import type { Analysis, SignalHit } from '../analysis/analysis';
import { sentenceInBlock } from '../text/sentences';
import type { Span } from '../types';

export function firstHit(analysis: Analysis, signalId: string): SignalHit | undefined {
  return analysis.signalHits(signalId)[0];
}

export function mentions(analysis: Analysis, signalId: string): boolean {
  return analysis.signalHits(signalId).length > 0;
}

export function sentenceOf(analysis: Analysis, hit: SignalHit): Span {
  return sentenceInBlock(analysis.text, analysis.block(hit.block), hit.span.start);
}

/** Whether a signal occurs inside a span of one block. */
export function occursIn(analysis: Analysis, signalId: string, block: number, span: Span): boolean {
  return analysis.signalHits(signalId).some((h) => h.block === block && h.span.start >= span.start && h.span.end <= span.end);
}

/**
 * Sentences in which every listed signal occurs and no negation does ("never send lists by
 * WhatsApp" is the rule being followed, not broken).
 */
export function affirmedSentences(analysis: Analysis, anchorSignal: string, withSignals: readonly (readonly string[])[]): Span[] {
  const seen = new Set<string>();
  const sentences: Span[] = [];
  for (const hit of analysis.signalHits(anchorSignal)) {
    const sentence = sentenceOf(analysis, hit);
    const key = `${sentence.start}:${sentence.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const all = withSignals.every((anyOf) => anyOf.some((id) => occursIn(analysis, id, hit.block, sentence)));
    if (all && !occursIn(analysis, 'negation', hit.block, sentence)) sentences.push(sentence);
  }
  return sentences;
}
