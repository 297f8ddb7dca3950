/** Pure: helpers the Principles-in-Action rules share to read lexicon signals in sentences. */
import type { Analysis, SignalHit } from '../analysis/analysis';
import { perChunk, segmentMatchesByPayload } from '../analysis/chunk-matches';
import type { Block, DocumentModel, Segment } from '../model/build-model';
import type { PhraseMatcher } from '../text/phrase-matcher';
import { namesOf, phrasesIn } from '../knowledge/lookup';
import { tokenize } from '../text/normalize';
import { sentenceInBlock } from '../text/sentences';
import type { Span } from '../types';

export function firstHit(analysis: Analysis, signalId: string): SignalHit | undefined {
  return analysis.signalHits(signalId).find((hit) => analysis.block(hit.block).kind !== 'heading') ?? analysis.signalHits(signalId)[0];
}

export function mentions(analysis: Analysis, signalId: string): boolean {
  return analysis.signalHits(signalId).length > 0;
}

/** Whether a signal occurs inside a span of one block. */
export function occursIn(analysis: Analysis, signalId: string, block: number, span: Span): boolean {
  return analysis.signalHitsIn(signalId, block).some((h) => h.span.start >= span.start && h.span.end <= span.end);
}

export interface SentenceQuery {
  /** Signals of which at least one must occur in the sentence, one list per condition. */
  readonly with?: readonly (readonly string[])[];
  /** Signals that must not occur in the sentence (negation never may). */
  readonly without?: readonly string[];
  /** Leave headings out: a title like "Data sharing agreement" describes no practice. */
  readonly bodyOnly?: boolean;
}

/**
 * Sentences around a signal in which the other conditions hold and no negation occurs ("never
 * send lists by WhatsApp" is the rule being followed, not broken).
 */
export function affirmedSentences(analysis: Analysis, anchorSignal: string, query: SentenceQuery = {}): Span[] {
  return [...eachAffirmedSentence(analysis, anchorSignal, query)];
}

/** The first of `affirmedSentences`, found without looking further. */
export function firstAffirmedSentence(analysis: Analysis, anchorSignal: string, query: SentenceQuery = {}): Span | undefined {
  for (const sentence of eachAffirmedSentence(analysis, anchorSignal, query)) return sentence;
  return undefined;
}

/** `affirmedSentences` one at a time, for callers that may stop early; each chunk's are worked out once. */
export function* eachAffirmedSentence(analysis: Analysis, anchorSignal: string, query: SentenceQuery): Generator<Span> {
  const { model } = analysis;
  const key = queryKey(anchorSignal, query);
  for (const segment of model.segments) {
    const byQuery = affirmedByChunk(analysis.matchers.signals, segment.tree, () => new Map());
    let inChunk = byQuery.get(key);
    if (!inChunk) {
      inChunk = affirmedInChunk(model, segment, analysis.matchers.signals, anchorSignal, query);
      byQuery.set(key, inChunk);
    }
    for (const sentence of inChunk) yield { start: sentence.start + segment.base, end: sentence.end + segment.base };
  }
}

/**
 * Per chunk and query, the affirmed sentences relative to the chunk: what they are depends on the
 * chunk's text and its signal matches alone, so an edit works them out again for the chunks it changed.
 */
const affirmedByChunk = perChunk<PhraseMatcher<string>, Map<string, readonly Span[]>>();

function queryKey(anchorSignal: string, query: SentenceQuery): string {
  return JSON.stringify([anchorSignal, query.with ?? [], query.without ?? [], query.bodyOnly === true]);
}

function affirmedInChunk(model: DocumentModel, segment: Segment, signals: PhraseMatcher<string>, anchorSignal: string, query: SentenceQuery): Span[] {
  const bySignal = segmentMatchesByPayload(model, segment, signals);
  const excluded = ['negation', ...(query.without ?? [])];
  // A sentence is inside one block: a signal occurs in it when one of its matches in that block lies within it.
  const occurs = (id: string, block: number, sentence: Span): boolean =>
    (bySignal.get(id) ?? []).some((m) => m.block === block && m.start + segment.base >= sentence.start && m.end + segment.base <= sentence.end);
  const found: Span[] = [];
  const seen = new Set<string>();
  for (const hit of bySignal.get(anchorSignal) ?? []) {
    const block = model.blocks[segment.first + hit.block] as Block;
    if (query.bodyOnly && block.kind === 'heading') continue;
    const sentence = sentenceInBlock(model.text, block, hit.start + segment.base);
    const key = `${sentence.start}:${sentence.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const holds = (query.with ?? []).every((anyOf) => anyOf.some((id) => occurs(id, hit.block, sentence)));
    if (holds && !excluded.some((id) => occurs(id, hit.block, sentence))) found.push({ start: sentence.start - segment.base, end: sentence.end - segment.base });
  }
  return found;
}

/** The sections in which a signal occurs (a heading belongs to the section it opens). */
export function sectionsWith(analysis: Analysis, signalId: string): Set<number> {
  return new Set([...analysis.blocksWith(signalId)].map((block) => analysis.block(block).section));
}

/**
 * Whether the sentence around a document offset denies what it says ("no agreement is needed") or
 * puts it off to later or to someone else ("the purposes are determined by the controller").
 */
export function isDeniedOrDeferred(analysis: Analysis, offset: number): boolean {
  const block = blockAt(analysis, offset);
  if (block < 0) return false;
  const sentence = sentenceInBlock(analysis.text, analysis.block(block), offset);
  return occursIn(analysis, 'negation', block, sentence) || occursIn(analysis, 'deferral', block, sentence);
}

/** Index of the block holding an offset (blocks are in document order), or -1. */
function blockAt(analysis: Analysis, offset: number): number {
  const blocks = analysis.model.blocks;
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = (blocks[mid] as (typeof blocks)[number]).span;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Whether a missing required section of the kind is about what a signal looks for (a missing
 * "Informed consent" section for the consent signal): the section finding then reports the gap,
 * once, with its quick fix.
 */
export function missingSectionAbout(analysis: Analysis, signalId: string): boolean {
  return analysis.missingSections.some((section) =>
    [...namesOf(section.names), ...phrasesIn(section.headings, analysis.language)].some((heading) => analysis.matchers.signals.findAll(tokenize(heading)).some((m) => m.payload === signalId)),
  );
}
