/**
 * Pure: decides for each principle and sub-step whether the document addresses it, addresses it
 * weakly (a mention in passing) or is silent, and keeps the evidence. A step is as covered as
 * its best-covered sub-step.
 */
import type { Knowledge } from '../knowledge/load';
import type { Block, DocumentModel, Section } from '../model/build-model';
import { sentenceInBlock } from '../text/sentences';
import type { Coverage, CoverageStatus, Evidence, ItemCoverage, Span } from '../types';
import { matchDocument } from './chunk-matches';
import type { Matchers } from './matchers';

/** A heading names the item and its section says something: enough words to be more than a stub. */
const MIN_SECTION_WORDS = 12;
/** Without a heading, the item must come up in several places and in several ways. */
const MIN_DISTINCT_PHRASES = 3;
const MIN_HITS = 3;
const MIN_BLOCKS = 2;
/** Broad cue words say "mentioned in passing" only when several different ones occur. */
const MIN_DISTINCT_CUES = 2;
const MAX_EVIDENCE = 20;

interface Hit {
  readonly span: Span;
  readonly phrase: string;
  readonly block: number;
}

export function computeCoverage(model: DocumentModel, k: Knowledge, matchers: Matchers, placeholderTokens: ReadonlySet<number>): Coverage {
  const headingHits = new Map<string, Section[]>();
  for (const section of model.sections) {
    if (!section.heading) continue;
    for (const match of matchers.headings.findAll(section.titleTokens)) push(headingHits, match.payload, section);
  }
  const textHits = new Map<string, Hit[]>();
  for (const match of matchDocument(model, matchers.evidence)) {
    if ((model.blocks[match.block] as Block).kind === 'heading') continue;
    push(textHits, match.payload, { span: { start: match.start, end: match.end }, phrase: match.phrase, block: match.block });
  }
  const cueWords = new Map<string, Set<string>>();
  for (const match of matchDocument(model, matchers.cues)) {
    const set = cueWords.get(match.payload) ?? new Set<string>();
    set.add(match.phrase.toLowerCase());
    cueWords.set(match.payload, set);
  }
  const words = sectionWordCounts(model, placeholderTokens);
  const judge = (ref: string): ItemCoverage =>
    judgeItem(model, headingHits.get(ref) ?? [], withoutOverlaps(textHits.get(ref) ?? []), words, (cueWords.get(ref)?.size ?? 0) >= MIN_DISTINCT_CUES);

  const principles = Object.fromEntries(k.principles.map((p) => [p.id, judge(`principle:${p.id}`)]));
  const substeps = Object.fromEntries(k.substeps.map((s) => [s.id, judge(`substep:${s.id}`)]));
  const steps = Object.fromEntries(k.steps.map((step) => [step.id, combine(step.substeps.map((s) => substeps[s.id] as ItemCoverage))]));
  return { principles, substeps, steps };
}

function judgeItem(model: DocumentModel, sections: readonly Section[], hits: readonly Hit[], words: ReadonlyMap<number, number>, cued: boolean): ItemCoverage {
  // Sentences are found only for the evidence that is kept: long documents have hundreds of hits.
  const evidence: Evidence[] = [
    ...sections.map((s) => ({ span: s.heading as Span, via: 'heading' as const })),
    ...hits.slice(0, MAX_EVIDENCE).map((hit) => ({ span: sentenceInBlock(model.text, model.blocks[hit.block] as Block, hit.span.start), via: 'text' as const })),
  ];
  const substantialHeading = sections.some((s) => (words.get(s.index) ?? 0) >= MIN_SECTION_WORDS);
  const phrases = new Set(hits.map((h) => h.phrase.toLowerCase())).size;
  const blocks = new Set(hits.map((h) => h.block)).size;
  let status: CoverageStatus = 'missing';
  if (substantialHeading || (phrases >= MIN_DISTINCT_PHRASES && hits.length >= MIN_HITS && blocks >= MIN_BLOCKS)) status = 'addressed';
  else if (evidence.length > 0 || cued) status = 'weak';
  return { status, evidence: dedupe(evidence).slice(0, MAX_EVIDENCE) };
}

function combine(items: readonly ItemCoverage[]): ItemCoverage {
  const status: CoverageStatus = items.some((i) => i.status === 'addressed') ? 'addressed' : items.some((i) => i.status === 'weak') ? 'weak' : 'missing';
  const evidence = dedupe(items.flatMap((i) => i.evidence)).slice(0, MAX_EVIDENCE);
  return { status, evidence };
}

/** Words in a section and its sub-sections, placeholders excluded. */
function sectionWordCounts(model: DocumentModel, placeholderTokens: ReadonlySet<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const section of [...model.sections].reverse()) {
    let own = 0;
    for (const index of section.blocks) {
      const block = model.blocks[index] as Block;
      own += block.tokens.filter((t) => !placeholderTokens.has(block.base + t.start)).length;
    }
    counts.set(section.index, (counts.get(section.index) ?? 0) + own);
    if (section.parent >= 0) counts.set(section.parent, (counts.get(section.parent) ?? 0) + (counts.get(section.index) ?? 0));
  }
  return counts;
}

/** "informed consent" and the "consent" inside it are one mention, not two. */
function withoutOverlaps(hits: readonly Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: Hit[] = [];
  for (const hit of sorted) {
    const last = kept[kept.length - 1];
    if (last && hit.span.start < last.span.end) continue;
    kept.push(hit);
  }
  return kept;
}

function dedupe(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return [...evidence]
    .sort((a, b) => a.span.start - b.span.start)
    .filter((e) => {
      const key = `${e.span.start}:${e.span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
