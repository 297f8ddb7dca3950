/**
 * Pure: decides for each principle and sub-step whether the document addresses it, addresses it
 * weakly (a mention in passing) or is silent, and keeps the evidence. The decision is one score
 * per item (analysis/evidence.ts) against the two fitted thresholds of calibration.json. A step
 * is as covered as its best-covered sub-step.
 */
import type { Knowledge } from '../knowledge/load';
import type { Thresholds } from '../knowledge/types';
import type { Block, DocumentModel } from '../model/build-model';
import { sentenceInBlock } from '../text/sentences';
import type { Coverage, CoverageStatus, Evidence, ItemCoverage } from '../types';
import { offsetScore, scoreItem, strongestHits, type DocumentEvidence, type EvidenceHit, type ItemScore } from './evidence';

const MAX_EVIDENCE = 20;

export function computeCoverage(model: DocumentModel, k: Knowledge, evidence: DocumentEvidence): Coverage {
  const { weights, thresholds, offsets } = k.calibration.coverage;
  const judge = (ref: string): ItemCoverage => {
    const item = evidence.items.get(ref);
    const scored = scoreItem(item, evidence, weights);
    return { status: statusOf(offsetScore(item, scored.score, offsets[ref] ?? 0), thresholds), evidence: evidenceOf(model, scored, strongestHits(item, scored, MAX_EVIDENCE)) };
  };
  const principles = Object.fromEntries(k.principles.map((p) => [p.id, judge(`principle:${p.id}`)]));
  const substeps = Object.fromEntries(k.substeps.map((s) => [s.id, judge(`substep:${s.id}`)]));
  const steps = Object.fromEntries(k.steps.map((step) => [step.id, combine(step.substeps.map((s) => substeps[s.id] as ItemCoverage))]));
  return { principles, substeps, steps };
}

export function statusOf(score: number, thresholds: Thresholds): CoverageStatus {
  return score >= thresholds.addressed ? 'addressed' : score >= thresholds.weak ? 'weak' : 'missing';
}

/** The headings that name the item, then the sentences of the strongest hits, in document order. */
function evidenceOf(model: DocumentModel, scored: ItemScore, strongest: readonly EvidenceHit[]): Evidence[] {
  // Sentences are found only for the evidence that is kept: long documents have hundreds of hits.
  const evidence: Evidence[] = [
    ...scored.headings.map((claim) => ({ span: claim.span, via: 'heading' as const })),
    ...strongest.map((hit) => ({ span: sentenceInBlock(model.text, model.blocks[hit.block] as Block, hit.start), via: 'text' as const })),
  ];
  return firstDistinct(evidence, MAX_EVIDENCE);
}

function combine(items: readonly ItemCoverage[]): ItemCoverage {
  const status: CoverageStatus = items.some((i) => i.status === 'addressed') ? 'addressed' : items.some((i) => i.status === 'weak') ? 'weak' : 'missing';
  const evidence = firstDistinct(items.flatMap((i) => i.evidence), MAX_EVIDENCE);
  return { status, evidence };
}

/**
 * The first `limit` pieces of evidence in document order, each place once. Long documents have
 * a heading claim per section that names an item, and twenty are kept: the places are compared
 * only among those that start at the same offset.
 */
function firstDistinct(evidence: readonly Evidence[], limit: number): Evidence[] {
  const kept: Evidence[] = [];
  let start = -1;
  let endsAtStart: number[] = [];
  for (const e of [...evidence].sort((a, b) => a.span.start - b.span.start)) {
    if (kept.length >= limit) break;
    if (e.span.start !== start) {
      start = e.span.start;
      endsAtStart = [];
    }
    if (endsAtStart.includes(e.span.end)) continue;
    endsAtStart.push(e.span.end);
    kept.push(e);
  }
  return kept;
}
