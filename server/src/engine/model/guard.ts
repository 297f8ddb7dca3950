/**
 * Pure: a cheap, linear look at a document before it is parsed. The Markdown parser's work grows
 * faster than the text on some shapes of input (lists and quotes nested deep, long paragraphs,
 * many emphasis marks or brackets in one paragraph, many headings or definitions, very
 * wide tables); beyond the limits of `LIMITS` the document is declined, with the reason, before
 * the parser sees it.
 *
 * The scan follows CommonMark's blocks only as far as it must: container markers (`>`, list
 * markers) and list items by their columns, fenced code, HTML blocks that are not parsed as
 * Markdown, indented code, headings, tables, blank lines. Where it cannot tell, it counts: a
 * mistake may decline a document a little early, never let a costly one through unmeasured.
 */
import type { Span } from '../types';
import type { StructureLimits } from '../limits';
import { runToEnd, type Steps } from '../steps';
import { afterLineBreak, lineEndsOf } from '../text/lines';

export type DeclineReason = 'size' | keyof StructureLimits;

export interface Decline {
  readonly reason: DeclineReason;
  /** What was measured: bytes, headings, levels, lines, runs, columns, definitions. */
  readonly measured: number;
  readonly limit: number;
  /** The line where the limit is passed; absent for what counts in the whole document (size, headings, definitions). */
  readonly span?: Span;
}

export interface GuardLimits {
  readonly maxDocumentSize: number;
  readonly structure: StructureLimits;
}

/** The document's size in UTF-8 bytes, as files count it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Declines a document that is too big or shaped so that parsing it would take too long; undefined
 * when it may be parsed. `byteLength` is the size of the whole document when `text` is only its
 * beginning (the CLI reads no more of a file that is too big).
 */
export function guardDocument(text: string, limits: GuardLimits, byteLength?: number): Decline | undefined {
  return runToEnd(guardDocumentInSteps(text, limits, byteLength));
}

/** `guardDocument`, one step per `STEP_LENGTH` characters scanned. */
export function* guardDocumentInSteps(text: string, limits: GuardLimits, byteLength?: number): Steps<Decline | undefined> {
  const size = byteLength ?? (text.length > limits.maxDocumentSize ? text.length : text.length * 3 <= limits.maxDocumentSize ? 0 : utf8Length(text));
  if (size > limits.maxDocumentSize) return { reason: 'size', measured: byteLength ?? utf8Length(text), limit: limits.maxDocumentSize };
  return yield* new Scan(text, limits.structure).run();
}

/** Characters scanned per step: some milliseconds of work. */
const STEP_LENGTH = 64 * 1024;

/** Where the front matter ends (after its closing `---` line), when the text opens with one that closes within `within` characters. */
export function frontMatterEnd(text: string, within: number): number | undefined {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = lineAt(text, at);
  if (!isFence(text, first.start, first.end)) return undefined;
  at = first.next;
  while (at < text.length && at <= within) {
    const line = lineAt(text, at);
    if (isFence(text, line.start, line.end)) return line.next;
    at = line.next;
  }
  return undefined;

  function isFence(t: string, start: number, end: number): boolean {
    if (end - start < 3 || t.charCodeAt(start) !== DASH || t.charCodeAt(start + 1) !== DASH || t.charCodeAt(start + 2) !== DASH) return false;
    for (let i = start + 3; i < end; i++) if (!isSpace(t.charCodeAt(i))) return false;
    return true;
  }
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const RPAREN = 41;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const PIPE = 124;
const TILDE = 126;

const isSpace = (c: number): boolean => c === SPACE || c === TAB;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function lineAt(text: string, start: number): { start: number; end: number; next: number } {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === LF || c === CR) break;
    end++;
  }
  const next = end < text.length ? (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1) : end;
  return { start, end, next };
}

/** CommonMark HTML blocks of kind 6: these tags open a block that ends at a blank line, and its text is not Markdown. */
const BLOCK_TAGS = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(
    ' ',
  ),
);
/** Kind 1: these end at their closing tag, across blank lines. */
const RAW_TAGS = new Set(['script', 'pre', 'style', 'textarea']);

/** The characters whose counts `inlineLine` keeps: escapes, emphasis and code marks, `<`, brackets. */
const INLINE_MARK = /[\\*_~`<[\]]/g;

interface ListItem {
  readonly markerCol: number;
  readonly contentCol: number;
  readonly ordered: boolean;
}

interface Marker extends ListItem {
  readonly number: number;
  readonly empty: boolean;
}

/** Code or HTML whose lines are not Markdown: skipped until it ends, or until the container it is in ends. */
interface Raw {
  readonly end: { readonly fence: number; readonly length: number } | { readonly text: string } | 'blank';
  readonly quotes: number;
  /** A line indented less ends the list item, and with it the block; -1 outside lists. */
  readonly listCol: number;
}

/** Counters of one paragraph, heading or table row: what the parser resolves inline. */
interface Inline {
  startLine: number;
  lines: number;
  emphasis: number;
  brackets: number;
  maxBrackets: number;
  /** Every `]`: the parser looks back for an opener at each one, matched or not. */
  closers: number;
  /** Runs of backticks: the parser looks ahead from each for a closing run of the same length. */
  backtickRuns: number;
  /** Every `<`: each may open a comment, a tag or an autolink that the parser looks for the end of. */
  angles: number;
  /** The last character seen was a `*`, `_` or `~` of the same run. */
  lastMark: number;
  /** Cells of the first line when it has pipes: a table header if the next line is its delimiter row. */
  headerCells: number;
}

class Scan {
  private headings = 0;
  private definitions = 0;
  private items: ListItem[] = [];
  private raw: Raw | undefined;
  private paragraph: Inline | undefined;
  private table = false;
  /** The table being read: where it starts, how many cells its header has, and its cells so far. */
  private tableStart = 0;
  private tableWidth = 0;
  private tableCells = 0;
  private blockLines = 0;
  private blockStart = 0;
  private previousQuotes = 0;
  /** The top-level block the line is in: where it starts, and its emphasis runs so far. */
  private topBlockStart = 0;
  private topBlockEmphasis = 0;
  private previousBlank = true;
  private line = 0;
  private lineStart = 0;
  private lineEnd = 0;
  private declined: Decline | undefined;
  /** The line's tail made of one character and spaces only: where it starts, and the character. */
  private tailStart = 0;
  private tailChar = -1;
  /** Where the next `INLINE_MARK` character is, from the last search (see `inlineMarkAt`). */
  private nextInlineMark = -1;
  private inlineMarkSearchedFrom = 0;

  constructor(
    private readonly text: string,
    private readonly limits: StructureLimits,
  ) {}

  *run(): Steps<Decline | undefined> {
    const text = this.text;
    let at = frontMatterEnd(text, text.length) ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
    // Lines before `at` are the front matter: YAML, not Markdown.
    for (let i = 0; i < at; i++) if (text.charCodeAt(i) === LF || (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) !== LF)) this.line++;
    let stepEnd = at + STEP_LENGTH;
    const lineEnd = lineEndsOf(text);
    while (at < text.length && !this.declined) {
      if (at >= stepEnd) {
        yield;
        stepEnd = at + STEP_LENGTH;
      }
      const end = lineEnd(at);
      this.lineStart = at;
      this.lineEnd = end;
      this.scanLine(at, end);
      this.line++;
      at = afterLineBreak(text, end);
    }
    return this.declined;
  }

  private decline(reason: DeclineReason, measured: number, limit: number, where?: number): void {
    this.declined ??= { reason, measured, limit, ...(where !== undefined ? { span: { start: where, end: where === this.lineStart ? this.lineEnd : lineAt(this.text, where).end } } : {}) };
  }

  private scanLine(start: number, end: number): void {
    const text = this.text;
    this.findTail(start, end);
    // Container prefix: block quote markers and list markers, with the columns list items need.
    let i = start;
    let col = 0;
    let quotes = 0;
    let indent = -1;
    const markers: Marker[] = [];
    for (;;) {
      while (i < end && isSpace(text.charCodeAt(i))) {
        col += text.charCodeAt(i) === TAB ? 4 - (col % 4) : 1;
        i++;
      }
      if (indent < 0) indent = col;
      if (i >= end) break;
      const c = text.charCodeAt(i);
      if (c === GT) {
        quotes++;
        i++;
        if (i < end && isSpace(text.charCodeAt(i))) i++;
        // Columns inside a quote count from its content.
        col = 0;
        indent = -1;
        continue;
      }
      const marker = this.listMarker(i, end, col);
      if (!marker) break;
      markers.push(marker.marker);
      i = marker.next;
      col = marker.marker.contentCol;
    }
    const blank = i >= end;
    // A line at the margin after a blank line, no list item and no quote, starts a new top-level block.
    if (this.previousBlank && !blank && quotes === 0 && markers.length === 0 && indent === 0) {
      this.topBlockStart = start;
      this.topBlockEmphasis = 0;
    }
    this.previousBlank = blank;

    if (this.raw) {
      const raw = this.raw;
      const containerEnded = quotes < raw.quotes || (raw.listCol >= 0 && !blank && indent < raw.listCol);
      if (!containerEnded) {
        if (raw.end === 'blank') {
          if (blank) this.raw = undefined;
        } else if ('fence' in raw.end) {
          if (this.closesFence(start, end, raw.end.fence, raw.end.length)) this.raw = undefined;
        } else if (text.slice(start, end).toLowerCase().includes(raw.end.text)) this.raw = undefined;
        return;
      }
      this.raw = undefined;
    }

    if (blank) {
      this.endParagraph();
      this.table = false;
      this.blockLines = 0;
      this.previousQuotes = quotes;
      return;
    }

    const lazy = this.paragraph !== undefined && markers.length === 0 && quotes <= this.previousQuotes && !this.startsBlock(i, end, indent);
    if (!lazy) {
      if (quotes !== this.previousQuotes) this.items = [];
      this.previousQuotes = quotes;
    }

    // List items: a line continues the items it is indented into; a marker opens an item, unless it cannot interrupt the paragraph.
    let continuation = lazy;
    if (markers.length > 0) {
      const first = markers[0] as Marker;
      let sibling: ListItem | undefined;
      while (this.items.length > 0 && (this.items[this.items.length - 1] as ListItem).contentCol > first.markerCol) sibling = this.items.pop();
      const cannotInterrupt = (first.ordered && first.number !== 1) || first.empty;
      if (this.paragraph && cannotInterrupt && !(sibling && sibling.ordered === first.ordered)) {
        continuation = true;
        if (sibling) this.items.push(sibling);
      } else {
        this.endParagraph();
        this.table = false;
        this.items.push(...markers);
      }
    } else if (!lazy) {
      while (this.items.length > 0 && (this.items[this.items.length - 1] as ListItem).contentCol > indent) this.items.pop();
    }
    const depth = quotes + this.items.length;
    if (depth > this.limits.nestingDepth) return this.decline('nestingDepth', depth, this.limits.nestingDepth, start);

    const base = this.items.length > 0 ? (this.items[this.items.length - 1] as ListItem).contentCol : 0;
    const relative = (markers.length > 0 && !continuation ? col : indent) - base;
    const listCol = this.items.length > 0 ? Math.max(indent, base) : -1;
    const c = text.charCodeAt(i);

    if (!continuation && relative >= 4 && !this.paragraph) return; // indented code
    if (relative < 4) {
      const fence = this.fenceOpening(i, end);
      if (fence) {
        this.endParagraph();
        this.table = false;
        this.raw = { end: fence, quotes, listCol };
        return;
      }
      const html = c === LT ? this.htmlOpening(i, end) : undefined;
      if (html) {
        this.endParagraph();
        this.table = false;
        if (html !== 'closed') this.raw = { end: html, quotes, listCol };
        return;
      }
      if (c === HASH && this.isAtxHeading(i, end)) {
        this.endParagraph();
        this.table = false;
        this.countHeading();
        // A heading line is a block of its own wherever it is: the lines before it cannot run on past it.
        this.blockLines = 0;
        this.inlineLine(i, end, this.freshInline());
        return;
      }
      if (this.paragraph && !this.table && markers.length === 0 && (c === EQUALS || c === DASH) && this.isSetextUnderline(i, end, c)) {
        this.endParagraph();
        this.countHeading();
        return;
      }
      if ((c === STAR || c === DASH || c === UNDERSCORE) && this.isThematicBreak(i, end, c)) {
        this.endParagraph();
        this.table = false;
        return;
      }
      if (c === LBRACKET && this.isDefinition(i, end)) {
        this.definitions++;
        if (this.definitions > this.limits.definitions) return this.decline('definitions', this.definitions, this.limits.definitions);
      }
    }
    if (this.declined) return;

    const cells = this.cells(i, end);
    if (cells > this.limits.tableColumns) return this.decline('tableColumns', cells, this.limits.tableColumns, start);
    if (this.table) {
      // Each row of a table is parsed on its own, and as wide as the header.
      this.tableCells += Math.max(cells, this.tableWidth);
      if (this.tableCells > this.limits.tableCells) return this.decline('tableCells', this.tableCells, this.limits.tableCells, this.tableStart);
      this.inlineLine(i, end, this.freshInline());
      return;
    }
    const paragraph = this.paragraph;
    if (paragraph && paragraph.lines === 1 && paragraph.headerCells > 0 && this.isDelimiterRow(i, end) && cells === paragraph.headerCells) {
      this.table = true;
      this.tableStart = paragraph.startLine;
      this.tableWidth = cells;
      this.tableCells = cells;
      this.paragraph = undefined;
      return;
    }
    this.blockLine(start);
    if (!this.paragraph) {
      this.paragraph = this.freshInline();
      this.paragraph.headerCells = cells;
    }
    this.paragraph.lines++;
    if (this.paragraph.lines > this.limits.paragraphLines) return this.decline('paragraphLines', this.paragraph.lines, this.limits.paragraphLines, this.paragraph.startLine);
    this.inlineLine(i, end, this.paragraph);
  }

  private freshInline(): Inline {
    return { startLine: this.lineStart, lines: 0, emphasis: 0, brackets: 0, maxBrackets: 0, closers: 0, backtickRuns: 0, angles: 0, lastMark: -1, headerCells: 0 };
  }

  private endParagraph(): void {
    this.paragraph = undefined;
  }

  private countHeading(): void {
    this.headings++;
    if (this.headings > this.limits.headings) this.decline('headings', this.headings, this.limits.headings);
  }

  /** Lines between blank lines, outside code, HTML and tables: what no mistake of the scan can hide. */
  private blockLine(start: number): void {
    if (this.blockLines === 0) this.blockStart = start;
    this.blockLines++;
    if (this.blockLines > this.limits.blockLines) this.decline('blockLines', this.blockLines, this.limits.blockLines, this.blockStart);
  }

  /** Emphasis and backtick runs, brackets and `<` of one line of a paragraph, heading or table row. */
  private inlineLine(from: number, end: number, inline: Inline): void {
    const text = this.text;
    // A line break separates runs.
    inline.lastMark = -1;
    let i = from;
    while (i < end) {
      // Plain characters only separate runs: jump to the next character the parser resolves inline.
      const next = this.inlineMarkAt(i);
      if (next > i) inline.lastMark = -1;
      if (next >= end) break;
      i = next;
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
        i += 2;
        inline.lastMark = -1;
        continue;
      }
      i++;
      if (c === STAR || c === UNDERSCORE || c === TILDE) {
        if (c !== inline.lastMark) {
          inline.emphasis++;
          this.topBlockEmphasis++;
        }
        inline.lastMark = c;
        continue;
      }
      if (c === BACKTICK) {
        if (c !== inline.lastMark) inline.backtickRuns++;
        inline.lastMark = c;
        continue;
      }
      inline.lastMark = -1;
      if (c === LT) inline.angles++;
      else if (c === LBRACKET) {
        inline.brackets++;
        if (inline.brackets > inline.maxBrackets) inline.maxBrackets = inline.brackets;
      } else if (c === RBRACKET) {
        inline.closers++;
        if (inline.brackets > 0) inline.brackets--;
      }
    }
    if (inline.emphasis > this.limits.emphasisRuns) this.decline('emphasisRuns', inline.emphasis, this.limits.emphasisRuns, this.lineStart);
    else if (this.topBlockEmphasis > this.limits.emphasisRunsPerBlock) this.decline('emphasisRunsPerBlock', this.topBlockEmphasis, this.limits.emphasisRunsPerBlock, this.topBlockStart);
    else if (inline.maxBrackets > this.limits.bracketDepth) this.decline('bracketDepth', inline.maxBrackets, this.limits.bracketDepth, this.lineStart);
    else if (inline.closers > this.limits.closingBrackets) this.decline('closingBrackets', inline.closers, this.limits.closingBrackets, this.lineStart);
    else if (inline.backtickRuns > this.limits.backtickRuns) this.decline('backtickRuns', inline.backtickRuns, this.limits.backtickRuns, this.lineStart);
    else if (inline.angles > this.limits.angleBrackets) this.decline('angleBrackets', inline.angles, this.limits.angleBrackets, this.lineStart);
  }

  /**
   * The first character at or after `from` that inline parsing resolves (`INLINE_MARK`), or the
   * text's length. Lines are scanned in document order, so the position found last is still the
   * next one from anywhere between the search's start and it: each stretch of plain text is searched once.
   */
  private inlineMarkAt(from: number): number {
    if (from < this.inlineMarkSearchedFrom || from > this.nextInlineMark) {
      this.inlineMarkSearchedFrom = from;
      INLINE_MARK.lastIndex = from;
      this.nextInlineMark = INLINE_MARK.test(this.text) ? INLINE_MARK.lastIndex - 1 : this.text.length;
    }
    return this.nextInlineMark;
  }

  /** A list marker at `i`: `-`, `*`, `+` or 1 to 9 digits and `.` or `)`, then a space, a tab or the end of the line. */
  private listMarker(i: number, end: number, col: number): { marker: Marker; next: number } | undefined {
    const text = this.text;
    const c = text.charCodeAt(i);
    let j = i;
    let ordered = false;
    let number = 0;
    if (c === DASH || c === STAR || c === PLUS) {
      if ((c === DASH || c === STAR) && this.isThematicBreak(i, end, c)) return undefined;
      j = i + 1;
    } else if (isDigit(c)) {
      while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if (d !== DOT && d !== RPAREN) return undefined;
      number = Number(text.slice(i, j));
      ordered = true;
      j++;
    } else return undefined;
    if (j < end && !isSpace(text.charCodeAt(j))) return undefined;
    const markerCol = col;
    const width = j - i;
    let spaces = 0;
    let k = j;
    let spaceCol = col + width;
    while (k < end && isSpace(text.charCodeAt(k)) && spaces < 5) {
      const step = text.charCodeAt(k) === TAB ? 4 - (spaceCol % 4) : 1;
      spaces += step;
      spaceCol += step;
      k++;
    }
    const empty = k >= end;
    // Five spaces or more after the marker: the item's content starts after one, and the rest is indented code.
    if (empty || spaces >= 5) return { marker: { markerCol, contentCol: markerCol + width + 1, ordered, number, empty }, next: Math.min(j + 1, end) };
    return { marker: { markerCol, contentCol: markerCol + width + spaces, ordered, number, empty }, next: k };
  }

  /** A line that opens a block of its own, so it cannot be the lazy continuation of a paragraph. */
  private startsBlock(i: number, end: number, indent: number): boolean {
    if (indent >= 4) return false;
    const c = this.text.charCodeAt(i);
    return (
      this.fenceOpening(i, end) !== undefined ||
      (c === HASH && this.isAtxHeading(i, end)) ||
      ((c === STAR || c === DASH || c === UNDERSCORE) && this.isThematicBreak(i, end, c)) ||
      (c === LT && this.htmlOpening(i, end) !== undefined)
    );
  }

  private fenceOpening(i: number, end: number): { fence: number; length: number } | undefined {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c !== BACKTICK && c !== TILDE) return undefined;
    let j = i;
    while (j < end && text.charCodeAt(j) === c) j++;
    if (j - i < 3) return undefined;
    if (c === BACKTICK) for (let k = j; k < end; k++) if (text.charCodeAt(k) === BACKTICK) return undefined;
    return { fence: c, length: j - i };
  }

  /** Any indentation closes here: ending the block early only counts more of the text. */
  private closesFence(start: number, end: number, fence: number, length: number): boolean {
    const text = this.text;
    let i = start;
    while (i < end && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === GT)) i++;
    let j = i;
    while (j < end && text.charCodeAt(j) === fence) j++;
    if (j - i < length) return false;
    for (; j < end; j++) if (!isSpace(text.charCodeAt(j))) return false;
    return true;
  }

  /** HTML blocks whose text the parser does not read as Markdown: comments and raw tags to their end, block tags to a blank line. */
  private htmlOpening(i: number, end: number): Raw['end'] | 'closed' | undefined {
    const text = this.text;
    const rest = (length: number): string => text.slice(i, Math.min(end, i + length)).toLowerCase();
    const closedOnLine = (marker: string, from: number): boolean => text.slice(from, end).toLowerCase().includes(marker);
    if (rest(4) === '<!--') return closedOnLine('-->', i + 4) ? 'closed' : { text: '-->' };
    let j = i + 1;
    const closing = text.charCodeAt(j) === SLASH;
    if (closing) j++;
    const nameStart = j;
    while (j < end && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
    if (j === nameStart || !isLetter(text.charCodeAt(nameStart))) return undefined;
    const name = text.slice(nameStart, j).toLowerCase();
    const after = text.charCodeAt(j);
    const ends = j >= end || isSpace(after) || after === GT || (after === SLASH && text.charCodeAt(j + 1) === GT);
    if (!closing && RAW_TAGS.has(name) && (j >= end || isSpace(after) || after === GT)) return closedOnLine(`</${name}>`, j) ? 'closed' : { text: `</${name}>` };
    if (BLOCK_TAGS.has(name) && ends) return 'blank';
    return undefined;
  }

  private isAtxHeading(i: number, end: number): boolean {
    let j = i;
    while (j < end && this.text.charCodeAt(j) === HASH) j++;
    return j - i <= 6 && (j >= end || isSpace(this.text.charCodeAt(j)));
  }

  private isSetextUnderline(i: number, end: number, c: number): boolean {
    let j = i;
    while (j < end && this.text.charCodeAt(j) === c) j++;
    for (; j < end; j++) if (!isSpace(this.text.charCodeAt(j))) return false;
    return true;
  }

  /** Once per line, so that each list marker of a long line asks in constant time whether a thematic break follows. */
  private findTail(start: number, end: number): void {
    let j = end;
    let c = -1;
    while (j > start) {
      const d = this.text.charCodeAt(j - 1);
      if (isSpace(d)) j--;
      else if (c < 0 || d === c) {
        c = d;
        j--;
      } else break;
    }
    this.tailStart = j;
    this.tailChar = c;
  }

  /** `***`, `- - -` or `___` to the end of the line. */
  private isThematicBreak(i: number, end: number, c: number): boolean {
    if (i < this.tailStart || c !== this.tailChar) return false;
    let count = 0;
    for (let j = i; j < end; j++) {
      const d = this.text.charCodeAt(j);
      if (d === c) count++;
      else if (!isSpace(d)) return false;
    }
    return count >= 3;
  }

  /** `[label]:` at the start of a line: a link or footnote definition. */
  private isDefinition(i: number, end: number): boolean {
    const text = this.text;
    for (let j = i + 1; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === BACKSLASH) j++;
      else if (c === LBRACKET) return false;
      else if (c === RBRACKET) return j > i + 1 && text.charCodeAt(j + 1) === COLON;
    }
    return false;
  }

  /** Table cells on the line: its unescaped pipes, less the leading and trailing ones. */
  private cells(i: number, end: number): number {
    const text = this.text;
    let pipes = 0;
    let first = -1;
    let last = -1;
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === BACKSLASH) j++;
      else if (c === PIPE) {
        pipes++;
        if (first < 0) first = j;
        last = j;
      }
    }
    if (pipes === 0) return 0;
    let trimmedEnd = end;
    while (trimmedEnd > i && isSpace(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
    return pipes + 1 - (first === i ? 1 : 0) - (last === trimmedEnd - 1 ? 1 : 0);
  }

  /** `|---|:--:|` */
  private isDelimiterRow(i: number, end: number): boolean {
    let dashes = 0;
    for (let j = i; j < end; j++) {
      const c = this.text.charCodeAt(j);
      if (c === DASH) dashes++;
      else if (c !== PIPE && c !== COLON && !isSpace(c)) return false;
    }
    return dashes > 0;
  }
}
