/** Pure: text left in place of content: TODO, TBD, lorem ipsum, and bracketed prompts such as "[insert purpose]". */
import type { DocumentModel } from '../model/build-model';
import type { Span } from '../types';
import type { Matchers } from './matchers';

const BRACKETED = /\[(?!\^)[^[\]\n]{2,160}\]/g;

export function findPlaceholders(model: DocumentModel, matchers: Matchers): Span[] {
  const found: Span[] = [];
  const placeholders = matchers.signals.get('placeholders');
  for (const block of model.blocks) {
    if (block.kind === 'heading') continue;
    if (placeholders) for (const match of placeholders.findAll(block.tokens)) found.push({ start: match.start, end: match.end });
    for (const run of block.runs) {
      for (const match of model.text.slice(run.start, run.end).matchAll(BRACKETED)) {
        // "[x]" and "[ ]" are checkboxes, "[1]" a citation: neither is a prompt to fill in.
        if (/^\[\s*(x|\d+)?\s*\]$/i.test(match[0])) continue;
        const start = run.start + (match.index ?? 0);
        found.push({ start, end: start + match[0].length });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Start offsets of the words inside placeholders, so word counts can leave them out. */
export function placeholderTokenStarts(model: DocumentModel, placeholders: readonly Span[]): Set<number> {
  const starts = new Set<number>();
  if (placeholders.length === 0) return starts;
  for (const block of model.blocks) {
    for (const token of block.tokens) {
      if (placeholders.some((p) => token.start >= p.start && token.end <= p.end)) starts.add(token.start);
    }
  }
  return starts;
}
