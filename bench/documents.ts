/**
 * Documents for the benchmark, generated: nothing is downloaded. A seeded generator makes every
 * run see the same text. Shapes: the 5,000-line SOP with `##` sections (and the same text with
 * every heading at `###`), deep lists, long tables, French and Spanish; and three ~1 MB files shaped
 * like the real ones markdownlint is compared on: a long handbook with footnotes, and changelogs
 * shaped like ESLint's (a paragraph and a list per release, no headings) and pandoc's (a heading
 * and one long nested list per release).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'documents');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** Mulberry32: small, fast and good enough to vary text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;
const picker = (next: () => number): Pick => (items) => items[Math.floor(next() * items.length)] as (typeof items)[number];

/** A fixture's body repeated with numbered headings until the document has about `lines` lines. */
function repeatedFixture(name: string, lines: number): string {
  const base = fixture(name);
  const [frontMatter, body] = [base.slice(0, base.indexOf('# ')), base.slice(base.indexOf('# '))];
  const parts = [frontMatter];
  let count = frontMatter.split('\n').length;
  for (let round = 1; count < lines; round++) {
    const chunk = body.replace(/^(#+) (.*)$/gm, (_, hashes: string, title: string) => `${hashes}# ${title} (part ${round})`).replace(/^## # /m, '# ');
    parts.push(chunk, `\n- item ${round}: the monitor records the answer in the form\n  - nested note ${round}\n\n| indicator | value |\n|---|---|\n| households visited | ${round * 7} |\n\n`);
    count += chunk.split('\n').length + 8;
  }
  return parts.join('\n');
}

/** The protection-monitoring SOP of the fixtures, repeated to about `lines` lines: one `#` title, `##` sections. */
export function largeSop(lines = 5000): string {
  return repeatedFixture('en-sop-good.md', lines);
}

/**
 * The SOP for the scaling figure, its headings below level 2 turned into bold labels: at 100,000
 * lines it keeps some 1,500 headings, under the 10,000 that decline a document.
 */
export function scalingDocument(lines: number): string {
  return largeSop(lines).replace(/^#{3,6} (.*)$/gm, '**$1**');
}

/** The same text with every ATX heading at level 3 (front matter untouched): no level-1 or level-2 heading anywhere. */
export function allHeadingsAtLevel3(text: string): string {
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 4) + 5 : 0;
  return text.slice(0, end) + text.slice(end).replace(/^#{1,6}(?=[ \t])/gm, '###');
}

export function frenchDocument(lines = 5000): string {
  return repeatedFixture('fr-isp-draft.md', lines);
}

export function spanishDocument(lines = 5000): string {
  return repeatedFixture('es-report.md', lines);
}

const SENTENCES = [
  'The monitor explains the purpose of the interview and records verbal consent on the form.',
  'Participation is voluntary and the respondent may stop at any time without any effect on assistance.',
  'Personal data is stored on encrypted devices and access is restricted to the two named data managers.',
  'A risk assessment of each location is done before visits and mitigation measures are agreed with partners.',
  'When a respondent discloses an incident, the monitor offers a referral through the agreed referral pathway.',
  'Raw data is retained for twelve months after the final report and then deleted.',
  'Aggregated findings are shared with cluster partners under the information sharing protocol.',
  'The analysis compares protection trends between months and locations and is triangulated with secondary data.',
  'Affected communities are consulted on the questions, and the results are returned to them in community meetings.',
  'Supervisors run spot checks on five percent of interviews, and data cleaning is done every week.',
  'No names or contact details are collected, and answers remain confidential.',
  'The data protection focal point reviews every request for individual data before anything is shared.',
  'Children are interviewed only with the consent of a caregiver and their own assent.',
  'Any data breach is reported to the focal point within 24 hours and the affected people are informed where it is safe.',
  'Enumerators receive three days of training on the tools, on interview techniques and on psychological first aid.',
];
const SENTENCE_STARTS = ['In each district,', 'Where possible,', 'As a rule,', 'During the pilot,', 'For every partner,', 'Before the launch,'];

function sentences(pick: Pick, count: number): string {
  return Array.from({ length: count }, () => pick(SENTENCES)).join(' ');
}

/** A procedure written as nested lists, up to six levels deep, under `##` sections. */
export function deepLists(lines = 5000): string {
  const pick = picker(random(1));
  const out = ['---', 'pim:', '  kind: protection-monitoring-sop', '---', '# Procedures of the protection monitoring team', ''];
  for (let section = 1; out.length < lines; section++) {
    out.push(`## Procedure ${section}: ${pick(['data collection', 'referral', 'data management', 'sharing', 'consent'])}`, '');
    for (let item = 0; item < 40; item++) {
      const depth = Math.min(5, Math.floor(item / 3) % 6);
      out.push(`${'  '.repeat(depth)}- ${pick(SENTENCES)}`);
      if (item % 7 === 6) out.push(`${'  '.repeat(depth)}  ${pick(SENTENCES)}`);
    }
    out.push('', sentences(pick, 3), '');
  }
  return `${out.join('\n')}\n`;
}

/** Risk registers and indicator tables of hundreds of rows, with a little prose between them. */
export function longTables(lines = 5000): string {
  const pick = picker(random(2));
  const out = ['---', 'pim:', '  kind: assessment-methodology', '---', '# Risk register of the assessment', ''];
  for (let table = 1; out.length < lines; table++) {
    out.push(`## Register ${table}`, '', sentences(pick, 2), '', '| Risk | Likelihood | Impact | Mitigation | Owner |', '|---|---|---|---|---|');
    for (let row = 0; row < 300; row++) {
      out.push(`| ${pick(SENTENCES)} | ${pick(['low', 'medium', 'high'])} | ${pick(['low', 'medium', 'high'])} | ${pick(['private interviews', 'encrypted devices', 'no names recorded', 'referral available'])} | ${pick(['team leader', 'protection officer', 'data manager'])} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

const HANDBOOK_TOPICS = [
  'Protection information management', 'Data protection', 'Informed consent', 'Do no harm', 'Referral pathways', 'Data sharing',
  'Protection monitoring', 'Needs assessment', 'Case management', 'Retention and deletion', 'Security of data', 'Community engagement',
];

/** A long handbook as pandoc converts one from a word processor: chapters, sections, lists, tables, quotes, and footnotes defined at the end. */
export function handbook(bytes = 1_000_000): string {
  const next = random(3);
  const pick = picker(next);
  const out: string[] = ['# Handbook on protection information management', '', sentences(pick, 4), ''];
  const notes: string[] = [];
  let size = 0;
  const push = (...lines: string[]): void => {
    for (const line of lines) size += line.length + 1;
    out.push(...lines);
  };
  const paragraph = (): string => {
    const opening = sentences(pick, 2 + Math.floor(next() * 4));
    const text = `${pick(SENTENCE_STARTS)} ${opening.charAt(0).toLowerCase()}${opening.slice(1)}`;
    if (next() < 0.3) {
      notes.push(`[^${notes.length + 1}]: ${pick(['See', 'Compare', 'As set out in'])} the ${pick(HANDBOOK_TOPICS).toLowerCase()} guidance, chapter ${1 + Math.floor(next() * 12)}, p. ${1 + Math.floor(next() * 300)}.`);
      return `${text}[^${notes.length}]`;
    }
    return text;
  };
  for (let chapter = 1; size < bytes; chapter++) {
    push(`# Chapter ${chapter}: ${pick(HANDBOOK_TOPICS)}`, '', paragraph(), '');
    for (let section = 1; section <= 6; section++) {
      push(`## ${chapter}.${section} ${pick(HANDBOOK_TOPICS)} in practice`, '', paragraph(), '', paragraph(), '');
      for (let sub = 1; sub <= 3; sub++) {
        push(`### ${chapter}.${section}.${sub} ${pick(['Why it matters', 'Minimum standards', 'Good practice', 'Common pitfalls'])}`, '', paragraph(), '');
        const shape = next();
        if (shape < 0.3) push(...Array.from({ length: 5 }, (_, i) => `${i % 2 ? '  ' : ''}- ${pick(SENTENCES)}`), '');
        else if (shape < 0.45) push(...Array.from({ length: 4 }, (_, i) => `${i + 1}. ${pick(SENTENCES)}`), '');
        else if (shape < 0.55) push(`> **Example.** ${sentences(pick, 3)}`, '>', `> ${pick(SENTENCES)}`, '');
        else if (shape < 0.62) push('| Standard | What it asks |', '|---|---|', ...Array.from({ length: 6 }, () => `| ${pick(HANDBOOK_TOPICS)} | ${pick(SENTENCES)} |`), '');
        push(paragraph(), '');
      }
    }
  }
  return `${out.join('\n')}\n${notes.join('\n\n')}\n`;
}

const COMMIT_KINDS = ['feat', 'fix', 'docs', 'chore', 'refactor', 'test', 'build', 'ci', 'perf'];
const COMMIT_TOPICS = [
  'add `allowTaggedTemplates` option to `no-unused-expressions`', 'correct message of `no-restricted-imports`', 'update links in the getting started guide',
  'upgrade @eslint/js to the latest version', 'handle `await using` in `prefer-const`', 'report unnecessary parentheses around the right side of `in`',
  'add missing `meta.defaultOptions` to core rules', 'fix false positive in `no-useless-backreference` for lookbehind', 'switch the website search to the new index',
];
const PEOPLE = ['Milos Djermanovic', 'Francesco Trotta', 'Nitin Kumar', 'Josh Goldberg', 'Amaresh S M', 'Tanuj Kanti', 'Kirk Waiblinger', 'fisker Cheung'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function hex(next: () => number, length: number): string {
  return Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
}

/** Shaped like ESLint's CHANGELOG.md: per release a `vX.Y.Z - date` paragraph and a list of commit links, no headings at all. */
export function eslintChangelog(bytes = 1_000_000): string {
  const next = random(4);
  const pick = picker(next);
  const out: string[] = [];
  let size = 0;
  for (let release = 0; size < bytes; release++) {
    const lines = [`v${9 - Math.floor(release / 60)}.${59 - (release % 60)}.${release % 3} - ${pick(MONTHS)} ${1 + Math.floor(next() * 28)}, ${2024 - Math.floor(release / 25)}`, ''];
    const commits = 5 + Math.floor(next() * 30);
    for (let c = 0; c < commits; c++) {
      const sha = hex(next, 40);
      lines.push(`* [\`${sha.slice(0, 7)}\`](https://github.com/eslint/eslint/commit/${sha}) ${pick(COMMIT_KINDS)}: ${pick(COMMIT_TOPICS)} (#${16000 + Math.floor(next() * 3000)}) (${pick(PEOPLE)})`);
    }
    lines.push('');
    for (const line of lines) size += line.length + 1;
    out.push(...lines);
  }
  return `${out.join('\n')}\n`;
}

const MODULES = ['Markdown reader', 'LaTeX writer', 'HTML writer', 'Docx reader', 'Typst writer', 'Lua filters', 'Text.Pandoc.PDF', 'RST reader', 'EPUB writer', 'Org reader'];
const CHANGES = [
  'Fix regression in handling of `--file-scope` with multiple inputs', 'Support `\\cite` with optional arguments', 'Do not emit empty `<span>` elements for identifiers',
  'Allow attributes on fenced divs that start with a number', 'Improve handling of tables with column spans', 'Use `lang` attribute from metadata when set',
  'Escape `|` in table cells', 'Add `--list-extensions` output for the format', 'Handle nested emphasis inside links correctly',
];

/** Shaped like pandoc's changelog.md: a `##` heading per release over one long loose list of modules, each with a nested list of wrapped items. */
export function pandocChangelog(bytes = 1_000_000): string {
  const next = random(5);
  const pick = picker(next);
  const out: string[] = ['# Revision history for pandoc', ''];
  let size = 0;
  for (let release = 0; size < bytes; release++) {
    const lines = [`## pandoc 3.${60 - Math.floor(release / 4)}.${release % 4} (${2024 - Math.floor(release / 12)}-${String(1 + (release % 12)).padStart(2, '0')}-15)`, ''];
    const modules = 8 + Math.floor(next() * 30);
    for (let m = 0; m < modules; m++) {
      if (next() < 0.4) {
        lines.push(`  * ${pick(CHANGES)} (#${8000 + Math.floor(next() * 2000)},`, `    ${pick(PEOPLE)}).`, '');
        continue;
      }
      lines.push(`  * ${pick(MODULES)}:`, '');
      const items = 1 + Math.floor(next() * 6);
      for (let i = 0; i < items; i++) {
        lines.push(`    + ${pick(CHANGES)}. The change also affects [the manual](https://pandoc.org/MANUAL.html#${pick(['tables', 'citations', 'divs'])})`, `      and is noted here (#${8000 + Math.floor(next() * 2000)}).`);
        if (next() < 0.1) lines.push('', '          pandoc -f markdown -t typst --file-scope input.md', '');
      }
      lines.push('');
    }
    for (const line of lines) size += line.length + 1;
    out.push(...lines);
  }
  return `${out.join('\n')}\n`;
}

/** Real-size documents of every kind and language in the repository: the fixtures and the examples. */
export function smallDocuments(): string[] {
  const root = join(import.meta.dirname, '..');
  const names = ['en-methodology-poor.md', 'en-sop-good.md', 'es-report.md', 'fr-isp-draft.md', 'lever-policy.md', 'lever-section-other-name.md', 'messy.md', 'suppressions.md'];
  const examples = ['assessment-methodology.md', 'protocole-partage-information.md', 'referral-sop-draft.md', 'data-sharing-agreement-poor.md'];
  return [...names.map(fixture), ...examples.map((name) => readFileSync(join(root, 'examples', name), 'utf8'))];
}
