/**
 * Pure: lines as LSP clients count them. `\r\n`, `\r` and `\n` each end a line, so that positions,
 * ranges and edits agree with the editor whatever line endings a document has.
 */

/** One line break of any kind. */
export const LINE_BREAK = /\r\n|\r|\n/;

/** Offsets where lines start: 0, then after every line break. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  // Most documents end their lines with `\n` alone, which the native search finds several times faster.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** Offset of the line break that ends the line holding `offset`, or the text's length on the last line. */
export function lineEndAt(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

/** `lineEndAt` for one text: the native search for `\n` where the text has no `\r`, several times faster. */
export function lineEndsOf(text: string): (offset: number) => number {
  if (text.includes('\r')) return (offset) => lineEndAt(text, offset);
  return (offset) => {
    const end = text.indexOf('\n', offset);
    return end < 0 ? text.length : end;
  };
}

/** Offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i + 1;
  }
  return 0;
}

/** Offset after the line break that ends the line holding `offset` (the text's length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  return afterLineBreak(text, lineEndAt(text, offset));
}

/** Where the next line starts when a line ends at `end`: after its line break, or `end` at the end of the text. */
export function afterLineBreak(text: string, end: number): number {
  if (end >= text.length) return end;
  return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

/** The lines of `[start, end)`, without their line breaks. */
export function linesIn(text: string, start: number, end: number): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let cursor = start;
  while (cursor < end) {
    const lineEnd = Math.min(lineEndAt(text, cursor), end);
    lines.push({ start: cursor, end: lineEnd });
    cursor = nextLineStart(text, lineEnd);
    if (cursor <= lineEnd) break;
  }
  return lines;
}
