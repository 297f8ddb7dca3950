/**
 * Findings evaluation: compares what the linter tells a reviewer with `findings-truth.tsv`
 * (columns file, expect, topic, line, note) and kind inference with `kinds.tsv` (file, kind, note).
 */
import { rules, type Finding, type Knowledge } from '../engine/index';
import { findingTopics } from './topics';

export type Expectation = 'flag' | 'silent';

export interface FindingTruth {
  readonly file: string;
  readonly expect: Expectation;
  readonly topic: string;
  /** Inclusive line range, or undefined for the document as a whole (`doc`). */
  readonly lines?: { readonly from: number; readonly to: number };
  readonly note: string;
}

/** A finding with the line it starts on. */
export interface LinedFinding {
  readonly finding: Finding;
  readonly line: number;
}

export interface FindingsScore {
  readonly flags: number;
  readonly met: number;
  readonly silents: number;
  readonly contradicted: number;
  readonly unmet: readonly FindingTruth[];
  readonly contradictions: readonly { readonly row: FindingTruth; readonly by: LinedFinding }[];
}

/** A finding shown on a place counts for a row when it is this close to the row's lines. */
export const NEAR_LINES = 3;

export function parseFindingsTruth(tsv: string, source = 'findings-truth.tsv'): FindingTruth[] {
  return readTable(tsv, source, ['file', 'expect', 'topic', 'line']).map(({ get, line }) => {
    const expect = get('expect');
    if (expect !== 'flag' && expect !== 'silent') throw new Error(`${source}: line ${line}: expect "${expect}" must be flag or silent`);
    const where = get('line');
    const range = /^(\d+)(?:-(\d+))?$/.exec(where);
    if (!range && where !== 'doc') throw new Error(`${source}: line ${line}: line "${where}" must be a number, a range like 23-27, or doc`);
    const lines = range ? { from: Number(range[1]), to: Number(range[2] ?? range[1]) } : undefined;
    return { file: get('file'), expect, topic: get('topic'), ...(lines ? { lines } : {}), note: get('note') };
  });
}

/** file -> kind id, or `none` where no kind fits. */
export function parseKinds(tsv: string, source = 'kinds.tsv'): Map<string, string> {
  return new Map(readTable(tsv, source, ['file', 'kind']).map(({ get }) => [get('file'), get('kind')]));
}

export function scoreFindings(truth: readonly FindingTruth[], findingsByFile: ReadonlyMap<string, readonly LinedFinding[]>, knowledge: Knowledge): FindingsScore {
  const unmet: FindingTruth[] = [];
  const contradictions: { row: FindingTruth; by: LinedFinding }[] = [];
  let met = 0;
  for (const row of truth) {
    const findings = findingsByFile.get(row.file);
    if (!findings) continue;
    const onTopic = findings.filter((f) => findingTopics(f.finding, knowledge).includes(row.topic) && isNear(f, row));
    if (row.expect === 'flag') {
      if (onTopic.length > 0) met++;
      else unmet.push(row);
    } else {
      const against = onTopic.find((f) => f.finding.severity === 'error' || f.finding.severity === 'warning');
      if (against) contradictions.push({ row, by: against });
    }
  }
  const judged = truth.filter((r) => findingsByFile.has(r.file));
  return {
    flags: judged.filter((r) => r.expect === 'flag').length,
    met,
    silents: judged.filter((r) => r.expect === 'silent').length,
    contradicted: contradictions.length,
    unmet,
    contradictions,
  };
}

/** Findings about the document as a whole are near every line; the others must be near the row's lines. */
function isNear(lined: LinedFinding, row: FindingTruth): boolean {
  if (!row.lines || scopeOf(lined.finding.ruleId) === 'document') return true;
  return lined.line >= row.lines.from - NEAR_LINES && lined.line <= row.lines.to + NEAR_LINES;
}

const SCOPES = new Map(rules.map((r) => [r.id, r.scope]));

function scopeOf(ruleId: string): 'document' | 'text' {
  return SCOPES.get(ruleId) ?? 'text';
}

export function formatFindingsScore(s: FindingsScore): string {
  const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  const out = [
    `findings recall (flag rows met):         ${s.met}/${s.flags} = ${pct(s.met, s.flags)}   (target >= 80%)`,
    `findings false alarms (silent rows hit): ${s.contradicted}/${s.silents} = ${pct(s.contradicted, s.silents)}   (target <= 5%)`,
  ];
  if (s.unmet.length > 0) out.push('', 'Unmet flag rows:', ...s.unmet.map((r) => `  ${r.file}:${lineText(r)} ${r.topic}: ${r.note}`));
  if (s.contradictions.length > 0) {
    out.push('', 'Contradicted silent rows:');
    for (const { row, by } of s.contradictions) out.push(`  ${row.file}:${lineText(row)} ${row.topic}: ${by.finding.ruleId} at line ${by.line}: ${by.finding.message}`);
  }
  return `${out.join('\n')}\n`;
}

export interface KindScore {
  /** Documents an expert gives a kind. */
  readonly withKind: number;
  readonly matched: number;
  /** Documents of no kind, and how many of them were told they lack three or more sections. */
  readonly withoutKind: number;
  readonly flooded: readonly string[];
  readonly rows: readonly { readonly file: string; readonly expected: string; readonly inferred: string }[];
}

/** Three or more missing sections on a document of no kind is a flood of the wrong checklist. */
export const FLOOD = 3;

export function scoreKinds(expected: ReadonlyMap<string, string>, inferred: ReadonlyMap<string, { readonly kind: string; readonly missingSections: number }>): KindScore {
  const rows = [...expected].filter(([file]) => inferred.has(file)).map(([file, kind]) => ({ file, expected: kind, inferred: inferred.get(file)?.kind ?? 'none' }));
  const withKind = rows.filter((r) => r.expected !== 'none');
  const without = rows.filter((r) => r.expected === 'none');
  return {
    withKind: withKind.length,
    matched: withKind.filter((r) => r.inferred === r.expected).length,
    withoutKind: without.length,
    flooded: without.filter((r) => (inferred.get(r.file)?.missingSections ?? 0) >= FLOOD).map((r) => r.file),
    rows,
  };
}

export function formatKindScore(s: KindScore): string {
  const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  const out = [
    `kind inference (documents with a kind):  ${s.matched}/${s.withKind} = ${pct(s.matched, s.withKind)}   (target >= 80%)`,
    `documents of no kind told they lack ${FLOOD}+ sections: ${s.flooded.length} of ${s.withoutKind}   (target none)${s.flooded.length > 0 ? `: ${s.flooded.join(', ')}` : ''}`,
    '',
    '| file | expert | inferred |',
    '|---|---|---|',
    ...s.rows.map((r) => `| ${r.file} | ${r.expected} | ${r.inferred}${kindMark(r, s)} |`),
  ];
  return `${out.join('\n')}\n`;
}

/** ✗ where the expert's kind is missed, or a document of no kind is flooded; a documented no-kind document may get a kind it nearly fits. */
function kindMark(row: KindScore['rows'][number], s: KindScore): string {
  if (row.expected !== 'none') return row.inferred === row.expected ? '' : ' ✗';
  return s.flooded.includes(row.file) ? ` ✗ (${FLOOD}+ sections missing)` : '';
}

function lineText(row: FindingTruth): string {
  return row.lines ? (row.lines.from === row.lines.to ? `${row.lines.from}` : `${row.lines.from}-${row.lines.to}`) : 'doc';
}

/** Rows of a tab-separated table read by column name; `get` answers '' for a missing cell or column. */
function readTable(tsv: string, source: string, required: readonly string[]): { get: (column: string) => string; line: number }[] {
  const lines = tsv.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  for (const name of required) {
    if (!header.includes(name)) throw new Error(`${source}: line 1: no "${name}" column; the header must name ${required.join(', ')}`);
  }
  return lines.flatMap((text, i) => {
    if (i === 0 || text.trim() === '') return [];
    const cells = text.split('\t').map((c) => c.trim());
    return [{ get: (column: string) => cells[header.indexOf(column)] ?? '', line: i + 1 }];
  });
}
