/** Pure: reading localised knowledge in a given language, with English as the fallback. */
import type { Knowledge } from './load';
import { phraseKey } from '../text/normalize';
import type { Lang, LocalizedText, Phrases, Signal } from './types';

export function textIn(text: LocalizedText, lang: Lang): string {
  return text[lang] ?? text.en;
}

/** Phrases of the document language first, then English ones: documents mix English terms into every language. */
export function phrasesIn(phrases: Phrases, lang: Lang): string[] {
  const own = phrases[lang] ?? [];
  return lang === 'en' ? [...own] : [...new Set([...own, ...phrases.en])];
}

/** Every phrase in every language, for recognising terms in mixed-language text. */
export function allPhrases(phrases: Phrases): string[] {
  return [...new Set([...phrases.en, ...phrases.fr, ...phrases.es, ...(phrases.ar ?? [])])];
}

const phraseKeySets = new WeakMap<Phrases | LocalizedText, ReadonlySet<string>>();

/**
 * The phrase keys (see `phraseKey`) of every phrase or name in every language, worked out once per
 * knowledge object: rules compare them with headings on every version of a document.
 */
export function phraseKeysOf(phrases: Phrases | LocalizedText): ReadonlySet<string> {
  let keys = phraseKeySets.get(phrases);
  if (!keys) {
    const all = 'en' in phrases && Array.isArray(phrases.en) ? allPhrases(phrases as Phrases) : namesOf(phrases as LocalizedText);
    keys = new Set(all.map(phraseKey));
    phraseKeySets.set(phrases, keys);
  }
  return keys;
}

export function namesOf(names: LocalizedText): string[] {
  return [...new Set(Object.values(names).filter((n): n is string => typeof n === 'string'))];
}

export function signal(k: Knowledge, id: string): Signal {
  const found = k.signals.get(id);
  if (!found) throw new Error(`lexicon.json has no signal "${id}"; add it with phrases in en, fr and es`);
  return found;
}

/** Fills `{name}` placeholders of a messages.json template, in the language asked for or English. */
export function message(k: Knowledge, key: string, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  const template = k.messages[key];
  if (!template) throw new Error(`messages.json has no message "${key}"`);
  return textIn(template, lang).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
