/** Pure: the sentence around an offset, bounded by its block. Good enough for evidence ranges, not for linguistics. */
import type { Span } from '../types';

const END = /[.!?;](?=\s|$)|\n/g;

export function sentenceAround(text: string, block: Span, offset: number): Span {
  let start = block.start;
  const before = text.slice(block.start, offset);
  for (const match of before.matchAll(END)) start = block.start + (match.index ?? 0) + match[0].length;
  const after = text.slice(offset, block.end);
  END.lastIndex = 0;
  const next = END.exec(after);
  const end = next ? offset + next.index + (next[0] === '\n' ? 0 : 1) : block.end;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  return { start, end: Math.max(end, start) };
}
