/** `pim-lint coverage`: per file, the status of every principle, sub-step and step, with evidence lines. */
import { printable } from './formats/printable';
import { positionOf, textIn, type DocumentFacts, type ItemCoverage, type Knowledge, type Lang, type PimService, type ProjectCoverage, type ProjectItem, type Span } from '../service/index';

interface EvidenceLine {
  /** Present in project reports, whose evidence comes from several files. */
  readonly file?: string;
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

export function coverageOf(file: string, facts: DocumentFacts, text: string): FileCoverage {
  const coverage = facts.coverage;
  const items = (map: Readonly<Record<string, ItemCoverage>>): Record<string, ItemReport> =>
    Object.fromEntries(Object.entries(map).map(([id, item]) => [id, { status: item.status, evidence: item.evidence.map((e) => evidenceLine(text, facts.lineStarts, e.span)) }]));
  return { file, kind: facts.kind ?? null, principles: items(coverage.principles), substeps: items(coverage.substeps), steps: items(coverage.steps) };
}

/** A project as `files` shows a file: every item with its status, and evidence lines that name their file. */
export interface ProjectCoverageReport {
  readonly name: string;
  readonly files: readonly string[];
  readonly principles: Record<string, ItemReport>;
  readonly substeps: Record<string, ItemReport>;
  readonly steps: Record<string, ItemReport>;
}

export function projectCoverageOf(project: ProjectCoverage, display: (uri: string) => string, service: PimService): ProjectCoverageReport {
  const items = (map: Readonly<Record<string, ProjectItem>>): Record<string, ItemReport> =>
    Object.fromEntries(
      Object.entries(map).map(([id, item]) => [
        id,
        { status: item.status, evidence: item.evidence.map((e) => ({ file: display(e.uri), ...evidenceLine(service.text(e.uri) ?? '', service.lineStarts(e.uri) ?? [0], e.span) })) },
      ]),
    );
  return { name: project.name, files: project.documents.map(display), principles: items(project.principles), substeps: items(project.substeps), steps: items(project.steps) };
}

function evidenceLine(text: string, lineStarts: readonly number[], span: Span): EvidenceLine {
  const words = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return { line: positionOf({ lineStarts }, span.start).line, text: words.length > EVIDENCE_CHARS ? `${words.slice(0, EVIDENCE_CHARS - 1)}…` : words };
}

export function formatCoverageJson(files: readonly FileCoverage[], projects: readonly ProjectCoverageReport[]): string {
  return `${JSON.stringify({ files, projects }, null, 2)}\n`;
}

const MARK = { addressed: '[x]', weak: '[~]', missing: '[ ]' } as const;

/** A checklist a reviewer can read: [x] addressed, [~] weak, [ ] missing, with the lines that count; projects first. */
export function formatCoverageMarkdown(files: readonly FileCoverage[], k: Knowledge, lang: Lang = 'en', projects: readonly ProjectCoverageReport[] = []): string {
  const out: string[] = ['# PIM coverage', '', 'Legend: [x] addressed · [~] mentioned in passing · [ ] missing', ''];
  for (const project of projects) {
    out.push(`## Project ${markdownText(project.name)}`, '', `Documents: ${project.files.map(markdownText).join(', ')} · ${counts(project)}`, '');
    out.push(...checklist(project, k, lang));
  }
  for (const file of files) {
    out.push(`## ${markdownText(file.file)}`, '', `Kind: ${file.kind ?? 'not declared'} · ${counts(file)}`, '');
    out.push(...checklist(file, k, lang));
  }
  return `${out.join('\n')}\n`;
}

type Checklist = Pick<FileCoverage, 'principles' | 'substeps' | 'steps'>;

function counts(items: Checklist): string {
  const count = (map: Record<string, ItemReport>): string => `${Object.values(map).filter((i) => i.status === 'addressed').length}/${Object.keys(map).length}`;
  return `Principles ${count(items.principles)} · Sub-steps ${count(items.substeps)} · Steps ${count(items.steps)}`;
}

function checklist(items: Checklist, k: Knowledge, lang: Lang): string[] {
  const out = ['### PIM Principles', ''];
  for (const p of k.principles) out.push(line(textIn(p.names, lang), items.principles[p.id]));
  out.push('', '### PIM Process', '');
  for (const step of k.steps) {
    out.push(line(`**${textIn(step.names, lang)}**`, items.steps[step.id]));
    for (const s of step.substeps) out.push(`  ${line(textIn(s.names, lang), items.substeps[s.id])}`);
  }
  out.push('');
  return out;
}

/** A file name as Markdown text: punctuation Markdown reads as syntax is escaped, control characters are made visible. */
function markdownText(text: string): string {
  return printable(text).replace(/[\\`*_[\]()<>#|~]/g, '\\$&');
}

function line(name: string, item: ItemReport | undefined): string {
  if (!item) return `- [ ] ${name}`;
  const places = [...new Set(item.evidence.map((e) => (e.file ? `${markdownText(e.file)}:${e.line}` : String(e.line))))].slice(0, 6);
  const where = item.evidence.some((e) => e.file) ? places.join(', ') : `line${places.length > 1 ? 's' : ''} ${places.join(', ')}`;
  return `- ${MARK[item.status]} ${name}${places.length > 0 ? ` (${where})` : ''}`;
}
