/**
 * Fits the coverage weights and thresholds of calibration.json to expert labels, and measures
 * the fit with k-fold cross-validation by document: the folds never split a document, so a fold's
 * figures say how the numbers do on documents they were not fitted on.
 *
 * The search is coordinate descent over a grid per weight, the phrase weight fixed at 1 as the
 * scale; for every candidate the two thresholds are chosen exactly. What is minimised is the cost
 * of the errors, with a false alarm (explicit called missing) and a miss (absent called addressed)
 * costing most, because those are what make a reviewer stop trusting the tool.
 */
import { offsetScore, scoreItem, type DocumentEvidence, type ItemEvidence } from '../engine/analysis/evidence';
import { statusOf } from '../engine/analysis/coverage';
import type { CoverageWeights, Thresholds } from '../engine/knowledge/types';
import type { CoverageStatus } from '../engine/types';
import { expectedStatus, type Label } from './evaluate';

export interface Sample {
  readonly file: string;
  readonly item: string;
  readonly label: Label;
  /** The evidence of the item, or of each sub-step of a step (a step is as covered as its best sub-step). */
  readonly candidates: readonly (ItemEvidence | undefined)[];
  /** The engine reference of each candidate (`principle:…`, `substep:…`), which its offset is kept under. */
  readonly refs: readonly string[];
  readonly document: Pick<DocumentEvidence, 'words' | 'ancestors'>;
}

export interface Calibrated {
  readonly weights: CoverageWeights;
  readonly thresholds: Thresholds;
  /** Per item: added to its score. Items differ in how often their words turn up by chance. */
  readonly offsets: Readonly<Record<string, number>>;
}

/**
 * Cost of predicting a status for a label; explicit labels include "confidentiality only". A
 * false alarm or a miss costs most. Calling an absent item "weak" costs a little more than the
 * other near misses: it is the tool hedging, and it tells the author a gap is half-filled.
 */
const COST: Readonly<Record<'explicit' | 'weak' | 'absent', Readonly<Record<CoverageStatus, number>>>> = {
  explicit: { addressed: 0, weak: 1, missing: 6 },
  weak: { addressed: 1, weak: 0, missing: 1 },
  absent: { addressed: 6, weak: 1.25, missing: 0 },
};

/** The values each weight may take; phrase is the unit. */
export const GRID: Readonly<Record<Exclude<keyof CoverageWeights, 'phrase'>, readonly number[]>> = {
  word: [0, 0.2, 0.35, 0.5, 0.7, 1],
  cue: [0, 0.05, 0.1, 0.2, 0.3, 0.5],
  repeat: [0, 0.1, 0.2, 0.35, 0.5, 0.75, 1],
  obligation: [1, 1.25, 1.5, 2, 2.5, 3],
  structured: [0.75, 1, 1.25, 1.5, 2],
  // Definitions, contents, references and link lists address nothing (issue 8): at most half a mention, whatever fits best.
  aside: [0, 0.1, 0.25, 0.5],
  heading: [0, 0.5, 1, 2, 3, 4, 6],
  genericHeading: [0, 0.25, 0.5, 1, 2, 3],
  focus: [0, 0.25, 0.5, 1, 1.5, 2],
  backing: [0, 0.25, 0.5, 1, 2, 3],
  // Not free: a section that says the item's word again and again is about it. The whole corpus
  // chooses 1 when it is free, and a free rate did no better on documents held out (four reshuffled
  // 5-folds gave the same figures within half a point).
  backingRepeat: [1],
  length: [0, 0.1, 0.2, 0.35, 0.5, 0.75, 1],
};

export const START: CoverageWeights = { phrase: 1, word: 0.5, cue: 0.1, repeat: 0.35, obligation: 1.5, structured: 1, aside: 0.25, heading: 2, genericHeading: 0.5, focus: 0, backing: 1, backingRepeat: 1, length: 0.2 };

/**
 * Offsets an item may take; each step away from 0 must pay for itself in fewer errors. The range
 * is narrow on purpose: a wider one fits the base rates of one corpus (how rarely its documents
 * review their impact) and gains nothing in cross-validation.
 */
const OFFSETS = [-1, -0.5, 0, 0.5, 1];
const OFFSET_PRICE = 0.002;
const ROUNDS = 4;

export function fit(samples: readonly Sample[], start: CoverageWeights = START): Calibrated {
  let weights = start;
  let offsets: Record<string, number> = {};
  let best = withBestThresholds(samples, weights, offsets);
  for (let round = 0; round < ROUNDS; round++) {
    let improved = false;
    for (const name of Object.keys(GRID) as (keyof typeof GRID)[]) {
      for (const value of GRID[name]) {
        if (value === weights[name]) continue;
        const candidate = { ...weights, [name]: value };
        const result = withBestThresholds(samples, candidate, offsets);
        if (result.cost < best.cost - 1e-9) {
          best = result;
          weights = candidate;
          improved = true;
        }
      }
    }
    const fitted = fitOffsets(samples, weights, best.thresholds);
    const result = withBestThresholds(samples, weights, fitted);
    if (result.cost < best.cost - 1e-9) {
      best = result;
      offsets = fitted;
      improved = true;
    }
    if (!improved) break;
  }
  return { weights, thresholds: best.thresholds, offsets: Object.fromEntries(Object.entries(offsets).filter(([, v]) => v !== 0).sort(([a], [b]) => a.localeCompare(b))) };
}

export function predict(sample: Sample, calibrated: Calibrated): CoverageStatus {
  return statusOf(bestScore(sample, calibrated.weights, calibrated.offsets), calibrated.thresholds);
}

function bestScore(sample: Sample, weights: CoverageWeights, offsets: Readonly<Record<string, number>>): number {
  return Math.max(...sample.candidates.map((e, i) => offsetScore(e, scoreItem(e, sample.document, weights).score, offsets[sample.refs[i] as string] ?? 0)));
}

/** For fixed weights and thresholds, the best offset of each item, chosen on that item's samples alone. */
function fitOffsets(samples: readonly Sample[], weights: CoverageWeights, thresholds: Thresholds): Record<string, number> {
  const totals = countBelow(samples.map((s) => ({ cls: labelClass(s.label), score: 0 })), Number.POSITIVE_INFINITY);
  const byItem = new Map<string, Sample[]>();
  for (const s of samples) byItem.set(s.item, [...(byItem.get(s.item) ?? []), s]);
  const offsets: Record<string, number> = {};
  for (const group of byItem.values()) {
    const base = group.map((s) => ({ cls: labelClass(s.label), score: bestScore(s, weights, {}) }));
    let bestOffset = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const offset of OFFSETS) {
      const cost = base.reduce((sum, b) => sum + COST[b.cls][statusOf(b.score + offset, thresholds)] / Math.max(1, totals[b.cls]), 0) + OFFSET_PRICE * Math.abs(offset);
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        bestOffset = offset;
      }
    }
    for (const ref of group[0]?.refs ?? []) offsets[ref] = bestOffset;
  }
  return offsets;
}

export interface FoldResult {
  readonly predictions: readonly { readonly sample: Sample; readonly predicted: CoverageStatus }[];
  readonly folds: number;
}

/** Fits on all documents but one fold, predicts that fold; every document is predicted once. */
export function crossValidate(samples: readonly Sample[], folds: number): FoldResult {
  const files = [...new Set(samples.map((s) => s.file))].sort();
  const foldOf = new Map(files.map((file, i) => [file, i % folds]));
  const predictions: { sample: Sample; predicted: CoverageStatus }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const training = samples.filter((s) => foldOf.get(s.file) !== fold);
    const held = samples.filter((s) => foldOf.get(s.file) === fold);
    if (held.length === 0 || training.length === 0) continue;
    const calibrated = fit(training);
    for (const sample of held) predictions.push({ sample, predicted: predict(sample, calibrated) });
  }
  return { predictions, folds };
}

function labelClass(label: Label): keyof typeof COST {
  const expected = expectedStatus(label);
  return expected === 'addressed' ? 'explicit' : expected === 'weak' ? 'weak' : 'absent';
}

/**
 * The thresholds that minimise the cost for fixed weights. A step's status is its best sub-step's,
 * so each sample is reduced to its best score first: the status of a maximum is the maximum status.
 */
function withBestThresholds(samples: readonly Sample[], weights: CoverageWeights, offsets: Readonly<Record<string, number>>): { cost: number; thresholds: Thresholds } {
  const scored = samples.map((s) => ({ cls: labelClass(s.label), score: bestScore(s, weights, offsets) }));
  const cuts = [...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  const candidates = [...cuts, (cuts[cuts.length - 1] ?? 0) + 1];
  let best = { cost: Number.POSITIVE_INFINITY, thresholds: { weak: 0, addressed: 0 } };
  // Counts by class below each cut, so that every (weak, addressed) pair is priced without re-scanning.
  const below = candidates.map((cut) => countBelow(scored, cut));
  const total = countBelow(scored, Number.POSITIVE_INFINITY);
  for (let a = 0; a < candidates.length; a++) {
    for (let w = 0; w <= a; w++) {
      // missing below weak, weak between, addressed from `addressed` up.
      const missing = below[w] as Counts;
      const notAddressed = below[a] as Counts;
      let cost = 0;
      for (const cls of ['explicit', 'weak', 'absent'] as const) {
        const m = missing[cls];
        const wk = notAddressed[cls] - m;
        const ad = total[cls] - notAddressed[cls];
        // Each class counts as much as the others whatever its size: "weak" must not win by being common.
        cost += (m * COST[cls].missing + wk * COST[cls].weak + ad * COST[cls].addressed) / Math.max(1, total[cls]);
      }
      if (cost < best.cost) best = { cost, thresholds: { weak: midpoint(candidates, w), addressed: midpoint(candidates, a) } };
    }
  }
  return best;
}

type Counts = Record<keyof typeof COST, number>;

function countBelow(scored: readonly { cls: keyof typeof COST; score: number }[], cut: number): Counts {
  const counts: Counts = { explicit: 0, weak: 0, absent: 0 };
  for (const s of scored) if (s.score < cut) counts[s.cls]++;
  return counts;
}

/** A threshold between two observed scores, so that it does not sit on a sample. */
function midpoint(cuts: readonly number[], i: number): number {
  const value = cuts[i] as number;
  const previous = cuts[i - 1];
  return round(previous === undefined ? value - 0.5 : (previous + value) / 2);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
