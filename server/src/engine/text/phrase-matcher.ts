/**
 * Pure: finds many phrases at once in tokenised text. Phrases are indexed by their first word,
 * so matching costs one map lookup per word of the document whatever the number of phrases.
 */
import { tokenize, type Token } from './normalize';

interface Entry<T> {
  readonly words: readonly string[];
  /** Per word: true when the phrase wrote it as an acronym, which then must be in capitals in the text too. */
  readonly acronym: readonly boolean[];
  readonly payload: T;
  readonly phrase: string;
}

export interface PhraseMatch<T> {
  readonly payload: T;
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  /** Index of the first matched token. */
  readonly tokenIndex: number;
  readonly tokenCount: number;
}

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Entry<T>[]>();

  add(phrase: string, payload: T): void {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return;
    const entry: Entry<T> = {
      words: tokens.map((t) => t.norm),
      acronym: tokens.map((t) => t.upper),
      payload,
      phrase,
    };
    const first = entry.words[0] as string;
    const bucket = this.byFirstWord.get(first);
    if (bucket) bucket.push(entry);
    else this.byFirstWord.set(first, [entry]);
  }

  get size(): number {
    let total = 0;
    for (const bucket of this.byFirstWord.values()) total += bucket.length;
    return total;
  }

  /** Every occurrence of every phrase; `base` is added to token offsets (see Block.base). */
  findAll(tokens: readonly Token[], base = 0): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    this.eachMatch(tokens, (payload, phrase, first, last, tokenIndex, tokenCount) => {
      matches.push({ payload, phrase, start: base + first.start, end: base + last.end, tokenIndex, tokenCount });
    });
    return matches;
  }

  /**
   * Every occurrence of every phrase, in the order of `findAll`, handed to `visit` with its first
   * and last token: for a caller that keeps matches in a shape of its own, without a match object
   * of this shape per occurrence.
   */
  eachMatch(tokens: readonly Token[], visit: (payload: T, phrase: string, first: Token, last: Token, tokenIndex: number, tokenCount: number) => void): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const bucket = this.byFirstWord.get(token.norm);
      if (bucket === undefined) continue;
      for (const candidate of bucket) {
        const count = this.matchAt(candidate, tokens, i);
        if (count > 0) visit(candidate.payload, candidate.phrase, token, tokens[i + count - 1] as Token, i, count);
      }
    }
  }

  private matchAt(entry: Entry<T>, tokens: readonly Token[], at: number): number {
    const n = entry.words.length;
    if (at + n > tokens.length) return 0;
    for (let k = 0; k < n; k++) {
      const token = tokens[at + k] as Token;
      const word = entry.words[k] as string;
      if (entry.acronym[k] && !token.upper) return 0;
      if (token.norm !== word) return 0;
    }
    return n;
  }
}
