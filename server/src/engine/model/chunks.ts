/**
 * Pure: parses a document as independent chunks cut before its level-1 and level-2 headings, so
 * that an edit re-parses only the chunk it touched; the others reuse the previous version's trees.
 *
 * Chunks must give exactly what one whole parse gives. A scan of the lines proposes cuts (after a
 * blank line, outside front matter, fenced code and HTML blocks as CommonMark delimits them), and
 * the parser has the last word: a chunk is parsed with a heading line appended, and the cut stands
 * only if that line came out as a top-level heading, that is, if nothing (a fence or an HTML block
 * the scan misread, a list or a quote) was still open there. Link and footnote definitions count
 * in the whole document, so the definitions the trees hold are given to every chunk.
 */
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../parse';

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

/** Appended after a chunk that a cut ends: it parses as a top-level heading only where a cut changes nothing. */
const PROBE = '# probe\n';
const BOM = '\uFEFF';

/**
 * `previous`: the chunks of the last version, or `[]` to start chunking now. Without it the text is
 * parsed whole, which is faster for a document seen once (the CLI).
 */
export function parseChunks(text: string, previous?: readonly Chunk[]): { chunks: Chunk[]; parseError?: string } {
  // The parser drops a byte order mark, so it is left out of the chunks and offsets stay the document's.
  const from = text.startsWith(BOM) ? 1 : 0;
  const parser = new ChunkParser(text, previous ?? []);
  if (!previous) return parser.result([parser.parse(from, text.length, '', false)]);
  const candidates = cutCandidates(text, from);
  const guess = previous.length > 0 ? previous.flatMap((c) => c.definitions) : definitionGuess(text);
  let definitions = uniqueSorted(guess);
  let chunks = parser.chunked(from, candidates, definitions);
  const found = uniqueSorted(chunks.flatMap((c) => c.definitions));
  // What a tree holds as a definition does not depend on the definitions given to it: one correction settles it.
  if (found.join('\n') !== definitions.join('\n')) {
    definitions = found;
    chunks = parser.chunked(from, candidates, definitions);
  }
  return parser.result(chunks);
}

class ChunkParser {
  private readonly reusable: Map<string, Root>;
  private parseError: string | undefined;

  constructor(
    private readonly text: string,
    previous: readonly Chunk[],
  ) {
    this.reusable = new Map(previous.map((c) => [reuseKey(c.key, c.offset, c.length), c.tree]));
  }

  result(chunks: Chunk[]): { chunks: Chunk[]; parseError?: string } {
    return { chunks, ...(this.parseError !== undefined ? { parseError: this.parseError } : {}) };
  }

  /** Cuts at the candidates the parser confirms; after one it refuses, the rest is one chunk (the scan lost track there). */
  chunked(from: number, candidates: readonly number[], definitions: readonly string[]): Chunk[] {
    // A blank line after each: a definition cannot interrupt the paragraph of a footnote before it.
    const block = definitions.map((line) => `${line}\n\n`).join('');
    const chunks: Chunk[] = [];
    let start = from;
    for (const cut of candidates) {
      if (cut <= start) continue;
      // The first chunk may open with front matter, which must stay first: its definitions go after the probe.
      const chunk = start === from ? this.parse(start, cut, '', true, block) : this.parse(start, cut, block, true);
      if (!this.confirmed(chunk)) break;
      chunks.push(chunk);
      start = cut;
    }
    chunks.push(start === from ? this.parse(start, this.text.length, '', false) : this.parse(start, this.text.length, block, false));
    return chunks;
  }

  parse(start: number, end: number, before: string, probe: boolean, after = ''): Chunk {
    const own = this.text.slice(start, end);
    const key = `${before}${own}${probe ? PROBE : ''}${after === '' ? '' : `\n${after}`}`;
    // One tree per text and place of the own text in it: what is collected from a tree is then valid wherever it is reused.
    const reuse = reuseKey(key, before.length, own.length);
    let tree = this.reusable.get(reuse);
    if (!tree) {
      try {
        tree = parseMarkdown(key);
      } catch (error) {
        // Linting never fails on user input: an unparsable chunk counts as empty, with one finding.
        tree = { type: 'root', children: [] };
        this.parseError = error instanceof Error ? error.message : String(error);
      }
      this.reusable.set(reuse, tree);
    }
    return { start, length: end - start, tree, key, offset: before.length, definitions: definitionsIn(tree, before.length, before.length + own.length) };
  }

  /** The probe came out as a top-level heading, and front matter that opens the chunk closed inside it. */
  private confirmed(chunk: Chunk): boolean {
    const probeAt = chunk.offset + chunk.length;
    if (!chunk.tree.children.some((node) => node.type === 'heading' && node.position?.start.offset === probeAt)) return false;
    const opensFrontMatter = chunk.offset === 0 && FRONT_MATTER_OPEN.test(chunk.key);
    return !opensFrontMatter || chunk.tree.children[0]?.type === 'yaml';
  }
}

function reuseKey(key: string, offset: number, length: number): string {
  return `${offset}:${length}:${key}`;
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

function uniqueSorted(lines: readonly string[]): string[] {
  return [...new Set(lines)].sort();
}

const FRONT_MATTER_OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const CUT = /^#{1,2}[ \t]/;
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

type ScanState = { readonly in: 'text' } | { readonly in: 'fence'; readonly char: string; readonly length: number } | { readonly in: 'html'; readonly end: RegExp | 'blank' };

/** Offsets of the lines that may start a chunk. The parser confirms each, so a mistake here costs reuse, never correctness. */
function cutCandidates(text: string, from: number): number[] {
  const points: number[] = [];
  let state: ScanState = { in: 'text' };
  let previousBlank = true;
  let frontMatter = false;
  let first = true;
  const lineBreak = /\r\n|\r|\n/g;
  let offset = from;
  while (offset < text.length) {
    lineBreak.lastIndex = offset;
    const found = lineBreak.exec(text);
    const end = found ? found.index : text.length;
    const line = text.slice(offset, end);
    const blank = line.trim() === '';
    if (first && FRONT_MATTER_FENCE.test(line) && found) {
      frontMatter = true;
    } else if (frontMatter) {
      if (FRONT_MATTER_FENCE.test(line)) frontMatter = false;
    } else if (state.in === 'fence') {
      const closing = FENCE_CLOSE.exec(line)?.[1];
      if (closing && closing[0] === state.char && closing.length >= state.length) state = { in: 'text' };
    } else if (state.in === 'html') {
      if (state.end === 'blank' ? blank : state.end.test(line)) state = { in: 'text' };
    } else if (previousBlank && CUT.test(line) && offset > from) {
      points.push(offset);
    } else {
      state = opening(line, previousBlank);
    }
    previousBlank = blank;
    first = false;
    offset = found ? end + found[0].length : text.length;
  }
  return points;
}

/** What a line outside any block opens: a fence, an HTML block (which may close on the same line), or nothing. */
function opening(line: string, afterBlank: boolean): ScanState {
  const fence = FENCE_OPEN.exec(line);
  if (fence) {
    const marks = fence[2] as string;
    // A backtick fence's info string has no backticks; otherwise the line is inline code.
    if (marks[0] !== '`' || !(fence[3] as string).includes('`')) return { in: 'fence', char: marks[0] as string, length: marks.length };
  }
  for (const html of HTML_BLOCKS) {
    if (!html.start.test(line) || (!html.interruptsParagraph && !afterBlank)) continue;
    if (html.end !== 'blank' && html.end.test(line)) return { in: 'text' };
    return { in: 'html', end: html.end };
  }
  return { in: 'text' };
}
