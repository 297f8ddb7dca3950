/** Pure: the sentence around an offset, bounded by its block. Good enough for evidence ranges, not for linguistics. */
import type { Block } from '../model/build-model';
import type { Span } from '../types';

/** A sentence ends at . ! ? or ; followed by a space, or at a line break. */
const END = /[.!?;](?=\s|$)|\r|\n/g;

/**
 * How far the search goes on each side of the offset. Evidence sentences are a few lines at most;
 * the bound keeps a long line without punctuation from being scanned whole for every hit on it.
 */
const MAX_SENTENCE_CHARS = 2_000;

export function sentenceAround(text: string, block: Span, offset: number): Span {
  const floor = Math.max(block.start, offset - MAX_SENTENCE_CHARS);
  const ceiling = Math.min(block.end, offset + MAX_SENTENCE_CHARS);
  let start = floor;
  for (let i = offset - 1; i >= floor; i--) {
    if (isLineBreak(text, i) || (isStop(text, i) && (i + 1 === offset || /\s/.test(text[i + 1] as string)))) {
      start = i + 1;
      break;
    }
  }
  let end = ceiling;
  for (let i = offset; i < ceiling; i++) {
    if (isLineBreak(text, i)) end = i;
    else if (isStop(text, i) && (i + 1 === block.end || /\s/.test(text[i + 1] ?? ''))) end = i + 1;
    else continue;
    break;
  }
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  return { start, end: Math.max(end, start) };
}

function isStop(text: string, at: number): boolean {
  const char = text[at];
  return char === '.' || char === '!' || char === '?' || char === ';';
}

function isLineBreak(text: string, at: number): boolean {
  return text[at] === '\n' || text[at] === '\r';
}

/** The sentence around an offset, kept inside one table cell or between two HTML tags. */
export function sentenceInBlock(text: string, block: Block, offset: number): Span {
  const run = block.kind === 'html' || block.kind === 'cell' ? block.runs.find((r) => offset >= r.start && offset < r.end) : undefined;
  return sentenceAround(text, run ?? block.span, offset);
}

/** Within a paragraph a line break is a soft wrap: hard-wrapped sentences stay whole. */
const END_IN_PARAGRAPH = /[.!?;](?=\s|$)/g;

/** Every sentence of a block, in order; table cells and HTML runs keep their own sentences. */
export function sentenceSpans(text: string, block: Block): Span[] {
  const separate = block.kind === 'html' || block.kind === 'cell';
  const parts = separate ? block.runs : [block.span];
  const spans: Span[] = [];
  for (const part of parts) {
    let start = part.start;
    for (const match of text.slice(part.start, part.end).matchAll(new RegExp(separate ? END : END_IN_PARAGRAPH))) {
      const end = part.start + (match.index ?? 0) + match[0].length;
      spans.push({ start, end });
      start = end;
    }
    if (start < part.end) spans.push({ start, end: part.end });
  }
  return spans;
}
