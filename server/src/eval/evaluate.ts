/**
 * Accuracy evaluation: compares the engine's coverage with expert labels in
 * `<folder>/ground-truth.tsv` (columns file, kind, item, label).
 */
import type { Analysis, CoverageStatus } from '../engine/index';

export type Label = 'explicit' | 'explicit-confidentiality-only' | 'weak' | 'absent';
const LABELS: readonly Label[] = ['explicit', 'explicit-confidentiality-only', 'weak', 'absent'];

export interface TruthRow {
  readonly file: string;
  readonly kind: 'step' | 'principle';
  readonly item: string;
  readonly label: Label;
}

export interface Judged extends TruthRow {
  readonly predicted: CoverageStatus;
}

export interface Scores {
  readonly rows: readonly Judged[];
  readonly explicit: number;
  readonly absent: number;
  readonly falseAlarms: number;
  readonly misses: number;
  /** Explicit items reported addressed. */
  readonly explicitHits: number;
  /** Absent items reported missing. */
  readonly absentHits: number;
  readonly agreement: number;
}

export function parseGroundTruth(tsv: string, source = 'ground-truth.tsv'): TruthRow[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t').map((h) => h.trim());
  const col = (name: string): number => {
    const index = header.indexOf(name);
    if (index === -1) throw new Error(`${source}: line 1: no "${name}" column; the header must name file, kind, item and label`);
    return index;
  };
  const [file, kind, item, label] = [col('file'), col('kind'), col('item'), col('label')];
  return lines.map((line, i) => {
    const cells = line.split('\t').map((c) => c.trim());
    const row = { file: cells[file] ?? '', kind: cells[kind] ?? '', item: cells[item] ?? '', label: cells[label] ?? '' };
    if (row.kind !== 'step' && row.kind !== 'principle') throw new Error(`${source}: line ${i + 2}: kind "${row.kind}" must be step or principle`);
    if (!(LABELS as readonly string[]).includes(row.label)) throw new Error(`${source}: line ${i + 2}: label "${row.label}" must be one of ${LABELS.join(', ')}`);
    return row as TruthRow;
  });
}

/** What the engine says about one ground-truth item; a step id stands for the whole step (any of its sub-steps). */
export function predict(analysis: Analysis, row: TruthRow): CoverageStatus {
  const coverage = analysis.coverage;
  const item = row.kind === 'principle' ? coverage.principles[row.item] : (coverage.substeps[row.item] ?? coverage.steps[row.item]);
  if (!item) throw new Error(`ground truth names unknown ${row.kind} "${row.item}" (file ${row.file})`);
  return item.status;
}

export function score(rows: readonly Judged[]): Scores {
  const explicitRows = rows.filter((r) => r.label === 'explicit' || r.label === 'explicit-confidentiality-only');
  const absentRows = rows.filter((r) => r.label === 'absent');
  const agreeing = rows.filter((r) => expectedStatus(r.label) === r.predicted).length;
  return {
    rows,
    explicit: explicitRows.length,
    absent: absentRows.length,
    falseAlarms: explicitRows.filter((r) => r.predicted === 'missing').length,
    misses: absentRows.filter((r) => r.predicted === 'addressed').length,
    explicitHits: explicitRows.filter((r) => r.predicted === 'addressed').length,
    absentHits: absentRows.filter((r) => r.predicted === 'missing').length,
    agreement: rows.length === 0 ? 0 : agreeing / rows.length,
  };
}

export function expectedStatus(label: Label): CoverageStatus {
  return label === 'absent' ? 'missing' : label === 'weak' ? 'weak' : 'addressed';
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
const SHORT: Record<CoverageStatus, string> = { addressed: 'A', weak: 'W', missing: '-' };
const SHORT_LABEL: Record<Label, string> = { explicit: 'E', 'explicit-confidentiality-only': 'E*', weak: 'W', absent: '-' };

export function formatScores(s: Scores): string {
  const out: string[] = [];
  out.push(`false alarms (explicit reported missing): ${s.falseAlarms}/${s.explicit} = ${pct(s.falseAlarms, s.explicit)}   (target <= 3%)`);
  out.push(`misses (absent reported addressed):       ${s.misses}/${s.absent} = ${pct(s.misses, s.absent)}   (target <= 5%)`);
  out.push(`explicit hit rate (reported addressed):   ${s.explicitHits}/${s.explicit} = ${pct(s.explicitHits, s.explicit)}   (target >= 80%)`);
  out.push(`absent hit rate (reported missing):       ${s.absentHits}/${s.absent} = ${pct(s.absentHits, s.absent)}   (target >= 80%)`);
  out.push(`three-way agreement:                      ${(100 * s.agreement).toFixed(1)}% of ${s.rows.length} items   (target >= 70%)`);
  out.push('', 'Confusion (rows: expert label; columns: reported status):', '', ...confusionTable(s.rows));
  out.push('', 'Per item (label -> prediction per file; E explicit, W weak, - absent/missing, A addressed):', '');
  const files = [...new Set(s.rows.map((r) => r.file))];
  const items = [...new Set(s.rows.map((r) => `${r.kind}:${r.item}`))];
  out.push(...files.map((f, i) => `  d${i + 1} = ${f}`), '');
  out.push(`| item | agree | E>A | E>W | E>- | W>A | W>W | W>- | ->A | ->W | ->- | ${files.map((_, i) => `d${i + 1}`).join(' | ')} |`);
  out.push(`|---|---|---|---|---|---|---|---|---|---|---|${files.map(() => '---').join('|')}|`);
  for (const key of items) {
    const rows = s.rows.filter((r) => `${r.kind}:${r.item}` === key);
    const agree = rows.filter((r) => expectedStatus(r.label) === r.predicted).length;
    const cells = files.map((f) => {
      const r = rows.find((row) => row.file === f);
      return r ? `${SHORT_LABEL[r.label]}>${SHORT[r.predicted]}` : '';
    });
    out.push(`| ${key} | ${agree}/${rows.length} | ${confusionCells(rows).join(' | ')} | ${cells.join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}

const CLASSES = ['explicit', 'weak', 'absent'] as const;
const STATUSES: readonly CoverageStatus[] = ['addressed', 'weak', 'missing'];

function classOf(label: Label): (typeof CLASSES)[number] {
  return label === 'absent' ? 'absent' : label === 'weak' ? 'weak' : 'explicit';
}

/** Counts in the order E>A, E>W, E>-, W>A, W>W, W>-, ->A, ->W, ->-. */
function confusionCells(rows: readonly Judged[]): number[] {
  return CLASSES.flatMap((cls) => STATUSES.map((status) => rows.filter((r) => classOf(r.label) === cls && r.predicted === status).length));
}

function confusionTable(rows: readonly Judged[]): string[] {
  const cells = confusionCells(rows);
  return [
    '| expert \\ reported | addressed | weak | missing |',
    '|---|---|---|---|',
    ...CLASSES.map((cls, i) => `| ${cls} | ${cells.slice(3 * i, 3 * i + 3).join(' | ')} |`),
  ];
}
