/**
 * Pure: long work as a sequence of steps. A step ends at each `yield`; a caller that must stay
 * responsive (the language server) runs a few steps, lets other work in, and may stop before the
 * end when the result is no longer wanted. A step may also yield a `ParseRequest`: the caller
 * answers with the parsed text, parsing it itself or elsewhere (the server parses a long chunk off
 * its main thread). `runToEnd` runs every step at once and parses in place (the CLI, tests): both
 * give the same result, since the steps are the same code and the parser the same.
 */
import type { Root } from 'mdast';
import { parseMarkdown } from './parse';

/** A text to parse as Markdown. */
export interface ParseRequest {
  readonly parse: string;
}

/** The tree of a parsed text, or why the parser failed on it. */
export type ParseAnswer = { readonly tree: Root } | { readonly error: string };

export type Steps<T> = Generator<ParseRequest | void, T, ParseAnswer | undefined>;

/** Blocks a pass over a long document looks at per step: some milliseconds of work. */
const BLOCKS_PER_STEP = 2_000;

/** Whether a pass over blocks ends a step before the block at `index`. */
export function stepEndsAt(index: number): boolean {
  return index > 0 && index % BLOCKS_PER_STEP === 0;
}

export function runToEnd<T>(steps: Steps<T>): T {
  let answer: ParseAnswer | undefined;
  for (;;) {
    const next = steps.next(answer);
    if (next.done) return next.value;
    answer = next.value ? parseAnswer(next.value.parse) : undefined;
  }
}

/** Parses in place; a parser failure is an answer, not an exception. */
export function parseAnswer(text: string): ParseAnswer {
  try {
    return { tree: parseMarkdown(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Asks whoever runs the steps to parse a text. */
export function* parseRequest(text: string): Steps<ParseAnswer> {
  const answer = yield { parse: text };
  // Run without a caller that answers (a bug), the text is parsed in place rather than lost.
  return answer ?? parseAnswer(text);
}
