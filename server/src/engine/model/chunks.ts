/**
 * Pure: parses a document as independent chunks cut at top-level block boundaries, so that an edit
 * re-parses only the chunk it touched (the others reuse the previous version's trees), and so that
 * a long document is never parsed in one piece: remark's cost grows faster than the text.
 *
 * Chunks must give exactly what one whole parse gives. A cut is a line where CommonMark starts a
 * new top-level block whatever came before, provided nothing is still open there: an ATX heading
 * (it interrupts a paragraph), or, after a blank line, a line at the margin that can neither
 * continue a list (a list marker) nor open front matter (`---`) or a definition. A scan of the
 * lines proposes such lines outside front matter, fenced code and HTML blocks as it sees them, and
 * the parser has the last word: a chunk is parsed with the line after the cut appended as a probe,
 * and the cut stands only if a top-level node starts at the probe, that is, if nothing (a fence or
 * an HTML block the scan misread, a list, a quote) was still open there. The probe is that very
 * line because the line after a block can still move where the block ends (an unclosed fence in a
 * list item takes the blank line after it when a quote follows, not when a paragraph does); a line
 * opening with a letter, paragraph text whatever follows, is probed by its letter (`probeFor`). One
 * case the probe cannot show is left to the scan: after indented code, micromark lets a quote or a
 * footnote definition open only what may interrupt a paragraph ("> 2) x" is then a quoted
 * paragraph, not a list), and the probe, one line long, starts where it should either way. A long
 * table is cut between rows too: the chunk before ends in a table whose last row is the probe, and
 * the chunk after is parsed with the table's header and delimiter rows before it. Link and footnote
 * definitions count in the whole document, so each chunk is given the definitions of the trees that
 * its text may refer to.
 */
import type { Nodes, Root } from 'mdast';
import { parseRequest, runToEnd, type Steps } from '../steps';
import { afterLineBreak, lineEndAt, lineEndsOf, lineStartAt, nextLineStart } from '../text/lines';

export interface Chunk {
  /** Offset of the chunk's own text in the document. */
  readonly start: number;
  /** Length of the chunk's own text. */
  readonly length: number;
  readonly tree: Root;
  /** The parsed text: definitions of the whole document, the own text, the probe: equal keys parse to equal trees. */
  readonly key: string;
  /** Where the own text starts in `key`: tree offsets minus this, plus `start`, are document offsets. */
  readonly offset: number;
  /** The link and footnote definitions of the own text, as definition lines (`[label]: #`). */
  readonly definitions: readonly string[];
}

const BOM = '\uFEFF';

/**
 * `previous`: the chunks of the last version, to reuse. `'whole'` parses the text in one piece,
 * which is what chunks must equal (the tests compare them).
 */
export function parseChunks(text: string, previous: readonly Chunk[] | 'whole' = []): ParsedChunks {
  return runToEnd(parseChunksInSteps(text, previous));
}

export interface ParsedChunks {
  readonly chunks: Chunk[];
  readonly parseError?: string;
}

/** `parseChunks` one step per chunk parsed afresh (a reused chunk costs nothing). */
export function* parseChunksInSteps(text: string, previous: readonly Chunk[] | 'whole' = []): Steps<ParsedChunks> {
  // The parser drops a byte order mark, so it is left out of the chunks and offsets stay the document's.
  const from = text.startsWith(BOM) ? 1 : 0;
  if (previous === 'whole') {
    const parser = new ChunkParser(text, []);
    return parser.result([yield* parser.parse(from, text.length, [], undefined)]);
  }
  const parser = new ChunkParser(text, previous);
  const candidates = cutCandidates(text, from);
  const guess = previous.length > 0 ? previous.flatMap((c) => c.definitions) : definitionGuess(text);
  let definitions = uniqueSorted(guess);
  let chunks = yield* parser.chunked(from, candidates, definitions);
  const found = uniqueSorted(chunks.flatMap((c) => c.definitions));
  // What a tree holds as a definition does not depend on the definitions given to it: one correction settles it.
  if (found.join('\n') !== definitions.join('\n')) {
    definitions = found;
    chunks = yield* parser.chunked(from, candidates, definitions);
  }
  return parser.result(chunks);
}

/** A text parsed before, with the place of the own text in it. */
interface Parsed {
  readonly key: string;
  readonly offset: number;
  readonly length: number;
  readonly tree: Root;
  /** The definitions of the own text: found in the tree once, kept with it (a chunk's `definitions`). */
  readonly definitions: readonly string[];
}

class ChunkParser {
  /**
   * Trees parsed before, by the shape of their text (its length, and where the own text starts and
   * ends): a lookup compares the text piece by piece, so no key is built or hashed for a chunk that
   * is reused, which is nearly every chunk after an edit.
   */
  private readonly reusable = new Map<string, Parsed[]>();
  private parseError: string | undefined;

  constructor(
    private readonly text: string,
    previous: readonly Chunk[],
  ) {
    for (const chunk of previous) this.remember(chunk);
  }

  private remember(parsed: Parsed): void {
    const shape = shapeOf(parsed.key.length, parsed.offset, parsed.length);
    const list = this.reusable.get(shape);
    if (list) list.push(parsed);
    else this.reusable.set(shape, [parsed]);
  }

  /** The tree of the text `before + own + probe + after`, with the own text at the same place, if it was parsed before. */
  private reused(before: string, own: string, probe: string, after: string): Parsed | undefined {
    const length = before.length + own.length + probe.length + after.length;
    return this.reusable
      .get(shapeOf(length, before.length, own.length))
      ?.find((p) => piece(p.key, 0, before) === before && piece(p.key, before.length, own) === own && piece(p.key, before.length + own.length, probe) === probe && piece(p.key, length - after.length, after) === after);
  }

  result(chunks: Chunk[]): ParsedChunks {
    return { chunks, ...(this.parseError !== undefined ? { parseError: this.parseError } : {}) };
  }

  /**
   * Cuts at the candidates the parser confirms. Where it refuses one (the scan lost track there),
   * the chunk reaches for a candidate twice as far each time, so that misread text costs linear time.
   */
  *chunked(from: number, candidates: Candidates, lines: readonly string[]): Steps<Chunk[]> {
    const definitions = lines.map(toDefinition);
    const minimum = minimumChunkLength(this.text.length);
    const chunks: Chunk[] = [];
    let start = from;
    // The header of the table the chunk starts in, when it starts between two rows of one.
    let header = '';
    let next = 0;
    while (next < candidates.cuts.length) {
      let reach = minimum;
      let chunk: Chunk | undefined;
      let row = false;
      for (; next < candidates.cuts.length; next++) {
        const cut = candidates.cuts[next] as number;
        if (cut <= start || cut - start < reach) continue;
        row = candidates.rows.has(cut);
        chunk = yield* this.parse(start, cut, definitions, probeFor(this.text, cut), header);
        if (row ? this.continuesTable(chunk, start === from) : this.confirmed(chunk, start === from)) break;
        chunk = undefined;
        reach = 2 * (cut - start);
      }
      if (!chunk) break;
      chunks.push(chunk);
      header = row ? tableHeader(chunk, header) : '';
      start = chunk.start + chunk.length;
    }
    chunks.push(yield* this.parse(start, this.text.length, definitions, undefined, header));
    return chunks;
  }

  /**
   * Parses `[start, end)` with the definitions its text may refer to, and the probe if a cut ends it.
   * The first chunk may open with front matter, which must stay first: its definitions go after the
   * probe. A first chunk without a probe is the whole text, and holds every definition itself.
   * A chunk that starts between two rows of a table is given the table's header (its first two
   * lines) after the definitions, so that its rows are read as rows of that table.
   */
  *parse(start: number, end: number, definitions: readonly Definition[], probe: string | undefined, header = ''): Steps<Chunk> {
    const own = this.text.slice(start, end);
    const first = start === (this.text.startsWith(BOM) ? 1 : 0);
    const block = first && probe === undefined ? '' : definitionBlock(referredTo(own, definitions));
    const before = first ? '' : block + header;
    const after = first && block !== '' ? `\n${block}` : '';
    // One tree per text and place of the own text in it: what is collected from a tree is then valid wherever it is reused.
    let parsed = this.reused(before, own, probe ?? '', after);
    if (!parsed) {
      const key = `${before}${own}${probe ?? ''}${after}`;
      const answer = yield* parseRequest(key);
      let tree: Root;
      if ('tree' in answer) tree = answer.tree;
      else {
        // Linting never fails on user input: an unparsable chunk counts as empty, with one finding.
        tree = { type: 'root', children: [] };
        this.parseError = answer.error;
      }
      parsed = { key, offset: before.length, length: own.length, tree, definitions: definitionsIn(tree, before.length, before.length + own.length) };
      this.remember(parsed);
    }
    const { key, tree, definitions: found } = parsed;
    return { start, length: end - start, tree, key, offset: before.length, definitions: found };
  }

  /**
   * A top-level node starts at the probe, and front matter that opens the first chunk closed inside
   * it. The probe must not be a definition: one line alone reads as one even where the line after
   * makes it something else (a table's header row), and the own text's references would then
   * resolve to a definition the document does not have.
   */
  private confirmed(chunk: Chunk, first: boolean): boolean {
    const probeAt = chunk.offset + chunk.length;
    const probe = chunk.tree.children.find((node) => node.position?.start.offset === probeAt);
    if (!probe || probe.type === 'definition' || probe.type === 'footnoteDefinition') return false;
    return this.frontMatterClosed(chunk, first);
  }

  /**
   * A cut between two rows of a table: the chunk ends in a top-level table whose last row is the
   * probe. Rows are read one line at a time against the header, so the rows after the cut, given the
   * header, read as they would after the rows before it.
   */
  private continuesTable(chunk: Chunk, first: boolean): boolean {
    const probeAt = chunk.offset + chunk.length;
    const last = chunk.tree.children[chunk.tree.children.length - 1];
    if (last?.type !== 'table' || last.children[last.children.length - 1]?.position?.start.offset !== probeAt) return false;
    return this.frontMatterClosed(chunk, first);
  }

  private frontMatterClosed(chunk: Chunk, first: boolean): boolean {
    return !(first && FRONT_MATTER_OPEN.test(chunk.key)) || chunk.tree.children[0]?.type === 'yaml';
  }
}

/**
 * Every parse costs about a millisecond however short its text, so a long document is cut into
 * chunks of at least 1/256 of its length (some kilobytes), rounded down to a power of two so that
 * typing seldom moves a cut; a short one is cut at every block.
 */
function minimumChunkLength(textLength: number): number {
  const share = textLength / CHUNKS_PER_DOCUMENT;
  return share < 1 ? 0 : 2 ** Math.floor(Math.log2(share));
}

const CHUNKS_PER_DOCUMENT = 256;

/**
 * The header of the table a chunk ends in, for the chunk after it: its first two lines (header
 * row and delimiter row), or `header`, what the chunk was given, when the table started before it.
 */
function tableHeader(chunk: Chunk, header: string): string {
  const table = chunk.tree.children[chunk.tree.children.length - 1];
  const at = table?.position?.start.offset ?? 0;
  if (at < chunk.offset) return header;
  const { key } = chunk;
  const headerEnd = lineEndAt(key, at);
  if (headerEnd === key.length) return header;
  const delimiterEnd = lineEndAt(key, nextLineStart(key, headerEnd));
  return delimiterEnd < key.length ? `${key.slice(lineStartAt(key, at), delimiterEnd)}\n` : header;
}

/**
 * The probe of a cut: the line that starts there. A line that opens with a letter can only be
 * paragraph text, whatever follows on it (CommonMark settles a line's blocks by its start, and no
 * block opens with a letter), so its first letter is probe enough: long paragraph lines, one per
 * paragraph as converters write them, were 5% of the handbook's parsed text.
 */
function probeFor(text: string, cut: number): string {
  const letter = LETTER_START.exec(text.slice(cut, cut + 2))?.[0];
  return `${letter ?? text.slice(cut, lineEndAt(text, cut))}\n`;
}

const LETTER_START = /^\p{L}/u;

/** The part of `text` at `at` as long as `like`: what must equal `like`. */
function piece(text: string, at: number, like: string): string {
  return text.slice(at, at + like.length);
}

function shapeOf(length: number, offset: number, ownLength: number): string {
  return `${length}:${offset}:${ownLength}`;
}

/** Definition lines for the definitions in `[start, end)` of a tree, wherever they are nested. */
function definitionsIn(tree: Root, start: number, end: number): string[] {
  const found: string[] = [];
  const stack: Nodes[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const at = node.position?.start.offset ?? -1;
    if (node.type === 'definition' && at >= start && at < end) found.push(`[${node.identifier}]: #`);
    else if (node.type === 'footnoteDefinition' && at >= start && at < end) found.push(`[^${node.identifier}]: x`);
    // Definitions are blocks: only block containers can hold them.
    if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') for (const child of node.children) stack.push(child);
  }
  return found;
}

/** A first guess for a document seen for the first time; the trees correct it. */
const DEFINITION_LINE = /^ {0,3}\[(\^?)([^\]\r\n]+)\]:[ \t]*\S/gm;

function definitionGuess(text: string): string[] {
  return [...text.matchAll(DEFINITION_LINE)].map((m) => {
    const identifier = (m[2] as string).replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
    return m[1] ? `[^${identifier}]: x` : `[${identifier}]: #`;
  });
}

interface Definition {
  readonly line: string;
  /** What a text that refers to the definition holds, folded (see `fold`). */
  readonly needle: string;
}

function toDefinition(line: string): Definition {
  const footnote = line.endsWith(']: x');
  const identifier = footnote ? line.slice(2, -4) : line.slice(1, -4);
  // A reference holds the first word of its label, a footnote call the caret before it.
  const firstWord = fold(identifier.split(' ')[0] as string);
  return { line, needle: footnote ? `^${firstWord}` : firstWord };
}

/** A blank line after each: a definition cannot interrupt the paragraph of a footnote before it. */
function definitionBlock(definitions: readonly Definition[]): string {
  return definitions.map((d) => `${d.line}\n\n`).join('');
}

/**
 * The definitions a text may refer to. A reference holds its label, and labels are compared as
 * micromark compares them, case-folded, so the text holds the first word of a label it refers to.
 * More is harmless (a definition nothing refers to changes nothing); fewer would unlink a reference.
 * Giving each chunk only these keeps a long list of link definitions from being parsed once per chunk.
 */
function referredTo(text: string, definitions: readonly Definition[]): Definition[] {
  if (definitions.length === 0 || !text.includes(']')) return [];
  const folded = fold(text);
  return definitions.filter((d) => folded.includes(d.needle));
}

/**
 * Case folding character by character, as micromark folds a whole label (lower, upper, then lower
 * case): only the final sigma depends on its neighbours, so it is folded to the plain sigma on both sides.
 */
function fold(text: string): string {
  return text.toLowerCase().toUpperCase().toLowerCase().replace(/ς/g, 'σ');
}

function uniqueSorted(lines: readonly string[]): string[] {
  return [...new Set(lines)].sort();
}

const BACKTICK = 0x60;
const TILDE = 0x7e;
const LESS_THAN = 0x3c;
const FRONT_MATTER_OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A line that may continue a list after a blank line: an item of it. */
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** The delimiter row under a table's header row: cells of dashes, perhaps with colons, between pipes. */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A line at the margin that may open a link or footnote definition: `[label]:` or `[^label]:`. */
const DEFINITION_OPEN = /^\[[^\]]*\]:/;
/** A row of a table's body at the margin, as most tables write them: from a pipe. */
const TABLE_ROW = /^\|/;
/** A line indented as code is, four columns or more: perhaps indented code. */
const INDENTED = /^(?: {0,3}\t| {4})/;
/** A quote or a footnote definition: a container, whose content reads differently after indented code. */
const CONTAINER_OPEN = /^(?:>|\[\^)/;
/** Blank as CommonMark counts it: spaces and tabs only. */
const BLANK = /^[ \t]*$/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** CommonMark HTML blocks 1 to 5 end at their marker, even across blank lines; 6 and 7 end at a blank line. */
const HTML_BLOCKS: readonly { readonly start: RegExp; readonly end: RegExp | 'blank'; readonly interruptsParagraph: boolean }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i, interruptsParagraph: true },
  { start: /^ {0,3}<!--/, end: /-->/, interruptsParagraph: true },
  { start: /^ {0,3}<\?/, end: /\?>/, interruptsParagraph: true },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, interruptsParagraph: true },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interruptsParagraph: true },
  {
    start:
      /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i,
    end: 'blank',
    interruptsParagraph: true,
  },
  {
    // A whole open or closing tag alone on its line. The attribute part is linear: every quantifier is bounded by a different character.
    start: /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/,
    end: 'blank',
    interruptsParagraph: false,
  },
];

/**
 * Whether a line starts a new top-level block whatever came before it, provided nothing is open:
 * an ATX heading interrupts anything, and after a blank line a line at the margin does too, unless
 * it is a list item (which would join a list before it) or a front matter fence. A line that opens
 * a definition is never proposed either: the parser refuses a cut whose probe is a definition (see
 * `confirmed`), and a refused cut costs a parse of the chunk for nothing (four of the handbook's
 * parses, 6% of its text, went on the run of footnotes at its end).
 */
function cutLine(line: string, afterBlank: boolean, afterIndented: boolean): boolean {
  if (ATX_HEADING.test(line)) return true;
  if (afterIndented && CONTAINER_OPEN.test(line)) return false;
  return afterBlank && /^\S/.test(line) && !LIST_MARKER.test(line) && !FRONT_MATTER_FENCE.test(line) && !DEFINITION_OPEN.test(line);
}

type ScanState =
  | { readonly in: 'text' }
  | { readonly in: 'fence'; readonly char: string; readonly length: number }
  | { readonly in: 'html'; readonly end: RegExp | 'blank' }
  | { readonly in: 'table' };

/** Outside any block: one object for every line, rather than one per line of every version. */
const IN_TEXT: ScanState = { in: 'text' };

/** Lines that may start a chunk, in order; `rows` are those between two rows of a table. */
interface Candidates {
  readonly cuts: readonly number[];
  readonly rows: ReadonlySet<number>;
}

/**
 * Offsets of the lines that may start a chunk. The parser confirms each, so a mistake here costs
 * reuse, never correctness. Inside a table at the margin, a row that starts with a pipe may start
 * one too: a long table is one block, and would otherwise be parsed whole on every keystroke.
 */
function cutCandidates(text: string, from: number): Candidates {
  const points: number[] = [];
  const rows = new Set<number>();
  let state: ScanState = IN_TEXT;
  let previousBlank = true;
  // Whether the last line with text was indented as code: what a container after it opens then differs (see the top).
  let afterIndented = false;
  let previousLine = '';
  let frontMatter = false;
  let first = true;
  let offset = from;
  const lineEnd = lineEndsOf(text);
  while (offset < text.length) {
    const end = lineEnd(offset);
    const next = afterLineBreak(text, end);
    const line = text.slice(offset, end);
    const blank = BLANK.test(line);
    if (first && FRONT_MATTER_FENCE.test(line) && next > end) {
      frontMatter = true;
    } else if (frontMatter) {
      if (FRONT_MATTER_FENCE.test(line)) frontMatter = false;
    } else if (state.in === 'fence') {
      const closing = FENCE_CLOSE.exec(line)?.[1];
      if (closing && closing[0] === state.char && closing.length >= state.length) state = IN_TEXT;
    } else if (state.in === 'html') {
      if (state.end === 'blank' ? blank : state.end.test(line)) state = IN_TEXT;
    } else if (state.in === 'table' && TABLE_ROW.test(line)) {
      points.push(offset);
      rows.add(offset);
    } else {
      if (offset > from && cutLine(line, previousBlank, afterIndented)) points.push(offset);
      state = !previousBlank && state.in === 'text' && TABLE_DELIMITER.test(line) && line.includes('|') && previousLine.includes('|') ? { in: 'table' } : opening(line, previousBlank);
    }
    previousBlank = blank;
    if (!blank) afterIndented = INDENTED.test(line);
    previousLine = line;
    first = false;
    offset = next;
  }
  return { cuts: points, rows };
}

/** What a line outside any block opens: a fence, an HTML block (which may close on the same line), or nothing. */
function opening(line: string, afterBlank: boolean): ScanState {
  // Fences and HTML blocks open with one of these after at most three spaces: most lines are neither.
  const first = line.charCodeAt(line.length - line.trimStart().length);
  if (first !== BACKTICK && first !== TILDE && first !== LESS_THAN) return IN_TEXT;
  const fence = FENCE_OPEN.exec(line);
  if (fence) {
    const marks = fence[2] as string;
    // A backtick fence's info string has no backticks; otherwise the line is inline code.
    if (marks[0] !== '`' || !(fence[3] as string).includes('`')) return { in: 'fence', char: marks[0] as string, length: marks.length };
  }
  for (const html of HTML_BLOCKS) {
    if (!html.start.test(line) || (!html.interruptsParagraph && !afterBlank)) continue;
    if (html.end !== 'blank' && html.end.test(line)) return IN_TEXT;
    return { in: 'html', end: html.end };
  }
  return IN_TEXT;
}
