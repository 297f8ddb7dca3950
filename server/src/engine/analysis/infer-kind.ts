/**
 * Pure: which document kind a document without a declaration reads like, from what it calls
 * itself ("Data Analysis and Sharing Agreement", "Protocole de partage") and from the kind's
 * sections it has, by heading or by content. Below the fitted threshold it is no kind at all:
 * better principle checks only than the checklist of a kind the document is not.
 */
import type { Calibration, DocumentKind, Section as KindSection } from '../knowledge/types';
import type { Knowledge } from '../knowledge/load';
import type { DocumentModel } from '../model/build-model';
import type { Token } from '../text/normalize';
import type { Matchers } from './matchers';

export interface KindGuess {
  readonly kind: DocumentKind;
  /** Share of the kind's sections present (required ones count double), 0..1. */
  readonly sectionShare: number;
  readonly titleMatch: boolean;
}

export interface KindScore {
  readonly kind: DocumentKind;
  readonly sectionShare: number;
  readonly titleMatch: boolean;
  /** Required sections of the kind the document lacks. */
  readonly missingRequired: number;
}

/** Every kind's evidence, for the inference and for the calibration script that fits its two numbers. */
export function kindScores(
  model: DocumentModel,
  k: Knowledge,
  matchers: Matchers,
  present: (kind: DocumentKind) => ReadonlyMap<string, unknown>,
  requires: (section: KindSection) => boolean,
): KindScore[] {
  const titled = titleKinds(model, matchers);
  return k.kinds.map((kind) => {
    const found = present(kind);
    const sections = kind.sections.map((s) => ({ required: requires(s), present: found.has(s.id) }));
    return { kind, sectionShare: sectionShare(sections), titleMatch: titled.has(kind.id), missingRequired: sections.filter((s) => s.required && !s.present).length };
  });
}

/** Share of the sections present, a required section counting twice. */
export function sectionShare(sections: readonly { readonly required: boolean; readonly present: boolean }[]): number {
  const weight = (s: { readonly required: boolean }): number => (s.required ? 2 : 1);
  const total = sections.reduce((sum, s) => sum + weight(s), 0);
  return total === 0 ? 0 : sections.reduce((sum, s) => sum + (s.present ? weight(s) : 0), 0) / total;
}

/**
 * The best kind, if it scores enough. Without a title that names it, the content must also set it
 * clearly apart from the runner-up and meet most of its checklist (a document told it lacks half
 * the sections of a kind it never claimed to be is told nothing useful), and a guide is never
 * given a kind by its content: a guide to DPIAs says "DPIA" in its title.
 */
export function chooseKind(scores: readonly KindScore[], calibration: Calibration['kinds'], contentMayDecide = true): KindGuess | undefined {
  const ranked = scores
    .map((s) => ({ guess: s, score: s.sectionShare + (s.titleMatch ? calibration.titleBonus : 0) }))
    .sort((a, b) => b.score - a.score || b.guess.sectionShare - a.guess.sectionShare);
  const [best, second] = ranked;
  if (!best || best.score < calibration.minScore) return undefined;
  if (best.guess.titleMatch) return best.guess;
  const clear = best.score - (second?.score ?? 0) >= calibration.minMargin && best.guess.missingRequired <= calibration.maxMissing;
  return contentMayDecide && clear ? best.guess : undefined;
}

/**
 * Kinds the title names: the first top-level heading, else the front matter's `title:`. Where
 * several names match ("Information sharing" inside "Information sharing agreement"), the longest wins.
 */
function titleKinds(model: DocumentModel, matchers: Matchers): Set<string> {
  const kinds = new Set<string>();
  for (const tokens of titleTokens(model)) {
    const matches = matchers.kindTitles.findAll(tokens);
    const longest = Math.max(0, ...matches.map((m) => m.tokenCount));
    for (const m of matches) if (m.tokenCount === longest) kinds.add(m.payload);
  }
  return kinds;
}

/** The words of the title: the first top-level heading, and the front matter's `title:`. */
export function titleTokens(model: DocumentModel): (readonly Token[])[] {
  const top = model.title;
  const titles: (readonly Token[])[] = [];
  if (top) titles.push(top.titleTokens);
  if (model.frontMatter?.titleTokens) titles.push(model.frontMatter.titleTokens);
  return titles;
}
