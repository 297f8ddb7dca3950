/**
 * Pure: mdast -> DocumentModel, the one structure every feature reads: the section tree, the
 * text blocks that may count as evidence, front matter and HTML comments. Built once per
 * document version.
 */
import type { Nodes } from 'mdast';
import { parseChunksInSteps, type Chunk } from './chunks';
import { runToEnd, stepEndsAt, type Steps } from '../steps';
import { lineStartsOf, linesIn } from '../text/lines';
import { tokenize, type Token } from '../text/normalize';
import type { Span } from '../types';
import { readFrontMatter, type FrontMatter } from './front-matter';

export type BlockKind = 'heading' | 'paragraph' | 'cell' | 'html';
/** Where a block sits: list items and table cells often carry the obligations of a procedure. */
export type BlockContainer = 'body' | 'list' | 'quote' | 'table';

export interface Block {
  readonly kind: BlockKind;
  readonly span: Span;
  /** The parts of the block that may count as evidence: no code, HTML markup or template tags. */
  readonly runs: readonly Span[];
  /** Words, with offsets relative to `base`: unchanged chunks keep their tokens when the text before them moves. */
  readonly tokens: readonly Token[];
  /** Add to a token's offsets for document offsets. */
  readonly base: number;
  /** Index of the section the block belongs to. */
  readonly section: number;
  readonly container: BlockContainer;
  /** How many of `tokens` are link text: a block made of links points elsewhere instead of saying something. */
  readonly linkTokens: number;
  /**
   * How many leading `tokens` label the block: a bold lead-in ("**Legal basis**: …"), or a short
   * cell in a table's header row or first column. Sections hide under such labels.
   */
  readonly labelTokens: number;
}

export interface Section {
  readonly index: number;
  /** 0 for the text before the first heading, else the heading depth. */
  readonly level: number;
  readonly title: string;
  /** The heading line; absent for the text before the first heading. */
  readonly heading?: Span;
  /** Words of the heading, relative to its block's `base` (they are read for their words: an unchanged heading keeps them wherever it moves). */
  readonly titleTokens: readonly Token[];
  /** From the heading to the end of its last sub-section. */
  readonly span: Span;
  /** From the end of the heading to the next heading of any level. */
  readonly body: Span;
  readonly parent: number;
  /** Indexes of the blocks in `body`. */
  readonly blocks: readonly number[];
}

/** The blocks of one chunk: `model.blocks[first]` to `model.blocks[first + count - 1]`, all with `base`. */
export interface Segment {
  /** Identifies the chunk's content across versions: an unchanged chunk keeps its tree. */
  readonly tree: Chunk['tree'];
  readonly base: number;
  readonly first: number;
  readonly count: number;
}

export interface Link {
  readonly url: string;
  /** The link, or the definition, in the document. */
  readonly span: Span;
}

export interface HtmlComment {
  readonly text: string;
  readonly span: Span;
}

export interface DocumentModel {
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly frontMatter?: FrontMatter;
  /** sections[0] is the text before the first heading (level 0), even when empty. */
  readonly sections: readonly Section[];
  /** The title: the first heading of the highest level there is; none without headings. */
  readonly title?: Section;
  readonly blocks: readonly Block[];
  readonly comments: readonly HtmlComment[];
  /** Fenced and indented code blocks: never evidence, but still the document's text. */
  readonly code: readonly Span[];
  /** Links and link definitions, with their targets as written. */
  readonly links: readonly Link[];
  /** Set when the Markdown parser failed; the failed part then counts as empty. */
  readonly parseError?: string;
  /** The parsed chunks, reused by the next version's model. */
  readonly chunks: readonly Chunk[];
  /** Which blocks each chunk holds, so that work done on an unchanged chunk can be reused. */
  readonly segments: readonly Segment[];
}

interface RawBlock {
  readonly kind: BlockKind;
  readonly span: Span;
  readonly runs: Span[];
  readonly depth: number;
  readonly container: BlockContainer;
  readonly linkRuns: readonly Span[];
  /** The text that labels the block, if any (see Block.labelTokens). */
  readonly label?: Span;
}

interface InlineContent {
  readonly runs: Span[];
  readonly linkRuns: Span[];
  /** A leading bold or emphasised run. */
  readonly lead?: Span;
}

/** A table cell labels its row or column when it is short. */
const MAX_LABEL_CELL_WORDS = 8;
/** "Purpose: …" or "Base legal: …" at the start of a paragraph: a label of up to five words. */
const COLON_LABEL = /^[ \t]*(\p{L}[\p{L}\p{N}'’-]*(?:[ \t]+[\p{L}\p{N}'’-]+){0,4})[ \t]*:[ \t]+\S/u;

/** A block read from a chunk: what tokenizing needed of its link text and label is counted, not kept, so a moved chunk has less to move. */
interface TokenizedBlock extends Omit<RawBlock, 'linkRuns' | 'label'> {
  readonly tokens: readonly Token[];
  readonly base: number;
  readonly linkTokens: number;
  readonly labelTokens: number;
}

/** What one chunk contributes to the model, in document offsets for the chunk at `start`. */
interface ChunkContent {
  readonly start: number;
  readonly blocks: readonly TokenizedBlock[];
  readonly comments: readonly HtmlComment[];
  readonly code: readonly Span[];
  readonly links: readonly Link[];
  readonly frontMatter?: FrontMatter;
}

/**
 * Chunk trees are immutable and shared between versions, so what was collected from a tree can
 * be reused too, moved by the distance the chunk moved. Keyed weakly: it goes with the tree.
 */
const contentOfTree = new WeakMap<Chunk['tree'], ChunkContent>();

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** A tag stops at the next `<`, so that unclosed tags cost one scan each, not one scan to the end of the block. */
const HTML_TAG = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?(?:-->|$)/g;
const TEMPLATE_TAG = /\{%[\s\S]*?(?:%\}|$)|\{\{[\s\S]*?(?:\}\}|$)|\{#[\s\S]*?(?:#\}|$)/g;
const LENIENT_HEADING = /^ {0,3}(#{1,6})(?=[^\s#])/;
/** Closing `#`s of a heading; the lookbehind lets a match start only where the run does, so a long run is scanned once. */
const CLOSING_HASHES = /(?<![\s#])[\s#]+$/;

/**
 * Builds the model. The text is parsed in chunks; given the model of the previous version, only the
 * chunks that changed are parsed again. `'whole'` parses it in one piece, what chunks must equal.
 */
export function buildModel(text: string, previous?: DocumentModel | 'whole'): DocumentModel {
  return runToEnd(buildModelInSteps(text, previous));
}

/** `buildModel` one step per chunk parsed or read afresh. */
export function* buildModelInSteps(text: string, previous?: DocumentModel | 'whole'): Steps<DocumentModel> {
  const { chunks, parseError } = yield* parseChunksInSteps(text, previous === 'whole' ? 'whole' : (previous?.chunks ?? []));
  const contents: ChunkContent[] = [];
  for (const chunk of chunks) contents.push(yield* contentOf(text, chunk));
  const { sections, blocks, title } = assemble(text, contents.flatMap((c) => c.blocks));
  let first = 0;
  const segments = chunks.map((chunk, i) => {
    const count = (contents[i] as ChunkContent).blocks.length;
    const segment = { tree: chunk.tree, base: chunk.start, first, count };
    first += count;
    return segment;
  });
  const frontMatter = contents[0]?.frontMatter;
  return {
    text,
    lineStarts: lineStartsOf(text),
    ...(frontMatter ? { frontMatter } : {}),
    sections,
    ...(title ? { title } : {}),
    blocks,
    comments: contents.flatMap((c) => c.comments),
    code: contents.flatMap((c) => c.code),
    links: contents.flatMap((c) => c.links),
    chunks,
    segments,
    ...(parseError !== undefined ? { parseError } : {}),
  };
}

/** A chunk's content, read once per tree and moved with it; a step ends after each chunk read or moved afresh. */
function* contentOf(text: string, chunk: Chunk): Steps<ChunkContent> {
  const known = contentOfTree.get(chunk.tree);
  if (known && known.start === chunk.start) return known;
  // Front matter keeps ranges of every key and value: it is read again rather than moved (a byte order mark removed moves it).
  const content = known && !known.frontMatter ? moved(known, chunk.start - known.start) : yield* collect(text, chunk);
  contentOfTree.set(chunk.tree, content);
  yield;
  return content;
}

function* collect(text: string, chunk: Chunk): Steps<ChunkContent> {
  const collector = new Collector(text);
  collector.walk(chunk);
  const blocks: TokenizedBlock[] = [];
  // One chunk may hold a table of thousands of cells.
  for (const block of collector.blocks.sort((a, b) => a.span.start - b.span.start)) {
    if (stepEndsAt(blocks.length)) yield;
    blocks.push(tokenized(text, block, chunk.start));
  }
  return { start: chunk.start, blocks, comments: collector.comments, code: collector.code, links: collector.links, ...(collector.frontMatter ? { frontMatter: collector.frontMatter } : {}) };
}

function tokenized(text: string, block: RawBlock, base: number): TokenizedBlock {
  const tokens = block.runs.flatMap((run) => tokenize(text.slice(run.start, run.end), run.start - base));
  const inside = (spans: readonly Span[]) => (t: Token) => spans.some((s) => t.start + base >= s.start && t.end + base <= s.end);
  const linkTokens = block.linkRuns.length === 0 ? 0 : tokens.filter(inside(block.linkRuns)).length;
  const label = block.label;
  let labelTokens = 0;
  if (label) while (labelTokens < tokens.length && inside([label])(tokens[labelTokens] as Token)) labelTokens++;
  return { kind: block.kind, span: block.span, runs: block.runs, depth: block.depth, container: block.container, base, tokens, linkTokens, labelTokens };
}

function moved(content: ChunkContent, delta: number): ChunkContent {
  const shift = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return {
    start: content.start + delta,
    blocks: content.blocks.map((b) => ({ ...b, span: shift(b.span), runs: b.runs.map(shift), base: b.base + delta })),
    comments: content.comments.map((c) => ({ ...c, span: shift(c.span) })),
    code: content.code.map(shift),
    links: content.links.map((l) => ({ ...l, span: shift(l.span) })),
  };
}

/** Walks mdast without recursion, so deeply nested input cannot overflow the stack. */
class Collector {
  readonly blocks: RawBlock[] = [];
  readonly comments: HtmlComment[] = [];
  readonly code: Span[] = [];
  readonly links: Link[] = [];
  frontMatter: FrontMatter | undefined;

  constructor(private readonly text: string) {}

  private base = 0;
  /** The own text of the chunk walked, in tree offsets. */
  private own: { start: number; end: number } = { start: 0, end: 0 };

  /**
   * Walks one chunk; offsets become document offsets, and what was parsed beside the own text is
   * skipped: a table that starts in the header given to a chunk cut inside it is walked for its own rows.
   */
  walk(chunk: Chunk): void {
    this.base = chunk.start - chunk.offset;
    const own = { start: chunk.offset, end: chunk.offset + chunk.length };
    this.own = own;
    const stack: [Nodes, BlockContainer][] = chunk.tree.children
      .filter((child) => {
        const start = child.position?.start.offset ?? -1;
        const end = child.position?.end.offset ?? -1;
        return (start >= own.start && start < own.end) || (child.type === 'table' && start < own.start && end > own.start);
      })
      .reverse()
      .map((child) => [child, 'body']);
    while (stack.length > 0) {
      const [node, container] = stack.pop() as [Nodes, BlockContainer];
      const span = this.spanOf(node);
      switch (node.type) {
        case 'yaml':
          if (span) this.frontMatter = readFrontMatter(this.text, span, node.value);
          break;
        case 'code':
          if (span) this.code.push(span);
          break;
        case 'definition':
          if (span) this.links.push({ url: node.url, span });
          break;
        case 'heading':
          if (span) this.blocks.push({ kind: 'heading', span, depth: node.depth, container, ...this.inline(node) });
          break;
        case 'paragraph':
          if (span) this.paragraph(node, span, container);
          break;
        case 'table':
          this.table(node);
          break;
        case 'html':
          if (span) this.htmlBlock(span, container);
          break;
        default:
          if ('children' in node) {
            const inner: BlockContainer = node.type === 'listItem' ? 'list' : node.type === 'blockquote' && container === 'body' ? 'quote' : container;
            for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, inner]);
          }
      }
    }
  }

  /** Table cells are blocks; a short cell of the header row or the first column labels the others. */
  private table(node: Extract<Nodes, { type: 'table' }>): void {
    node.children.forEach((row, r) => {
      // Rows of the header given to a chunk cut inside the table, or of the probe, belong to other chunks.
      const at = row.position?.start.offset ?? -1;
      if (at < this.own.start || at >= this.own.end) return;
      row.children.forEach((cell, c) => {
        const span = this.spanOf(cell);
        if (!span) return;
        const content = this.inline(cell);
        const words = content.runs.reduce((n, run) => n + (this.text.slice(run.start, run.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
        const first = content.runs[0];
        const last = content.runs[content.runs.length - 1];
        const label = (r === 0 || c === 0) && words > 0 && words <= MAX_LABEL_CELL_WORDS && first && last ? { start: first.start, end: last.end } : undefined;
        this.blocks.push({ kind: 'cell', span, depth: 0, container: 'table', runs: content.runs, linkRuns: content.linkRuns, ...(label ? { label } : {}) });
      });
    });
  }

  /** A paragraph, split where a line reads like a heading written without a space (`##Scope`). */
  private paragraph(node: Nodes, span: Span, container: BlockContainer): void {
    const { runs, linkRuns, lead: bold } = this.inline(node);
    const lead = bold ?? this.colonLabel(span);
    const part = (kind: BlockKind, at: Span, textStart: number, depth: number): RawBlock => {
      const label = kind === 'paragraph' && lead && lead.start >= at.start && lead.end <= at.end ? lead : undefined;
      return { kind, span: at, runs: clip(runs, textStart, at.end), linkRuns: clip(linkRuns, textStart, at.end), depth, container, ...(label ? { label } : {}) };
    };
    let cursor = span.start;
    for (const line of linesIn(this.text, span.start, span.end)) {
      const match = LENIENT_HEADING.exec(this.text.slice(line.start, line.end));
      if (!match) continue;
      if (line.start > cursor) this.blocks.push(part('paragraph', { start: cursor, end: line.start }, cursor, 0));
      this.blocks.push(part('heading', line, line.start + match[0].length, (match[1] as string).length));
      cursor = line.end;
    }
    if (cursor < span.end) this.blocks.push(part('paragraph', { start: cursor, end: span.end }, cursor, 0));
  }

  private colonLabel(span: Span): Span | undefined {
    const match = COLON_LABEL.exec(this.text.slice(span.start, Math.min(span.end, span.start + 80)));
    if (!match?.[1]) return undefined;
    const start = span.start + match[0].indexOf(match[1]);
    return { start, end: start + match[1].length };
  }

  /** Text runs of inline content (code, HTML and template tags left out), which of them are link text, and a bold lead-in. */
  private inline(node: Nodes): InlineContent {
    const runs: Span[] = [];
    const linkRuns: Span[] = [];
    const stack: [Nodes, boolean][] = [[node, false]];
    while (stack.length > 0) {
      const [current, inLink] = stack.pop() as [Nodes, boolean];
      const span = this.spanOf(current);
      if (current.type === 'text' && span) {
        const parts = withoutTemplateTags(this.text, span);
        runs.push(...parts);
        if (inLink) linkRuns.push(...parts);
      } else if (current.type === 'html' && span) this.collectComments(span);
      else if (current.type !== 'inlineCode' && 'children' in current) {
        const link = inLink || current.type === 'link' || current.type === 'linkReference';
        if (current.type === 'link' && span) this.links.push({ url: current.url, span });
        for (let i = current.children.length - 1; i >= 0; i--) stack.push([current.children[i] as Nodes, link]);
      }
    }
    runs.sort((a, b) => a.start - b.start);
    const opening = 'children' in node ? node.children[0] : undefined;
    const leadSpan = opening && (opening.type === 'strong' || opening.type === 'emphasis') ? this.spanOf(opening) : undefined;
    return { runs, linkRuns, ...(leadSpan ? { lead: leadSpan } : {}) };
  }

  /** Block HTML: comments are kept for suppressions; the text between tags (raw HTML tables) stays evidence. */
  private htmlBlock(span: Span, container: BlockContainer): void {
    this.collectComments(span);
    const source = this.text.slice(span.start, span.end);
    const runs: Span[] = [];
    let cursor = 0;
    for (const match of source.matchAll(HTML_TAG)) {
      const at = match.index ?? 0;
      if (at > cursor) runs.push(...withoutTemplateTags(this.text, { start: span.start + cursor, end: span.start + at }));
      cursor = at + match[0].length;
    }
    if (cursor < source.length) runs.push(...withoutTemplateTags(this.text, { start: span.start + cursor, end: span.end }));
    const textual = runs.filter((run) => /[\p{L}\p{N}]/u.test(this.text.slice(run.start, run.end)));
    if (textual.length > 0) this.blocks.push({ kind: 'html', span, runs: textual, depth: 0, container, linkRuns: [] });
  }

  private spanOf(node: Nodes): Span | undefined {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : { start: this.base + start, end: this.base + end };
  }

  private collectComments(span: Span): void {
    const source = this.text.slice(span.start, span.end);
    for (const match of source.matchAll(HTML_COMMENT)) {
      const start = span.start + (match.index ?? 0);
      this.comments.push({ text: match[0], span: { start, end: start + match[0].length } });
    }
  }
}

/** A heading's title by its words: an unchanged chunk keeps its blocks' tokens wherever it moves, and its headings their titles. */
const titles = new WeakMap<readonly Token[], string>();

function titleOf(text: string, heading: TokenizedBlock): string {
  let title = titles.get(heading.tokens);
  if (title === undefined) {
    title = heading.runs.map((run) => text.slice(run.start, run.end)).join('').replace(/\s+/g, ' ').replace(CLOSING_HASHES, '').trim();
    titles.set(heading.tokens, title);
  }
  return title;
}

function assemble(text: string, raw: readonly TokenizedBlock[]): { sections: Section[]; blocks: Block[]; title: Section | undefined } {
  const headings = raw.filter((b) => b.kind === 'heading');
  const firstHeading = headings[0]?.span.start ?? text.length;
  const sections: (Section & { span: { start: number; end: number }; blocks: number[] })[] = [
    { index: 0, level: 0, title: '', titleTokens: [], span: { start: 0, end: text.length }, body: { start: 0, end: firstHeading }, parent: -1, blocks: [] },
  ];
  const open: number[] = [];
  headings.forEach((heading, i) => {
    // A heading closes every open section of the same or a deeper level.
    while (open.length > 0 && (sections[open[open.length - 1] as number] as Section).level >= heading.depth) {
      (sections[open.pop() as number] as { span: { end: number } }).span.end = heading.span.start;
    }
    const index = i + 1;
    sections.push({
      index,
      level: heading.depth,
      title: titleOf(text, heading),
      heading: heading.span,
      titleTokens: heading.tokens,
      span: { start: heading.span.start, end: text.length },
      body: { start: heading.span.end, end: headings[i + 1]?.span.start ?? text.length },
      parent: open.length > 0 ? (open[open.length - 1] as number) : 0,
      blocks: [],
    });
    open.push(index);
  });
  const blocks: Block[] = [];
  let section = 0;
  for (const block of raw) {
    if (block.kind === 'heading') section++;
    const index = blocks.length;
    blocks.push(placedBlock(block, section));
    if (block.kind !== 'heading') sections[section]?.blocks.push(index);
  }
  let title: Section | undefined;
  for (const candidate of sections) if (candidate.heading && (!title || candidate.level < title.level)) title = candidate;
  return { sections, blocks, title };
}

/**
 * What `assemble` makes of one block of a chunk. A chunk that neither changed nor moved keeps its
 * blocks (see `contentOf`), and so, in the same section, the blocks made of them: a keystroke then
 * makes new ones only for the chunks it changed or moved. (A heading's title is memoised by `titleOf`.)
 */
const placedBlocks = new WeakMap<TokenizedBlock, Block>();

function placedBlock(block: TokenizedBlock, section: number): Block {
  const known = placedBlocks.get(block);
  if (known?.section === section) return known;
  const placed: Block = {
    kind: block.kind,
    span: block.span,
    runs: block.runs,
    tokens: block.tokens,
    base: block.base,
    section,
    container: block.container,
    linkTokens: block.linkTokens,
    labelTokens: block.labelTokens,
  };
  placedBlocks.set(block, placed);
  return placed;
}

function withoutTemplateTags(text: string, span: Span): Span[] {
  const source = text.slice(span.start, span.end);
  if (!source.includes('{')) return [span];
  const runs: Span[] = [];
  let cursor = 0;
  for (const match of source.matchAll(TEMPLATE_TAG)) {
    const at = match.index ?? 0;
    if (at > cursor) runs.push({ start: span.start + cursor, end: span.start + at });
    cursor = at + match[0].length;
  }
  if (cursor < source.length) runs.push({ start: span.start + cursor, end: span.end });
  return runs;
}

function clip(runs: readonly Span[], start: number, end: number): Span[] {
  return runs.filter((r) => r.end > start && r.start < end).map((r) => ({ start: Math.max(r.start, start), end: Math.min(r.end, end) }));
}

/** 1-based line and column (UTF-16) of an offset. */
export function positionOf(model: Pick<DocumentModel, 'lineStarts'>, offset: number): { line: number; column: number } {
  const starts = model.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}
