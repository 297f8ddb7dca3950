/**
 * Documents shaped to make a Markdown parser or a linter slow: the budgets of issue 11 and the
 * classic cases of CommonMark's pathological tests. Shared by `npm run bench:pathological`
 * (times and memory through the CLI and the server) and `test/engine/pathological.test.ts`
 * (the outcome: declined with one finding that says why, or checked).
 */

const FRONT_MATTER = '---\npim:\n  kind: protection-monitoring-sop\n---\n';
const doc = (body: string): string => `${FRONT_MATTER}# Protection monitoring SOP\n\n${body}`;
const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('');

export interface PathologicalInput {
  readonly name: string;
  /** From the budgets of the issue, as opposed to the further cases. */
  readonly budget: boolean;
  readonly make: () => string;
}

export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[] = [
  { name: '100,000 headings', budget: true, make: () => doc(lines(100_000, (i) => `## Heading ${i}\n\n`)) },
  { name: '100,000 headings, no blank lines', budget: true, make: () => doc(lines(100_000, (i) => `## Heading ${i}\n`)) },
  { name: 'list nested 5,000 deep by markers', budget: true, make: () => doc(`${'- '.repeat(5000)}a\n`) },
  { name: 'list nested 5,000 deep by indentation', budget: true, make: () => doc(lines(5000, (i) => `${' '.repeat(2 * i)}- a\n`)) },
  { name: 'list nested 1,000 deep by indentation', budget: false, make: () => doc(lines(1000, (i) => `${' '.repeat(2 * i)}- a\n`)) },
  { name: 'quotes nested 5,000 deep by markers', budget: true, make: () => doc(`${'> '.repeat(5000)}a\n`) },
  { name: 'quotes nested 5,000 deep, one more per line', budget: true, make: () => doc(lines(5000, (i) => `${'>'.repeat(i + 1)} a\n`)) },
  { name: 'quotes nested 1,000 deep, one more per line', budget: false, make: () => doc(lines(1000, (i) => `${'>'.repeat(i + 1)} a\n`)) },
  { name: 'lists and quotes mixed 5,000 deep', budget: false, make: () => doc(`${'> - '.repeat(2500)}a\n`) },
  { name: 'a 1 MB single line', budget: true, make: () => doc(`${'word '.repeat(200_000)}\n`) },
  { name: 'a 1 MB single word', budget: false, make: () => doc(`${'a'.repeat(1_000_000)}\n`) },
  { name: '10,000 table columns', budget: true, make: () => doc(`|${' a |'.repeat(10_000)}\n|${' - |'.repeat(10_000)}\n|${' b |'.repeat(10_000)}\n`) },
  { name: '10,000 nested links', budget: true, make: () => doc(`${'['.repeat(10_000)}a${'](u)'.repeat(10_000)}\n`) },
  { name: '*a × 50,000', budget: true, make: () => doc(`${'*a'.repeat(50_000)}\n`) },
  { name: 'a list of 1,000 items of 250 emphasis runs', budget: false, make: () => doc(lines(1000, () => `- ${'*a '.repeat(250)}\n`)) },
  { name: 'a table of 1,000 columns and 1,000 rows', budget: false, make: () => doc(`|${' a |'.repeat(1000)}\n|${' - |'.repeat(1000)}\n${lines(1000, () => `|${' b |'.repeat(1000)}\n`)}`) },
  { name: '20,000 link definitions', budget: true, make: () => doc(lines(20_000, (i) => `[l${i}]: https://example.org/${i}\n`)) },
  { name: '20,000 link definitions, blank lines between', budget: true, make: () => doc(lines(20_000, (i) => `[l${i}]: https://example.org/${i}\n\n`)) },
  // CommonMark's pathological tests (cmark, commonmark.js), at sizes near theirs.
  { name: 'nested strong emphasis', budget: false, make: () => doc(`${'*a **a '.repeat(65_000)}b${' a** a*'.repeat(65_000)}\n`) },
  { name: 'emphasis closers with no openers', budget: false, make: () => doc(`${'a_ '.repeat(65_000)}\n`) },
  { name: 'emphasis openers with no closers', budget: false, make: () => doc(`${'_a '.repeat(65_000)}\n`) },
  { name: 'link closers with no openers', budget: false, make: () => doc(`${'a]'.repeat(65_000)}\n`) },
  { name: 'link openers with no closers', budget: false, make: () => doc(`${'[a'.repeat(65_000)}\n`) },
  { name: 'mismatched openers and closers', budget: false, make: () => doc(`${'*a_ '.repeat(50_000)}\n`) },
  { name: 'link openers and emphasis closers', budget: false, make: () => doc(`${'[ a_'.repeat(50_000)}\n`) },
  { name: 'pattern [ (]( repeated', budget: false, make: () => doc(`${'[ (]('.repeat(80_000)}\n`) },
  { name: 'unclosed links', budget: false, make: () => doc(`${'[a](<b'.repeat(30_000)}\n`) },
  { name: 'unclosed <!--', budget: false, make: () => doc(`</${'<!--'.repeat(300_000)}\n`) },
  { name: 'backtick runs of every length', budget: false, make: () => doc(lines(1400, (i) => `e${'`'.repeat(i + 1)}`)) },
  { name: 'a paragraph of 32,000 lines', budget: false, make: () => doc(lines(32_000, () => 'Some words in a line of text\n')) },
  { name: 'a quote of 32,000 lazy lines', budget: false, make: () => doc(`> a\n${lines(32_000, () => 'Some words in a line of text\n')}`) },
  { name: 'a list of 100,000 items', budget: false, make: () => doc(lines(100_000, () => '- a plain list item\n')) },
  { name: 'ordered items that continue one paragraph', budget: false, make: () => doc(`1. a\n${lines(50_000, () => '   2. *a*\n')}`) },
  { name: 'a 20 MB document', budget: false, make: () => doc(lines(400_000, (i) => `Paragraph ${i} of the monitoring procedure, with words.\n\n`)) },
  // Just under the limits: these are checked, and must stay within the budget too.
  { name: 'at the limit: 10,000 headings', budget: false, make: () => doc(lines(9_999, (i) => `## Heading ${i}\n\nThe monitor records the answer.\n\n`)) },
  { name: 'at the limit: 16 levels, 2,000 times', budget: false, make: () => doc(lines(2000, () => `${'> '.repeat(15)}a line of text\n\n`)) },
  { name: 'at the limit: 500-line paragraphs, 1 MB', budget: false, make: () => doc(lines(70, () => `${lines(500, () => 'Some words in a line of text\n')}\n`)) },
  { name: 'at the limit: 5,000 emphasis runs in one list', budget: false, make: () => doc(lines(100, () => `- ${'*a* '.repeat(25)}\n`)) },
  { name: 'at the limit: 500 emphasis runs per paragraph, 250 paragraphs', budget: false, make: () => doc(lines(250, () => `${'*a* '.repeat(250)}\n\n`)) },
  { name: 'at the limit: 2,000 definitions under 1,000 headings', budget: false, make: () => doc(`${lines(1000, (i) => `## Part ${i}\n\nSee [l${i}] and [l${i + 1000}].\n\n`)}${lines(2000, (i) => `[l${i}]: https://example.org/${i}\n\n`)}`) },
  { name: 'at the limit: 1,000 table columns, 48 rows', budget: false, make: () => doc(`|${' a |'.repeat(1000)}\n|${' - |'.repeat(1000)}\n${lines(48, () => `|${' b |'.repeat(1000)}\n`)}`) },
];
