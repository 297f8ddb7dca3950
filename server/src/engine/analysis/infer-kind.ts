/** Pure: which document kind a document without a declaration reads like, from its title and headings. */
import type { Knowledge } from '../knowledge/load';
import type { DocumentKind } from '../knowledge/types';
import type { DocumentModel } from '../model/build-model';
import type { Matchers } from './matchers';

export interface KindGuess {
  readonly kind: DocumentKind;
  /** Share of the kind's sections whose heading was found, 0..1. */
  readonly sectionShare: number;
  readonly titleMatch: boolean;
}

/** Below this, headings say too little to name a kind. */
const MIN_SCORE = 3;
const TITLE_BONUS = 3;

export function inferKind(model: DocumentModel, k: Knowledge, matchers: Matchers): KindGuess | undefined {
  const found = new Map<string, Set<string>>();
  for (const section of model.sections) {
    for (const match of matchers.sections.findAll(section.titleTokens)) {
      const set = found.get(match.payload.kind) ?? new Set<string>();
      set.add(match.payload.section);
      found.set(match.payload.kind, set);
    }
  }
  const titled = new Set(titleTokens(model).flatMap((tokens) => matchers.kindTitles.findAll(tokens).map((m) => m.payload)));
  let best: { guess: KindGuess; score: number } | undefined;
  for (const kind of k.kinds) {
    const sections = found.get(kind.id) ?? new Set<string>();
    const score = kind.sections.reduce((sum, s) => sum + (sections.has(s.id) ? (s.required ? 2 : 1) : 0), 0) + (titled.has(kind.id) ? TITLE_BONUS : 0);
    const guess = { kind, sectionShare: sections.size / kind.sections.length, titleMatch: titled.has(kind.id) };
    if (score >= MIN_SCORE && (!best || score > best.score || (score === best.score && guess.sectionShare > best.guess.sectionShare))) best = { guess, score };
  }
  return best?.guess;
}

/** The first top-level heading, where a document says what it is. */
function titleTokens(model: DocumentModel) {
  const top = model.sections.filter((s) => s.heading).sort((a, b) => a.level - b.level || a.index - b.index)[0];
  return top ? [top.titleTokens] : [];
}
