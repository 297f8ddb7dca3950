/** Pure: whether a document explains how to do something (a guide, an FAQ) instead of doing it. */
import type { DocumentModel, Section } from '../model/build-model';
import type { Token } from '../text/normalize';
import type { PhraseMatcher } from '../text/phrase-matcher';
import type { Matchers } from './matchers';

/** Question headings ("Une AIPD, c'est quoi ?") on at least this share of the sections make an FAQ. */
const QUESTION_SHARE = 0.5;
const MIN_QUESTIONS = 2;
/** The opening words of the first paragraph, where a guide introduces itself ("This guide will help you…"). */
const OPENING_WORDS = 12;

/**
 * A guide says so in its title ("DPIA guidance", not "Protection monitoring guidance note", which
 * names a kind) or in its first sentence; an FAQ has mostly question headings.
 */
export function readsLikeGuidance(model: DocumentModel, matchers: Matchers): boolean {
  const headed = model.sections.filter((s): s is Section & { heading: NonNullable<Section['heading']> } => s.heading !== undefined);
  const questions = headed.filter((s) => /[?¿]\s*\**\s*$/.test(model.text.slice(s.heading.start, s.heading.end).trimEnd()));
  if (questions.length >= MIN_QUESTIONS && questions.length >= QUESTION_SHARE * headed.length) return true;
  if (titlesOf(model).some((tokens) => namesGuidance(tokens, matchers.guidanceTitles, matchers.kindTitles))) return true;
  const title = model.title;
  const opening = model.blocks.find((b) => b.kind !== 'heading' && b.tokens.length > 0 && (title?.heading === undefined || b.span.start > title.heading.start));
  return opening !== undefined && matchers.guidanceOpenings.findAll(opening.tokens.slice(0, OPENING_WORDS)).length > 0;
}

/** A blank template says so in its title ("DPIA Template", "Modèle de…"): its bracketed prompts are there to be filled in. */
export function readsLikeTemplate(model: DocumentModel, matchers: Matchers): boolean {
  return titlesOf(model).some((tokens) => matchers.templateTitles.findAll(tokens).length > 0);
}

/** The title heading's words and the front matter's `title:`. */
function titlesOf(model: DocumentModel): (readonly Token[])[] {
  const title = model.title;
  return [title?.titleTokens, model.frontMatter?.titleTokens].filter((t): t is readonly Token[] => t !== undefined);
}

/** A guidance word in the title that is not part of a kind's name. */
function namesGuidance(tokens: readonly Token[], guidance: PhraseMatcher<string>, kinds: PhraseMatcher<string>): boolean {
  const inKindName = new Set<number>();
  for (const m of kinds.findAll(tokens)) for (let i = m.tokenIndex; i < m.tokenIndex + m.tokenCount; i++) inKindName.add(i);
  return guidance.findAll(tokens).some((m) => !inKindName.has(m.tokenIndex));
}
