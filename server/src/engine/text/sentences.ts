/** Pure: the sentence around an offset, bounded by its block. Good enough for evidence ranges, not for linguistics. */
import type { Block } from '../model/build-model';
import type { Span } from '../types';

/** A sentence ends at . ! ? or ; followed by a space, or at a line break. */
const END = /[.!?;](?=\s|$)|\n/g;

export function sentenceAround(text: string, block: Span, offset: number): Span {
  let start = block.start;
  for (const match of text.slice(block.start, offset).matchAll(new RegExp(END))) start = block.start + (match.index ?? 0) + match[0].length;
  const next = new RegExp(END).exec(text.slice(offset, block.end));
  const end = next ? offset + next.index + (next[0] === '\n' ? 0 : 1) : block.end;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  return { start, end: Math.max(end, start) };
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
