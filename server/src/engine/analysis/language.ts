/** Pure: which language a document is written in, from the frequency of short function words. */
import type { Knowledge } from '../knowledge/load';
import { signal } from '../knowledge/lookup';
import type { Lang } from '../knowledge/types';
import type { DocumentModel } from '../model/build-model';
import { normalizeWord } from '../text/normalize';
import { FUNCTION_WORDS } from './matchers';

/** Enough words to decide; reading further only costs time on long documents. */
const SAMPLE_WORDS = 4000;
const LANGS: readonly Lang[] = ['en', 'fr', 'es', 'ar'];

export function detectLanguage(model: DocumentModel, knowledge: Knowledge, fallback: Lang = 'en'): Lang {
  const words = new Map<string, Lang[]>();
  const phrases = signal(knowledge, FUNCTION_WORDS).phrases;
  for (const lang of LANGS) {
    for (const word of phrases[lang] ?? []) {
      const key = normalizeWord(word);
      words.set(key, [...(words.get(key) ?? []), lang]);
    }
  }
  const counts: Record<Lang, number> = { en: 0, fr: 0, es: 0, ar: 0 };
  let seen = 0;
  for (const block of model.blocks) {
    for (const token of block.tokens) {
      for (const lang of words.get(token.norm) ?? []) counts[lang]++;
      if (++seen >= SAMPLE_WORDS) return winner(counts, fallback);
    }
  }
  return winner(counts, fallback);
}

function winner(counts: Record<Lang, number>, fallback: Lang): Lang {
  const ranked = LANGS.map((lang) => [lang, counts[lang]] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  // Too few function words (a title, a table of names) says nothing about the language.
  if (!best || best[1] < 5 || (second && best[1] < second[1] * 1.2)) return fallback;
  return best[0];
}
