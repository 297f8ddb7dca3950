/**
 * Pure: the evidence a document gives for each principle and sub-step, as weighed facts rather
 * than counts. Each phrase found is a hit that knows how specific the phrase is, whether its
 * sentence states a duty, whether it sits in a list or table, and whether it sits in a part that
 * addresses nothing (definitions, contents, references, link lists). Headings that name an item
 * are claims, kept apart: they count only when the section under them backs them.
 *
 * `scoreItem` turns the facts into one number with the fitted weights of calibration.json; the
 * fitting script calls the same function, so what is fitted is exactly what runs.
 */
import type { CoverageWeights } from '../knowledge/types';
import type { Block, DocumentModel, Section, Segment } from '../model/build-model';
import type { Token } from '../text/normalize';
import type { PhraseMatcher } from '../text/phrase-matcher';
import { sentenceSpans } from '../text/sentences';
import { stepEndsAt, type Steps } from '../steps';
import type { Span } from '../types';
import { matchSegment, perChunk, segmentMatches, weakMemo, type ChunkMatch, type MakeMatch } from './chunk-matches';
import type { Matchers } from './matchers';

export type Tier = 'phrase' | 'word' | 'cue';

export interface EvidenceHit {
  readonly tier: Tier;
  /** The phrase as written in the knowledge, lower-cased: repeats of one phrase weigh less. */
  readonly phrase: string;
  /** Where the phrase starts in the document (no span object: there is one hit per phrase found, placed again on every version). */
  readonly start: number;
  readonly block: number;
  readonly section: number;
  readonly obligation: boolean;
  readonly structured: boolean;
  readonly aside: boolean;
}

/**
 * A heading, or a bold label ("**Confidentiality**", a table's first column), that names an item.
 * What backs it: the heading's section with its sub-sections, or the label's block and, for a
 * label standing alone, the blocks after it up to the next heading or label.
 */
export interface HeadingClaim {
  readonly span: Span;
  readonly generic: boolean;
  readonly section?: number;
  readonly blocks?: { readonly first: number; readonly last: number };
}

export interface ItemEvidence {
  readonly hits: readonly EvidenceHit[];
  readonly headings: readonly HeadingClaim[];
}

export interface DocumentEvidence {
  /** `principle:<id>` or `substep:<id>` -> its evidence. */
  readonly items: ReadonlyMap<string, ItemEvidence>;
  /** Words outside the parts that address nothing. */
  readonly words: number;
  /** For each section, itself and the sections above it: a heading's section includes its sub-sections. */
  readonly ancestors: readonly ReadonlySet<number>[];
}

/** A heading is generic, or an aside, when such phrases cover this share of its words. */
const COVERED_SHARE = 0.6;
/** A block whose words are mostly link text points elsewhere. */
const LINK_SHARE = 0.5;

/** What every evidence collection of one document shares: which parts are asides, which sentences state duties. */
export interface EvidenceContext {
  readonly model: DocumentModel;
  readonly asideSections: ReadonlySet<number>;
  readonly genericSections: ReadonlySet<number>;
  /** Whether the block of this index is in a part that addresses nothing, or points elsewhere (mostly link text). */
  isAside(index: number): boolean;
  /** Whether an offset is inside a placeholder ("[describe the consent procedure]"): a prompt says nothing yet. */
  inPlaceholder(offset: number): boolean;
  /** Every lexicon signal: its `obligation` phrases make a sentence state a duty. */
  readonly signals: PhraseMatcher<string>;
  /** For each section, the heading block that opens it (none for the text before the first heading). */
  readonly headingBlocks: readonly (Block | undefined)[];
  readonly words: number;
  readonly ancestors: readonly ReadonlySet<number>[];
}

/** The lexicon signal whose phrases ("must", "shall") make a sentence state a duty. */
const OBLIGATION = 'obligation';

/** The phrases of one family of items: the principles and sub-steps, or the sections of the document kinds. */
export interface ItemMatchers {
  readonly evidence: PhraseMatcher<string>;
  readonly cues?: PhraseMatcher<string>;
  readonly headings: PhraseMatcher<string>;
}

export function evidenceContext(model: DocumentModel, matchers: Matchers, placeholders: readonly Span[]): EvidenceContext {
  const headingBlocks: (Block | undefined)[] = [undefined];
  for (const block of model.blocks) if (block.kind === 'heading') headingBlocks[block.section] = block;
  const asideSections = sectionsCoveredBy(model, headingBlocks, matchers.asideHeadings, true);
  const genericSections = sectionsCoveredBy(model, headingBlocks, matchers.genericHeadings, false);
  const asides = model.blocks.map((block) => asideSections.has(block.section) || (block.tokens.length > 0 && block.linkTokens / block.tokens.length >= LINK_SHARE));
  const isAside = (index: number): boolean => asides[index] === true;
  const words = model.blocks.reduce((n, block, index) => n + (block.kind === 'heading' || isAside(index) ? 0 : block.tokens.length), 0);
  const placeholderSpans = joined(placeholders);
  const inPlaceholder = (offset: number): boolean => placeholderSpans.length > 0 && containing(placeholderSpans, offset) !== undefined;
  return { model, asideSections, genericSections, isAside, inPlaceholder, signals: matchers.signals, headingBlocks, words, ancestors: ancestorsOf(model.sections) };
}

/** The evidence of every item of a family, one step per chunk. */
export function* collectEvidenceInSteps(context: EvidenceContext, matchers: ItemMatchers): Steps<DocumentEvidence> {
  const { model } = context;
  const items = new Map<string, { hits: EvidenceHit[]; headings: HeadingClaim[] }>();
  const entry = (ref: string) => {
    let found = items.get(ref);
    if (!found) {
      found = { hits: [], headings: [] };
      items.set(ref, found);
    }
    return found;
  };
  for (const segment of model.segments) {
    for (const [ref, inChunk] of chunkHits(model, segment, matchers, context.signals)) placeHits(context, segment, inChunk, entry(ref).hits);
    yield;
  }
  for (const section of model.sections) {
    const heading = context.headingBlocks[section.index];
    if (!section.heading || !heading || context.asideSections.has(section.index)) continue;
    for (const ref of refsIn(matchers.headings, heading.tokens)) entry(ref).headings.push({ section: section.index, span: section.heading, generic: context.genericSections.has(section.index) });
  }
  for (const claim of yield* labelClaims(model, matchers.headings, context.isAside)) entry(claim.ref).headings.push(claim.claim);
  return { items, words: context.words, ancestors: context.ancestors };
}

export interface ItemScore {
  readonly score: number;
  /** Each hit's weight, in the order of the item's hits. */
  readonly weights: Float64Array;
  /** The headings the sections under them back. */
  readonly backedHeadings: readonly HeadingClaim[];
  /** Every heading or label that names the item, backed or not: where the document mentions it. */
  readonly headings: readonly HeadingClaim[];
}

/** The item's score: weighed hits, plus the best heading its section backs (or a cue's worth for a heading alone), minus a length allowance. */
export function scoreItem(evidence: ItemEvidence | undefined, doc: Pick<DocumentEvidence, 'words' | 'ancestors'>, w: CoverageWeights): ItemScore {
  if (!evidence) return { score: -lengthAllowance(doc.words, w), weights: new Float64Array(0), backedHeadings: [], headings: [] };
  const { hits } = evidence;
  const { weights, backings } = weighed(hits, w);
  let text = 0;
  // Per section, the weight of the hits in it and in its sub-sections: where the item is focused.
  const bySection = new Float64Array(doc.ancestors.length);
  // What backs a heading, where repeats fade at their own rate: a section that says its word again and again is about it.
  const backingBySection = new Float64Array(doc.ancestors.length);
  for (let i = 0; i < hits.length; i++) {
    const weight = weights[i] as number;
    const backing = backings[i] as number;
    text += weight;
    for (const section of doc.ancestors[(hits[i] as EvidenceHit).section] ?? []) {
      if (section === 0) continue;
      bySection[section] = (bySection[section] as number) + weight;
      backingBySection[section] = (backingBySection[section] as number) + backing;
    }
  }
  const backing = (claim: HeadingClaim): number => {
    const blocks = claim.blocks;
    if (!blocks) return backingBySection[claim.section as number] ?? 0;
    let sum = 0;
    for (let i = 0; i < hits.length; i++) {
      const block = (hits[i] as EvidenceHit).block;
      sum += block >= blocks.first && block <= blocks.last ? (backings[i] as number) : 0;
    }
    return sum;
  };
  const backedHeadings = evidence.headings.filter((claim) => backing(claim) >= w.backing);
  // A heading nothing under it backs is still a mention, as much as a broad cue word.
  const claimed = evidence.headings.length > 0 ? w.cue : 0;
  const heading = backedHeadings.reduce((best, claim) => Math.max(best, claim.generic ? w.genericHeading : w.heading), claimed);
  let focus = 0;
  // A loop, not `reduce`: the callback would box every section's sum, for every item, on every version.
  for (let section = 0; section < bySection.length; section++) focus = Math.max(focus, bySection[section] as number);
  return { score: text + w.focus * focus + heading - lengthAllowance(doc.words, w), weights, backedHeadings, headings: evidence.headings };
}

/** The hits that carry an item's score, strongest first, at most `limit` of them: what the evidence of a finding shows. */
export function strongestHits(evidence: ItemEvidence | undefined, scored: ItemScore, limit: number): EvidenceHit[] {
  if (!evidence) return [];
  const { hits } = evidence;
  const { weights } = scored;
  // The best `limit` kept in order as they come: long documents have thousands of hits and show twenty.
  const best: number[] = [];
  const before = (i: number, j: number): boolean => (weights[i] as number) > (weights[j] as number) || ((weights[i] as number) === (weights[j] as number) && (hits[i] as EvidenceHit).start < (hits[j] as EvidenceHit).start);
  for (let i = 0; i < hits.length; i++) {
    if ((weights[i] as number) <= 0) continue;
    if (best.length === limit && !before(i, best[limit - 1] as number)) continue;
    let at = best.length;
    while (at > 0 && before(i, best[at - 1] as number)) at--;
    best.splice(at, 0, i);
    if (best.length > limit) best.pop();
  }
  return best.map((i) => hits[i] as EvidenceHit);
}

/**
 * Each hit's weight, and what it adds to the backing of a heading: the same but for the rate at
 * which repeats of one phrase fade. Repeats fade geometrically: saying one phrase ten times is
 * worth little more than saying it twice.
 */
function weighed(hits: readonly EvidenceHit[], w: CoverageWeights): { weights: Float64Array; backings: Float64Array } {
  const weights = new Float64Array(hits.length);
  const backings = new Float64Array(hits.length);
  const seen = new Map<string, number>();
  let powers = powerTables.get(w);
  if (!powers) {
    powers = { repeat: [], backingRepeat: [] };
    powerTables.set(w, powers);
  }
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i] as EvidenceHit;
    const earlier = seen.get(hit.phrase) ?? 0;
    seen.set(hit.phrase, earlier + 1);
    const tier = hit.tier === 'phrase' ? w.phrase : hit.tier === 'word' ? w.word : w.cue;
    // Multiplied in this order, the weights the calibration was fitted with to the last bit.
    const base = tier * ((hit.obligation ? w.obligation : 1) * (hit.structured ? w.structured : 1) * (hit.aside ? w.aside : 1));
    weights[i] = base * powerOf(powers.repeat, w.repeat, earlier);
    backings[i] = w.backingRepeat === 1 ? base : base * powerOf(powers.backingRepeat, w.backingRepeat, earlier);
  }
  return { weights, backings };
}

/**
 * Powers of the repeat weights, by exponent, per set of fitted weights (the fit script tries many,
 * which go with their tables): every hit of every version raises a weight to the count of its
 * phrase's earlier hits, and a table gives the very same numbers as `**` without the call.
 */
const powerTables = new WeakMap<CoverageWeights, { readonly repeat: number[]; readonly backingRepeat: number[] }>();

function powerOf(table: number[], base: number, exponent: number): number {
  for (let k = table.length; k <= exponent; k++) table.push(base ** k);
  return table[exponent] as number;
}

/**
 * The score of an item with its fitted offset. An item the document never mentions scores nothing
 * whatever its offset: an offset moves evidence across a threshold, it never creates any.
 */
export function offsetScore(evidence: ItemEvidence | undefined, score: number, offset: number): number {
  const silent = !evidence || (evidence.hits.length === 0 && evidence.headings.length === 0);
  return silent ? Math.min(score, score + offset) : score + offset;
}

function lengthAllowance(words: number, w: CoverageWeights): number {
  return words > 500 ? w.length * Math.log2(words / 500) : 0;
}

/**
 * Sections whose heading is mostly made of the matcher's phrases, with their sub-sections when
 * `inherit`. The document's title is never one: "Notes on data collection" names the document.
 */
function sectionsCoveredBy(model: DocumentModel, headingBlocks: readonly (Block | undefined)[], matcher: PhraseMatcher<string>, inherit: boolean): Set<number> {
  const covered = new Set<number>();
  const title = model.title;
  for (const section of model.sections) {
    if (section === title) continue;
    if (inherit && covered.has(section.parent)) {
      covered.add(section.index);
      continue;
    }
    const tokens = headingBlocks[section.index]?.tokens;
    if (tokens && tokens.length > 0 && coveredShare(matcher, tokens) >= COVERED_SHARE) covered.add(section.index);
  }
  return covered;
}

/**
 * What is worked out from the words of a heading alone is kept while its block's tokens live: an
 * unchanged chunk keeps its blocks' tokens wherever it moves, so an edit costs the headings it changes.
 */
const coveredShares = weakMemo<PhraseMatcher<string>, readonly Token[], number>();
const headingRefs = weakMemo<PhraseMatcher<string>, readonly Token[], readonly string[]>();

/** The refs whose phrases the words name, each once, in the order found. */
function refsIn(matcher: PhraseMatcher<string>, tokens: readonly Token[]): readonly string[] {
  return headingRefs(matcher, tokens, () => [...new Set(matcher.findAll(tokens).map((m) => m.payload))]);
}

function coveredShare(matcher: PhraseMatcher<string>, tokens: readonly Token[]): number {
  return coveredShares(matcher, tokens, () => {
    const covered = new Set<number>();
    for (const m of matcher.findAll(tokens)) for (let i = m.tokenIndex; i < m.tokenIndex + m.tokenCount; i++) covered.add(i);
    // Short function words ("of", "and") between covered words do not make a heading specific.
    const counted = tokens.filter((t, i) => covered.has(i) || t.norm.length > 3).length;
    return counted === 0 ? 0 : covered.size / counted;
  });
}

function ancestorsOf(sections: readonly Section[]): Set<number>[] {
  const result: Set<number>[] = [];
  for (const section of sections) {
    const ancestors = new Set(result[section.parent]);
    ancestors.add(section.index);
    result[section.index] = ancestors;
  }
  return result;
}

/** Bold labels and short first-column or header cells that name an item, with the blocks that back them. */
function* labelClaims(model: DocumentModel, headings: PhraseMatcher<string>, aside: (index: number) => boolean): Steps<{ ref: string; claim: HeadingClaim }[]> {
  const claims: { ref: string; claim: HeadingClaim }[] = [];
  const standsAlone = (block: Block | undefined): boolean => block !== undefined && block.labelTokens > 0 && block.labelTokens === block.tokens.length;
  // Indexed, not `entries()`: a pair per block of every version is garbage the collector pays for while the author types.
  for (let index = 0; index < model.blocks.length; index++) {
    const block = model.blocks[index] as Block;
    if (stepEndsAt(index)) yield;
    if (block.labelTokens === 0 || aside(index)) continue;
    const label = block.tokens.slice(0, block.labelTokens);
    let last = index;
    if (standsAlone(block)) {
      while (last + 1 < model.blocks.length) {
        const next = model.blocks[last + 1] as Block;
        if (next.kind === 'heading' || next.section !== block.section || standsAlone(next)) break;
        last++;
      }
    }
    const span = { start: block.base + (label[0] as Token).start, end: block.base + (label[label.length - 1] as Token).end };
    for (const ref of new Set(headings.findAll(label).map((m) => m.payload))) claims.push({ ref, claim: { span, generic: false, blocks: { first: index, last } } });
  }
  return claims;
}

/** Adds a chunk's hits to `hits`, placed in the document. */
function placeHits(context: EvidenceContext, segment: Segment, inChunk: readonly ChunkHit[], hits: EvidenceHit[]): void {
  const { blocks } = context.model;
  for (const h of inChunk) {
    const index = h.block + segment.first;
    const block = blocks[index] as Block;
    const start = h.start + segment.base;
    hits.push({
      tier: h.tier,
      phrase: h.phrase,
      start,
      block: index,
      section: block.section,
      obligation: h.obligation,
      structured: h.structured,
      aside: context.isAside(index) || context.inPlaceholder(start),
    });
  }
}

/** A hit as its chunk has it: offsets relative to the chunk, the block's index to the segment; what the chunk alone decides. */
interface ChunkHit {
  readonly tier: Tier;
  readonly phrase: string;
  readonly start: number;
  readonly block: number;
  readonly obligation: boolean;
  readonly structured: boolean;
}

/** Per family of items and chunk tree: the chunk's hits outside headings, by item ref. */
const chunkHitsCache = perChunk<ItemMatchers, ReadonlyMap<string, readonly ChunkHit[]>>();

/**
 * What a chunk's text alone says of each hit in it: where it is, and whether its sentence states
 * a duty and its block is a list or a table. Worked out once per chunk, so that an edit costs the
 * chunks it changes; only what depends on the rest of the document (asides, placeholders, the
 * section) is added when evidence is collected.
 */
function chunkHits(model: DocumentModel, segment: Segment, matchers: ItemMatchers, signals: PhraseMatcher<string>): ReadonlyMap<string, readonly ChunkHit[]> {
  return chunkHitsCache(matchers, segment.tree, () => {
    const duties = new Map<number, number[]>();
    for (const m of segmentMatches(model, segment, signals)) if (m.payload === OBLIGATION) push(duties, m.block, m.start + segment.base);
    // Per block, the sentences that hold a duty word: one pass over both, so a long block costs linear time.
    const dutySentences = new Map<number, Span[]>();
    const inDutySentence = (block: Block, index: number, offset: number): boolean => {
      const starts = duties.get(index);
      if (!starts) return false;
      let spans = dutySentences.get(index);
      if (!spans) {
        spans = sentencesHolding(sentenceSpans(model.text, block), [...starts].sort((x, y) => x - y));
        dutySentences.set(index, spans);
      }
      return containing(spans, offset) !== undefined;
    };
    // Knowledge phrases are few and repeat endlessly in a long chunk: each is lower-cased once.
    const lowerCase = new Map<string, string>();
    const lowerCased = (phrase: string): string => {
      let lower = lowerCase.get(phrase);
      if (lower === undefined) {
        lower = phrase.toLowerCase();
        lowerCase.set(phrase, lower);
      }
      return lower;
    };
    const byRef = new Map<string, ChunkHit[]>();
    for (const [ref, matches] of distinctInChunk(model, segment, matchers)) {
      const hits: ChunkHit[] = [];
      for (const m of matches) {
        const block = model.blocks[m.block + segment.first] as Block;
        if (block.kind === 'heading') continue;
        const obligation = inDutySentence(block, m.block, m.start + segment.base);
        hits.push({ tier: m.tier, phrase: lowerCased(m.phrase), start: m.start, block: m.block, obligation, structured: block.container === 'list' || block.container === 'table' });
      }
      if (hits.length > 0) byRef.set(ref, hits);
    }
    return byRef;
  });
}

/**
 * Works out what one chunk contributes to signals, to the evidence of principles and sub-steps and,
 * when given, to the evidence of `sections`, so that collecting them later only reads it.
 */
export function prepareChunk(model: DocumentModel, segment: Segment, matchers: Matchers, sections: ItemMatchers | undefined): void {
  segmentMatches(model, segment, matchers.signals);
  chunkHits(model, segment, matchers.items, matchers.signals);
  if (sections) chunkHits(model, segment, sections, matchers.signals);
}

type TieredMatch = ChunkMatch & { readonly tier: Tier };

/** A chunk's matches by item ref, each list sorted by start. */
type ChunkEvidence = ReadonlyMap<string, readonly TieredMatch[]>;

/**
 * A chunk's matches of a family of items, overlaps removed, by item and relative to the chunk.
 * Overlaps never cross a block, so this holds wherever the chunk moves. Only `chunkHits` reads
 * it, and keeps what it makes of it: neither these nor the raw matches are kept.
 */
function distinctInChunk(model: DocumentModel, segment: Segment, matchers: ItemMatchers): ChunkEvidence {
  // Evidence before cues: where a cue is part of an evidence phrase, the phrase wins.
  const evidence = matchSegment(model, segment, matchers.evidence, evidenceMatch);
  const cues = matchers.cues ? matchSegment(model, segment, matchers.cues, cueMatch) : [];
  return withoutOverlaps(evidence, cues);
}

// One literal for every tiered match, so that they all have one shape.
const evidenceMatch: MakeMatch<TieredMatch> = (payload, phrase, start, end, block, tokens) => ({ payload, phrase, start, end, block, tokens, tier: tokens > 1 ? 'phrase' : 'word' });
const cueMatch: MakeMatch<TieredMatch> = (payload, phrase, start, end, block, tokens) => ({ payload, phrase, start, end, block, tokens, tier: 'cue' });

/**
 * "informed consent" and the "consent" inside it are one mention, not two: of overlapping matches
 * of one item the longest wins ("purpose of the sharing" over "the purpose of"), then the earlier,
 * then evidence over a cue. By item (those of the evidence first), each list sorted by start.
 */
function withoutOverlaps(evidence: readonly TieredMatch[], cues: readonly TieredMatch[]): Map<string, TieredMatch[]> {
  const evidenceByRef = byPayload(evidence);
  const cuesByRef = byPayload(cues);
  const byRef = new Map<string, TieredMatch[]>();
  for (const [ref, list] of evidenceByRef) byRef.set(ref, acceptedInOrder(mergedByStart(list, cuesByRef.get(ref) ?? [])));
  for (const [ref, list] of cuesByRef) if (!evidenceByRef.has(ref)) byRef.set(ref, acceptedInOrder(mergedByStart([], list)));
  return byRef;
}

function byPayload(matches: readonly TieredMatch[]): Map<string, TieredMatch[]> {
  const byRef = new Map<string, TieredMatch[]>();
  for (const m of matches) push(byRef, m.payload, m);
  return byRef;
}

/**
 * `first` then `second` sorted by start, stably: of equal starts, those of `first` first. A
 * matcher finds matches block by block and word by word, so each list is in order already and
 * merging them is linear, where a sort copies the list (with the sort of each pair of overlapping
 * matches, about 50 MB of the 850 MB of garbage of a 1 MB handbook). Lists out of order are sorted.
 */
function mergedByStart(first: readonly TieredMatch[], second: readonly TieredMatch[]): TieredMatch[] {
  if (!inOrderOfStart(first) || !inOrderOfStart(second)) return [...first, ...second].sort((a, b) => a.start - b.start);
  if (second.length === 0) return first as TieredMatch[];
  if (first.length === 0) return second as TieredMatch[];
  const merged: TieredMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) merged.push((first[i] as TieredMatch).start <= (second[j] as TieredMatch).start ? (first[i++] as TieredMatch) : (second[j++] as TieredMatch));
  while (i < first.length) merged.push(first[i++] as TieredMatch);
  while (j < second.length) merged.push(second[j++] as TieredMatch);
  return merged;
}

function inOrderOfStart(matches: readonly TieredMatch[]): boolean {
  for (let i = 1; i < matches.length; i++) if ((matches[i] as TieredMatch).start < (matches[i - 1] as TieredMatch).start) return false;
  return true;
}

/**
 * Of matches sorted by start, those that win over the ones they overlap, in order. Matches fall
 * into runs that overlap one another (within a block); a match competes only with its run, so
 * most runs are one match that simply stands, and only the others are ranked.
 */
function acceptedInOrder(inOrder: readonly TieredMatch[]): TieredMatch[] {
  const kept: TieredMatch[] = [];
  // The run is inOrder[runStart, i): no array per match.
  let runStart = 0;
  let runEnd = -1;
  let runBlock = -1;
  const settle = (end: number): void => {
    const size = end - runStart;
    const first = inOrder[runStart] as TieredMatch;
    if (size === 1) kept.push(first);
    // Two that overlap: the better wins, as `winners` would rank them, without sorting a copy.
    else if (size === 2) kept.push(rank(first, inOrder[runStart + 1] as TieredMatch) <= 0 ? first : (inOrder[runStart + 1] as TieredMatch));
    else if (size > 2) kept.push(...winners(inOrder.slice(runStart, end)));
  };
  for (let i = 0; i < inOrder.length; i++) {
    const m = inOrder[i] as TieredMatch;
    if (m.block === runBlock && m.start < runEnd) {
      runEnd = Math.max(runEnd, m.end);
      continue;
    }
    settle(i);
    runStart = i;
    runEnd = m.end;
    runBlock = m.block;
  }
  settle(inOrder.length);
  return kept;
}

/** Of overlapping matches, the longest wins, then the earlier, then evidence over a cue; and so on with what is left. Sorted by start. */
function winners(run: readonly TieredMatch[]): TieredMatch[] {
  // Accepted matches are disjoint and kept sorted by start, so only the neighbours of a candidate can overlap it.
  const accepted: TieredMatch[] = [];
  const ranked = [...run].sort(rank);
  for (const m of ranked) {
    const at = lowerBound(accepted, startOf, m.start);
    const before = accepted[at - 1];
    const after = accepted[at];
    if ((before && before.end > m.start) || (after && after.start < m.end)) continue;
    accepted.splice(at, 0, m);
  }
  return accepted;
}

/** The longest first, then the earlier, then evidence before a cue. */
function rank(a: TieredMatch, b: TieredMatch): number {
  return b.tokens - a.tokens || a.start - b.start || tierOrder(a.tier) - tierOrder(b.tier);
}

/** Index of the first item whose key is at or after `offset`, in items sorted by key. */
function lowerBound<T>(items: readonly T[], key: (item: T) => number, offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (key(items[middle] as T) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

const startOf = (span: Span): number => span.start;

/** The span holding `offset`, in disjoint spans sorted by start. */
function containing(spans: readonly Span[], offset: number): Span | undefined {
  const candidate = spans[lowerBound(spans, startOf, offset + 1) - 1];
  return candidate && offset < candidate.end ? candidate : undefined;
}

/** The sentences that hold at least one of the offsets (sorted). */
function sentencesHolding(sentences: readonly Span[], offsets: readonly number[]): Span[] {
  return sentences.filter((sentence) => {
    const next = offsets[lowerBound(offsets, (n) => n, sentence.start)];
    return next !== undefined && next < sentence.end;
  });
}

/** Overlapping spans joined, sorted by start. */
function joined(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of [...spans].sort((x, y) => x.start - y.start)) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}

function tierOrder(tier: Tier): number {
  return tier === 'cue' ? 1 : 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
