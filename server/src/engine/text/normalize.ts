/**
 * Pure: how words are compared everywhere in the engine. Case, accents, hyphens and
 * British/American spelling never decide whether a phrase matches.
 */

export interface Token {
  /** Normalised form used for comparison. */
  readonly norm: string;
  /** UTF-16 offsets of the word in the original text. */
  readonly start: number;
  readonly end: number;
  /** True when the original word is an acronym written in capitals (e.g. DPIA). */
  readonly upper: boolean;
}

const COMBINING_MARKS = /\p{M}+/gu;

/** Spelling variants folded to one form; applied to text and phrases alike, so only consistency matters. */
const SPELLING: readonly (readonly [RegExp, string])[] = [
  [/isation(s?)$/u, 'ization$1'],
  [/^analys(e|ed|es|ing)$/u, 'analyz$1'],
  [/^(\w*)centred$/u, '$1centered'],
  [/^(\w*)centre(s?)$/u, '$1center$2'],
  [/^programme(s?)$/u, 'program$1'],
  [/^(behavi|fav|lab|hon)our(s?)$/u, '$1or$2'],
  [/^licence(s?)$/u, 'license$1'],
  [/^catalogue(s?)$/u, 'catalog$1'],
  [/^(organ|minim|anonym|pseudonym|prioriti|categor|recogn|author|util|summar|standard|central)is(e|ed|es|ing)$/u, '$1iz$2'],
];

/**
 * Documents repeat the same few thousand words, so normalised forms are remembered. The memo of
 * this pure function is bounded: hostile input with endless distinct words only empties it.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 100_000;

/** Lower-cases, strips accents, folds spelling variants and inflections of one word. */
export function normalizeWord(word: string): string {
  let known = memo.get(word);
  if (known === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    known = computeNormalized(word);
    memo.set(word, known);
  }
  return known;
}

function computeNormalized(word: string): string {
  let out = word.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  for (const [pattern, replacement] of SPELLING) {
    if (pattern.test(out)) {
      out = out.replace(pattern, replacement);
      break;
    }
  }
  return stem(out);
}

const SUFFIXES = ['ing', 'ed', 'es', 's'] as const;
const MIN_STEM = 4;

/**
 * A deliberately light stemmer shared by English, French and Spanish: plural and verb endings,
 * then final e's ("shared", "sharing", "shares" -> "shar"; "données", "donnée" -> "donn").
 * It only has to map the forms of one word together, never to produce real roots.
 */
function stem(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  // "notified", "notifies" -> "notify", like "notify" itself.
  let out = /[^aeiou]i(?:ed|es)$/.test(word) ? `${word.slice(0, -3)}y` : word;
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find((s) => out.endsWith(s) && out.length - s.length >= MIN_STEM && !(s === 's' && /[siu]s$/.test(out)));
    if (!suffix) break;
    out = out.slice(0, -suffix.length);
  }
  while (out.endsWith('e') && out.length > MIN_STEM) out = out.slice(0, -1);
  return out;
}

/**
 * Splits text into words with their offsets; punctuation, hyphens and apostrophes separate words.
 * A word is a run of letters and digits (`/[\p{L}\p{N}]+/u`), found by a scan of the characters
 * rather than by that regular expression, whose match objects were the largest garbage of a whole
 * analysis after the parser's (`test/engine/normalize.test.ts` compares the two).
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const wordStart = at;
    for (let width = wordCharacterWidth(text, at); width > 0; width = wordCharacterWidth(text, at)) at += width;
    if (at === wordStart) {
      at += isSurrogatePair(text, at) ? 2 : 1;
      continue;
    }
    const word = text.slice(wordStart, at);
    tokens.push({ norm: normalizeWord(word), start: offset + wordStart, end: offset + at, upper: isAcronym(word) });
  }
  return tokens;
}

/** Whether the code point at `at` is a letter or a digit: its width in UTF-16 units, else 0 (and 0 at the end). */
function wordCharacterWidth(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  if (isSurrogatePair(text, at)) return ONE_WORD_CHARACTER.test(text.slice(at, at + 2)) ? 2 : 0;
  return isWordUnit(code) ? 1 : 0;
}

/** A code point outside the first plane starts at `at`; a lone surrogate is a code point of its own. */
function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

const ONE_WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/**
 * Letters and digits of the Basic Multilingual Plane, 256 characters to a page, each page worked
 * out with `ONE_WORD_CHARACTER` the first time a text holds one of its characters: a constant of
 * Unicode, not of any document.
 */
const wordPages: (Uint8Array | undefined)[] = [];

function isWordUnit(code: number): boolean {
  const index = code >> 8;
  let page = wordPages[index];
  if (!page) {
    page = new Uint8Array(256);
    for (let i = 0; i < 256; i++) page[i] = ONE_WORD_CHARACTER.test(String.fromCharCode((index << 8) | i)) ? 1 : 0;
    wordPages[index] = page;
  }
  return page[code & 0xff] === 1;
}

/** A phrase as a list of comparison keys, e.g. "People-centred" -> ["people", "centered"]. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.norm)
    .join(' ');
}

function isAcronym(word: string): boolean {
  // Most words start in lower case: answer those without a regular expression.
  const first = word[0] as string;
  if (word.length < 2 || first === first.toLowerCase()) return false;
  return word.length >= 2 && /^\p{Lu}[\p{Lu}\p{N}]*s?$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}
