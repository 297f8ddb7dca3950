/**
 * Pure: parses a document as independent chunks cut before its level-1 and level-2 headings, so
 * that an edit re-parses only the chunk it touched; the others reuse the previous version's trees.
 * A cut is made only where CommonMark allows it to change nothing: after a blank line, outside
 * fenced code and front matter. Link and footnote definitions are appended to every chunk so
 * references resolve as they would in the whole document.
 */
import type { Root } from 'mdast';
import { parseMarkdown } from '../parse';

export interface Chunk {
  /** Offset of the chunk in the document; tree offsets are relative to it. */
  readonly start: number;
  /** Length of the chunk's own text (the parsed text may have definitions appended). */
  readonly length: number;
  readonly tree: Root;
  /** Own text plus appended definitions: equal keys parse to equal trees. */
  readonly key: string;
}

const CUT = /^#{1,2}[ \t]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[\^?[^\]\n]+\]:[ \t]*\S.*$/gm;

/**
 * `previous`: the chunks of the last version, or `[]` to start chunking now. Without it the text is
 * parsed whole, which is faster for a document seen once (the CLI).
 */
export function parseChunks(text: string, previous?: readonly Chunk[]): { chunks: Chunk[]; parseError?: string } {
  const reusable = new Map((previous ?? []).map((c) => [c.key, c.tree]));
  const definitions = [...text.matchAll(DEFINITION)].map((m) => m[0]).join('\n');
  const suffix = definitions === '' ? '' : `\n\n${definitions}\n`;
  const chunks: Chunk[] = [];
  let parseError: string | undefined;
  const starts = previous ? cutPoints(text) : [0];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? text.length;
    const key = text.slice(start, end) + suffix;
    let tree = reusable.get(key);
    if (!tree) {
      try {
        tree = parseMarkdown(key);
      } catch (error) {
        // Linting never fails on user input: an unparsable chunk counts as empty, with one finding.
        tree = { type: 'root', children: [] };
        parseError = error instanceof Error ? error.message : String(error);
      }
    }
    chunks.push({ start, length: end - start, tree, key });
  });
  return { chunks, ...(parseError !== undefined ? { parseError } : {}) };
}

function cutPoints(text: string): number[] {
  const points = [0];
  let offset = 0;
  let fence: string | undefined;
  let previousBlank = false;
  let inFrontMatter = text.startsWith('---\n') || text.startsWith('---\r\n');
  let lineNumber = 0;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(offset, end);
    if (inFrontMatter) {
      if (lineNumber > 0 && /^(---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
    } else if (fence) {
      if (line.trimStart().startsWith(fence)) fence = undefined;
    } else {
      const opening = FENCE.exec(line);
      if (opening) fence = (opening[1] as string).slice(0, 3);
      else if (previousBlank && CUT.test(line) && offset > 0) points.push(offset);
    }
    previousBlank = line.trim() === '';
    offset = end + 1;
    lineNumber++;
  }
  return points;
}
