/** `pim-lint coverage`: per file, the status of every principle, sub-step and step, with evidence lines. */
import { printable } from './formats/printable';
import { positionOf, textIn, type Analysis, type ItemCoverage, type Knowledge, type Lang } from '../engine/index';

interface EvidenceLine {
  readonly line: number;
  readonly text: string;
}
interface ItemReport {
  readonly status: ItemCoverage['status'];
  readonly evidence: readonly EvidenceLine[];
}
export interface FileCoverage {
  readonly file: string;
  readonly kind: string | null;
  readonly principles: Record<string, ItemReport>;
  readonly substeps: Record<string, ItemReport>;
  readonly steps: Record<string, ItemReport>;
}

/** Evidence text is cut short: enough to find the place, not a copy of the document. */
const EVIDENCE_CHARS = 120;

export function coverageOf(file: string, analysis: Analysis): FileCoverage {
  const coverage = analysis.coverage;
  const items = (map: Readonly<Record<string, ItemCoverage>>): Record<string, ItemReport> =>
    Object.fromEntries(Object.entries(map).map(([id, item]) => [id, { status: item.status, evidence: item.evidence.map((e) => evidenceLine(analysis, e.span)) }]));
  return { file, kind: analysis.kind?.id ?? null, principles: items(coverage.principles), substeps: items(coverage.substeps), steps: items(coverage.steps) };
}

function evidenceLine(analysis: Analysis, span: { start: number; end: number }): EvidenceLine {
  const text = analysis.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return { line: positionOf(analysis.model, span.start).line, text: text.length > EVIDENCE_CHARS ? `${text.slice(0, EVIDENCE_CHARS - 1)}…` : text };
}

export function formatCoverageJson(files: readonly FileCoverage[]): string {
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

const MARK = { addressed: '[x]', weak: '[~]', missing: '[ ]' } as const;

/** A checklist a reviewer can read: [x] addressed, [~] weak, [ ] missing, with the lines that count. */
export function formatCoverageMarkdown(files: readonly FileCoverage[], k: Knowledge, lang: Lang = 'en'): string {
  const out: string[] = ['# PIM coverage', '', 'Legend: [x] addressed · [~] mentioned in passing · [ ] missing', ''];
  for (const file of files) {
    const count = (map: Record<string, ItemReport>): string => `${Object.values(map).filter((i) => i.status === 'addressed').length}/${Object.keys(map).length}`;
    out.push(`## ${markdownText(file.file)}`, '', `Kind: ${file.kind ?? 'not declared'} · Principles ${count(file.principles)} · Sub-steps ${count(file.substeps)} · Steps ${count(file.steps)}`, '');
    out.push('### PIM Principles', '');
    for (const p of k.principles) out.push(line(textIn(p.names, lang), file.principles[p.id]));
    out.push('', '### PIM Process', '');
    for (const step of k.steps) {
      out.push(line(`**${textIn(step.names, lang)}**`, file.steps[step.id]));
      for (const s of step.substeps) out.push(`  ${line(textIn(s.names, lang), file.substeps[s.id])}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** A file name as Markdown text: punctuation Markdown reads as syntax is escaped, control characters are made visible. */
function markdownText(text: string): string {
  return printable(text).replace(/[\\`*_[\]()<>#|~]/g, '\\$&');
}

function line(name: string, item: ItemReport | undefined): string {
  if (!item) return `- [ ] ${name}`;
  const lines = [...new Set(item.evidence.map((e) => e.line))].slice(0, 6);
  return `- ${MARK[item.status]} ${name}${lines.length > 0 ? ` (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})` : ''}`;
}
