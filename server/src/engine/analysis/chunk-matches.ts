/**
 * Pure: phrase matches over a whole document, reusing the matches of every chunk that did not
 * change since the previous version. Block tokens are relative to their chunk, so a chunk's
 * matches stay valid wherever the chunk moves; they are cached by matcher and chunk tree.
 */
import type { DocumentModel, Segment } from '../model/build-model';
import type { PhraseMatcher } from '../text/phrase-matcher';

export interface BlockMatch {
  readonly payload: string;
  readonly phrase: string;
  /** Document offsets. */
  readonly start: number;
  readonly end: number;
  /** Index in `model.blocks`. */
  readonly block: number;
  /** Words matched. */
  readonly tokens: number;
}

/** Offsets relative to the chunk, block index relative to the segment. */
export type ChunkMatch = BlockMatch;

/**
 * A memo of work on one object with one key (a matcher): kept while both live, so that what an
 * unchanged chunk or block keeps (its tree, its tokens) is never worked on twice and what is
 * dropped is forgotten.
 */
export function weakMemo<K extends object, O extends object, V>(): (key: K, of: O, compute: () => V) => V {
  const byKey = new WeakMap<K, WeakMap<O, V>>();
  return (key, of, compute) => {
    let byObject = byKey.get(key);
    if (!byObject) {
      byObject = new WeakMap();
      byKey.set(key, byObject);
    }
    // One lookup when the value is there, which is nearly always: this runs per chunk and per block on every version.
    const known = byObject.get(of);
    if (known !== undefined || byObject.has(of)) return known as V;
    const value = compute();
    byObject.set(of, value);
    return value;
  };
}

/** A memo of work on one chunk with one key: kept while both the key and the chunk's tree live. */
export function perChunk<K extends object, V>(): (key: K, tree: Segment['tree'], compute: () => V) => V {
  return weakMemo<K, Segment['tree'], V>();
}

const matchesCache = perChunk<PhraseMatcher<string>, readonly ChunkMatch[]>();

export function matchDocument(model: DocumentModel, matcher: PhraseMatcher<string>): BlockMatch[] {
  const all: BlockMatch[] = [];
  for (const segment of model.segments) {
    for (const m of segmentMatches(model, segment, matcher)) all.push({ ...m, start: m.start + segment.base, end: m.end + segment.base, block: m.block + segment.first });
  }
  return all;
}

/** One chunk's matches, offsets relative to the chunk and block indexes to the segment; computed once per chunk tree. */
export function segmentMatches(model: DocumentModel, segment: Segment, matcher: PhraseMatcher<string>): readonly ChunkMatch[] {
  return matchesCache(matcher, segment.tree, () => matchSegment(model, segment, matcher));
}

const byPayloadCache = perChunk<PhraseMatcher<string>, ReadonlyMap<string, readonly ChunkMatch[]>>();

/**
 * One chunk's matches grouped by payload (a signal, an item), each list in order: a long document
 * has thousands of matches of payloads that only its chunks read (duty words), so a caller places
 * in the document only the payloads it asks about. Computed once per chunk tree.
 */
export function segmentMatchesByPayload(model: DocumentModel, segment: Segment, matcher: PhraseMatcher<string>): ReadonlyMap<string, readonly ChunkMatch[]> {
  return byPayloadCache(matcher, segment.tree, () => {
    const byPayload = new Map<string, ChunkMatch[]>();
    for (const m of segmentMatches(model, segment, matcher)) {
      const list = byPayload.get(m.payload);
      if (list) list.push(m);
      else byPayload.set(m.payload, [m]);
    }
    return byPayload;
  });
}

/**
 * One chunk's matches as `segmentMatches` gives them, worked out afresh: for a caller that keeps
 * what it makes of them, and may make each in a shape of its own (`make`) rather than copy it.
 */
export function matchSegment(model: DocumentModel, segment: Segment, matcher: PhraseMatcher<string>): ChunkMatch[];
export function matchSegment<M>(model: DocumentModel, segment: Segment, matcher: PhraseMatcher<string>, make: MakeMatch<M>): M[];
export function matchSegment<M>(model: DocumentModel, segment: Segment, matcher: PhraseMatcher<string>, make: MakeMatch<M | ChunkMatch> = chunkMatch): (M | ChunkMatch)[] {
  const matches: (M | ChunkMatch)[] = [];
  for (let i = 0; i < segment.count; i++) {
    const block = model.blocks[segment.first + i];
    if (!block) continue;
    matcher.eachMatch(block.tokens, (payload, phrase, first, last, _, tokens) => matches.push(make(payload, phrase, first.start, last.end, i, tokens)));
  }
  return matches;
}

/** Makes one match of a chunk from its fields: offsets relative to the chunk, the block's index in it, the number of words. */
export type MakeMatch<M> = (payload: string, phrase: string, start: number, end: number, block: number, tokens: number) => M;

const chunkMatch: MakeMatch<ChunkMatch> = (payload, phrase, start, end, block, tokens) => ({ payload, phrase, start, end, block, tokens });
