/** Pure: text left in place of content: TODO, TBD, lorem ipsum, and bracketed prompts such as "[insert purpose]". */
import type { DocumentModel } from '../model/build-model';
import type { Span } from '../types';

const BRACKETED = /\[(?!\^)[^[\]\n]{2,160}\]/g;

/**
 * `signalHits`: where the placeholder phrases of the lexicon occur, with the block they are in.
 * `bracketed`: whether bracketed prompts count; in a blank template they are what is to be filled in.
 */
export function findPlaceholders(model: DocumentModel, signalHits: readonly PlaceholderHit[], blockHits: readonly PlaceholderHit[], options: { readonly bracketed: boolean }): Span[] {
  // Scaffolding is found in headings too ("## Sub Header"); a heading that merely names a placeholder is rare.
  const found: Span[] = signalHits.map((hit) => hit.span);
  for (const hit of blockHits) {
    const block = model.blocks[hit.block];
    if (block && block.kind !== 'heading' && coversBlock(block, hit.span)) found.push(hit.span);
  }
  if (!options.bracketed) return found.sort((a, b) => a.start - b.start);
  // The next bracket after `from`, which holds for every run starting between the two: one search serves the runs up to it.
  let from = 0;
  let bracket = model.text.indexOf('[');
  const nextBracket = (at: number): number => {
    if (at < from || (bracket !== -1 && at > bracket)) {
      from = at;
      bracket = model.text.indexOf('[', at);
    }
    return bracket;
  };
  for (const block of model.blocks) {
    if (block.kind === 'heading') continue;
    for (const run of block.runs) {
      const next = nextBracket(run.start);
      if (next === -1 || next >= run.end) continue;
      for (const match of model.text.slice(run.start, run.end).matchAll(BRACKETED)) {
        // "[x]" and "[ ]" are checkboxes, "[1]" a citation, "[ACME CONSULTING]" a name kept out: none is a prompt to fill in.
        if (/^\[\s*(x|\d+)?\s*\]$/i.test(match[0]) || isName(match[0])) continue;
        const start = run.start + (match.index ?? 0);
        found.push({ start, end: start + match[0].length });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Bracketed capitals of a few words are a name or a redaction ("[ACME CONSULTING]", "[UNHCR]"), not a prompt. */
function isName(bracketed: string): boolean {
  const inner = bracketed.slice(1, -1).trim();
  return inner.length > 0 && inner.split(/\s+/).length <= 4 && /\p{Lu}/u.test(inner) && inner === inner.toUpperCase();
}

export interface PlaceholderHit {
  readonly span: Span;
  readonly block: number;
}

/** The phrase is every word of the block: "text" alone under a heading, "Description" alone in a cell. */
function coversBlock(block: DocumentModel['blocks'][number], span: Span): boolean {
  const first = block.tokens[0];
  const last = block.tokens[block.tokens.length - 1];
  return first !== undefined && last !== undefined && block.base + first.start === span.start && block.base + last.end === span.end;
}

/** Document offsets of the words inside placeholders, so word counts can leave them out. */
export function placeholderTokenStarts(model: DocumentModel, placeholders: readonly Span[]): Set<number> {
  const starts = new Set<number>();
  if (placeholders.length === 0) return starts;
  // Blocks, their words and the placeholders are all in document order: one sweep suffices.
  let p = 0;
  for (const block of model.blocks) {
    for (const token of block.tokens) {
      const start = block.base + token.start;
      while (p < placeholders.length && (placeholders[p] as Span).end <= start) p++;
      const placeholder = placeholders[p];
      if (placeholder && start >= placeholder.start && block.base + token.end <= placeholder.end) starts.add(start);
    }
  }
  return starts;
}
