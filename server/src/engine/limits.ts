/**
 * Pure: every limit the tools apply to what they are given, in one place. A document beyond a
 * limit is declined with one finding that says which limit and how to get under it, so that no
 * input can make the tools hang or exhaust memory. The numbers keep each document within a few
 * seconds and a few hundred megabytes (`npm run bench:pathological` measures them).
 */

export interface StructureLimits {
  /** Headings in the whole document. */
  readonly headings: number;
  /** Lists and block quotes inside one another, on one line. */
  readonly nestingDepth: number;
  /** Lines of one paragraph: the parser's work grows with the square of it. */
  readonly paragraphLines: number;
  /** Lines between two blank lines outside code and tables, whatever the scan makes of them. */
  readonly blockLines: number;
  /** Runs of `*`, `_` or `~` in one paragraph, heading or table cell row. */
  readonly emphasisRuns: number;
  /**
   * Runs of `*`, `_` or `~` in one top-level block (a list, a quote, a paragraph and what joins it,
   * up to the next heading or paragraph at the margin): the parser reads such a block in one
   * piece, at some 25 µs a run, and a server must not wait on one piece for long.
   */
  readonly emphasisRunsPerBlock: number;
  /** Brackets `[` open inside one another in one paragraph. */
  readonly bracketDepth: number;
  /** Closing brackets `]` in one paragraph, whether they close anything or not: the parser's work grows with their square. */
  readonly closingBrackets: number;
  /** Runs of backticks in one paragraph: each may open a code span, looked for to the paragraph's end. */
  readonly backtickRuns: number;
  /** `<` in one paragraph: each may open a comment, a tag or an autolink, looked for to the paragraph's end. */
  readonly angleBrackets: number;
  /** Cells (`|`) on one line. */
  readonly tableColumns: number;
  /** Cells of one table, rows times the wider of the row and the header: the parser takes some 80 µs a cell. */
  readonly tableCells: number;
  /** Link and footnote definitions in the whole document. */
  readonly definitions: number;
}

export interface Limits {
  /** UTF-8 bytes; `.pimrc.json` `maxDocumentSize` and the setting `pim.maxDocumentSize` change it. */
  readonly maxDocumentSize: number;
  /** Findings reported for one document; one more finding says how many were left out. */
  readonly maxFindings: number;
  /** How much of a declined document is searched for its front matter (and read by the CLI from a file too big to check). */
  readonly frontMatterScan: number;
  /** UTF-8 bytes of a `.pimrc.json` or a file it extends. */
  readonly maxConfigSize: number;
  readonly structure: StructureLimits;
}

export const LIMITS: Limits = Object.freeze({
  maxDocumentSize: 5 * 1024 * 1024,
  maxFindings: 500,
  frontMatterScan: 256 * 1024,
  maxConfigSize: 1024 * 1024,
  structure: Object.freeze({
    headings: 10_000,
    nestingDepth: 16,
    paragraphLines: 500,
    blockLines: 5_000,
    emphasisRuns: 500,
    emphasisRunsPerBlock: 5_000,
    bracketDepth: 32,
    closingBrackets: 1_000,
    backtickRuns: 500,
    angleBrackets: 1_000,
    tableColumns: 1_000,
    tableCells: 50_000,
    definitions: 2_000,
  }),
});
