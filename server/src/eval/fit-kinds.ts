/**
 * Fits the two numbers of kind inference and the threshold from which a section counts as
 * present by its content alone, from the expert's kinds and section rows.
 */
import { chooseKind, sectionShare } from '../engine/analysis/infer-kind';
import type { Calibration, DocumentKind } from '../engine/knowledge/types';
import { FLOOD } from './findings';

/** One `section:<name>` row of findings-truth: the best content score of the sections it names. */
export interface SectionSample {
  readonly file: string;
  readonly topic: string;
  readonly score: number;
  /** `silent`: the expert sees the section; `flag`: the expert says it is missing. */
  readonly present: boolean;
}

export interface KindSection {
  readonly required: boolean;
  readonly headed: boolean;
  readonly score: number;
}

/** One document: the kind an expert gives it, and how it fits every kind. */
export interface KindSample {
  readonly file: string;
  readonly expected: string;
  /** A guide is given a kind by its title only. */
  readonly guidance: boolean;
  readonly kinds: readonly { readonly kind: DocumentKind; readonly titleMatch: boolean; readonly sections: readonly KindSection[] }[];
}

export const NONE = 'none';

/**
 * The threshold with the fewest wrong calls, midway between the scores it separates. Of equally
 * good ones the highest wins: the expert rows are few, and a section "found" on one passing
 * phrase would hide the real gaps of many documents.
 */
export function fitSectionThreshold(samples: readonly SectionSample[], fallback: number): number {
  if (samples.length === 0) return fallback;
  const cuts = [...new Set(samples.map((s) => s.score))].sort((a, b) => a - b);
  let best = { errors: Number.POSITIVE_INFINITY, threshold: fallback };
  for (let i = 0; i <= cuts.length; i++) {
    const threshold = i === 0 ? (cuts[0] as number) - 0.5 : i === cuts.length ? (cuts[i - 1] as number) + 0.5 : ((cuts[i - 1] as number) + (cuts[i] as number)) / 2;
    const errors = samples.filter((s) => (s.score >= threshold) !== s.present).length;
    if (errors <= best.errors) best = { errors, threshold: Math.round(threshold * 1000) / 1000 };
  }
  return best.threshold;
}

const TITLE_BONUS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1];
const MIN_SCORE = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];
const MIN_MARGIN = [0, 0.05, 0.1, 0.15, 0.2, 0.3];
const MAX_MISSING = [0, 1, 2, 3, 4, 5, 10];

/**
 * The title bonus, minimum score and margin that infer the expert's kind most often on the
 * documents that have a kind, among those that flood the fewest documents of no kind (none, where
 * the corpus allows it). A document of no kind counts as right
 * when it gets no kind, or a kind whose checklist it nearly meets (fewer than FLOOD required
 * sections missing): what must never happen is a flood of sections it was never meant to have.
 */
export function fitKindInference(samples: readonly KindSample[], sectionThreshold: number): Calibration['kinds'] {
  let best = { withKind: -1, withoutKind: -1, params: { titleBonus: 0.5, minScore: 0.3, minMargin: 0.1, maxMissing: 2 } };
  // The most demanding numbers first: of equally good ones, those that name a kind least readily win.
  for (const minScore of [...MIN_SCORE].reverse()) {
    for (const minMargin of [...MIN_MARGIN].reverse()) {
      for (const maxMissing of MAX_MISSING)
      for (const titleBonus of TITLE_BONUS) {
        const params = { titleBonus, minScore, minMargin, maxMissing };
        const right = samples.filter((s) => isRight(s, inferWith(s, params, sectionThreshold), sectionThreshold));
        const withKind = right.filter((s) => s.expected !== NONE).length;
        const withoutKind = right.length - withKind;
        if (withoutKind > best.withoutKind || (withoutKind === best.withoutKind && withKind > best.withKind)) best = { withKind, withoutKind, params };
      }
    }
  }
  return best.params;
}

/** The engine's own choice, with the section shares the threshold gives. */
export function inferWith(sample: KindSample, params: Calibration['kinds'], sectionThreshold: number): string {
  const scores = sample.kinds.map((k) => ({
    kind: k.kind,
    titleMatch: k.titleMatch,
    sectionShare: sectionShare(k.sections.map((s) => ({ required: s.required, present: present(s, sectionThreshold) }))),
    missingRequired: missingRequired(k.sections, sectionThreshold),
  }));
  return chooseKind(scores, params, !sample.guidance)?.kind.id ?? NONE;
}

export function isRight(sample: KindSample, inferred: string, sectionThreshold: number): boolean {
  if (sample.expected !== NONE) return inferred === sample.expected;
  if (inferred === NONE) return true;
  const kind = sample.kinds.find((k) => k.kind.id === inferred);
  return kind !== undefined && missingRequired(kind.sections, sectionThreshold) < FLOOD;
}

/** Fits on all documents but one fold and infers that fold; every document is inferred once. */
export function crossValidateKinds(samples: readonly KindSample[], sectionThreshold: number, folds: number): { right: number; total: number } {
  const files = [...new Set(samples.map((s) => s.file))].sort();
  let right = 0;
  for (let fold = 0; fold < folds; fold++) {
    const held = samples.filter((s) => files.indexOf(s.file) % folds === fold);
    const params = fitKindInference(
      samples.filter((s) => files.indexOf(s.file) % folds !== fold),
      sectionThreshold,
    );
    right += held.filter((s) => isRight(s, inferWith(s, params, sectionThreshold), sectionThreshold)).length;
  }
  return { right, total: samples.length };
}

function present(section: KindSection, threshold: number): boolean {
  return section.headed || section.score >= threshold;
}

function missingRequired(sections: readonly KindSection[], threshold: number): number {
  return sections.filter((s) => s.required && !present(s, threshold)).length;
}
