/**
 * Pure: the coverage report as one self-contained HTML page (no external asset, no script unless
 * the caller adds one): per project and per document a Process × Principles matrix, the findings,
 * and the evidence, each linked back to its file and line. `pim-lint report` writes it; the
 * editor shows it in a webview.
 */
import { message, positionOf, textIn, type CoverageStatus, type Knowledge, type Lang } from '../engine/index';
import type { DocumentFacts, ServiceFinding } from './facts';
import type { ProjectCoverage } from './projects';

export interface ReportDocument {
  readonly facts: DocumentFacts;
  readonly findings: readonly ServiceFinding[];
  /** How the report names the file: a relative path. */
  readonly name: string;
  /** Where a link to the file goes: a relative path or a URI. */
  readonly href: string;
  readonly text: string;
}

export interface ReportInput {
  readonly knowledge: Knowledge;
  readonly language: Lang;
  readonly documents: readonly ReportDocument[];
  readonly projects: readonly ProjectCoverage[];
  /** When the report was made, as the caller words it (the pure code has no clock). */
  readonly generated: string;
  readonly version: string;
  /** Extra elements for the head, such as a content security policy and a script in a webview. */
  readonly head?: string;
}

type StatusMap = Readonly<Record<string, { readonly status: CoverageStatus }>>;
interface Coverage {
  readonly principles: StatusMap;
  readonly substeps: StatusMap;
  readonly steps: StatusMap;
}
type Status = CoverageStatus;

const EVIDENCE_CHARS = 140;
const SEVERITY_ORDER = ['error', 'warning', 'info', 'hint'] as const;

export function coverageReportHtml(input: ReportInput): string {
  const t = (key: string, params?: Record<string, string | number>): string => message(input.knowledge, key, input.language, params);
  const byUri = new Map(input.documents.map((d) => [d.facts.uri, d]));
  const body: string[] = [
    `<header><h1>${esc(t('report.title'))}</h1><p class="meta">${esc(t('report.meta', { count: input.documents.length, projects: input.projects.length, generated: input.generated, version: input.version }))}</p>`,
    legend(t),
    '</header>',
  ];
  if (input.documents.length === 0) body.push(`<p class="empty">${esc(t('report.empty'))}</p>`);
  for (const project of input.projects) body.push(projectSection(project, input, byUri, t));
  for (const document of input.documents) body.push(documentSection(document, input, t));
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(input.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(t('report.title'))}</title>`,
    `<style>${STYLE}</style>`,
    input.head ?? '',
    '</head>',
    `<body>${body.join('\n')}</body>`,
    '</html>',
    '',
  ].join('\n');
}

function legend(t: (key: string) => string): string {
  return `<p class="legend">${(['addressed', 'weak', 'missing'] as const).map((s) => `<span class="badge ${s}">${esc(t(`report.status.${s}`))}</span>`).join(' ')} <span class="badge na">${esc(t('report.status.na'))}</span> ${esc(t('report.legend'))}</p>`;
}

function projectSection(project: ProjectCoverage, input: ReportInput, byUri: ReadonlyMap<string, ReportDocument>, t: (key: string, params?: Record<string, string | number>) => string): string {
  const members = project.documents.map((uri) => byUri.get(uri)).filter((d): d is ReportDocument => d !== undefined);
  const coverage: Coverage = { principles: project.principles, substeps: project.substeps, steps: project.steps };
  const where = (group: keyof Coverage, id: string): string => {
    const item = project[group][id];
    const evidence = item?.evidence[0];
    const document = evidence ? byUri.get(evidence.uri) : undefined;
    return document && evidence ? `${document.name}:${positionOf({ lineStarts: document.facts.lineStarts }, evidence.span.start).line}` : '';
  };
  return [
    `<section class="project"><h2>${esc(t('report.project', { name: project.name }))}</h2>`,
    `<p class="meta">${esc(t('report.documents'))}: ${members.map((d) => `<a href="#${anchorOf(d)}">${esc(d.name)}</a>`).join(', ')}</p>`,
    counts(coverage, input, t),
    matrix(coverage, input, t, where),
    '</section>',
  ].join('\n');
}

function documentSection(document: ReportDocument, input: ReportInput, t: (key: string, params?: Record<string, string | number>) => string): string {
  const facts = document.facts;
  const line = (offset: number): number => positionOf({ lineStarts: facts.lineStarts }, offset).line;
  const where = (group: keyof Coverage, id: string): string => {
    const evidence = facts.coverage[group][id]?.evidence[0];
    return evidence ? `${document.name}:${line(evidence.span.start)}` : '';
  };
  return [
    `<section class="document" id="${anchorOf(document)}"><h2><a href="${esc(document.href)}" data-uri="${esc(facts.uri)}" data-line="1">${esc(document.name)}</a></h2>`,
    `<p class="meta">${esc(facts.kindName ? t('report.kind', { kind: facts.kindName }) : t('report.no-kind'))}</p>`,
    counts(facts.coverage, input, t, facts.expected),
    matrix(facts.coverage, input, t, where, facts.expected),
    findingsTable(document, t, line),
    evidenceList(document, input, t, line),
    '</section>',
  ].join('\n');
}

function counts(coverage: Coverage, input: ReportInput, t: (key: string, params?: Record<string, string | number>) => string, expected?: DocumentFacts['expected']): string {
  const k = input.knowledge;
  const principles = k.principles.filter((p) => !expected || expected.principles.includes(p.id));
  const substeps = k.substeps.filter((s) => !expected || expected.substeps.includes(s.id));
  const addressed = (ids: readonly string[], map: StatusMap): number => ids.filter((id) => map[id]?.status === 'addressed').length;
  return `<p class="counts">${esc(
    t('report.counts', {
      principles: `${addressed(principles.map((p) => p.id), coverage.principles)}/${principles.length}`,
      substeps: `${addressed(substeps.map((s) => s.id), coverage.substeps)}/${substeps.length}`,
    }),
  )}</p>`;
}

/**
 * Rows: the Process, step by step; columns: the Principles. A cell is marked where the principle
 * acts in that sub-step (its "principles in action"), coloured by how the principle is covered
 * when the sub-step is covered, grey when the sub-step is missing.
 */
function matrix(coverage: Coverage, input: ReportInput, t: (key: string) => string, where: (group: keyof Coverage, id: string) => string, expected?: DocumentFacts['expected']): string {
  const k = input.knowledge;
  const lang = input.language;
  const status = (group: keyof Coverage, id: string): Status => coverage[group][id]?.status ?? 'missing';
  const head = k.principles
    .map((p) => {
      const s = status('principles', p.id);
      const off = expected && !expected.principles.includes(p.id) ? ' not-expected' : '';
      return `<th scope="col" class="principle ${s}${off}" title="${esc(`${t(`report.status.${s}`)} ${where('principles', p.id)}`)}"><span>${esc(textIn(p.names, lang))}</span></th>`;
    })
    .join('');
  const rows: string[] = [];
  for (const step of k.steps) {
    const s = status('steps', step.id);
    rows.push(`<tr class="step"><th scope="row" class="${s}" colspan="${k.principles.length + 1}">${esc(textIn(step.names, lang))} <span class="badge ${s}">${esc(t(`report.status.${s}`))}</span></th></tr>`);
    for (const sub of step.substeps) {
      const subStatus = status('substeps', sub.id);
      const off = expected && !expected.substeps.includes(sub.id) ? ' not-expected' : '';
      const cells = k.principles
        .map((p) => {
          if (!p.steps.includes(sub.id)) return '<td class="none"></td>';
          const cell: Status | 'na' = subStatus === 'missing' ? 'na' : status('principles', p.id);
          return `<td class="cell ${cell}" title="${esc(`${textIn(p.names, lang)} · ${textIn(sub.names, lang)}`)}">${CELL_MARK[cell]}</td>`;
        })
        .join('');
      const place = where('substeps', sub.id);
      rows.push(`<tr><th scope="row" class="substep ${subStatus}${off}"><span class="badge ${subStatus}">${esc(t(`report.status.${subStatus}`))}</span> ${esc(textIn(sub.names, lang))}${place ? ` <span class="where">${esc(place)}</span>` : ''}</th>${cells}</tr>`);
    }
  }
  return `<div class="matrix-wrap"><table class="matrix"><thead><tr><th scope="col" class="corner">${esc(t('report.matrix.corner'))}</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

const CELL_MARK: Readonly<Record<Status | 'na', string>> = { addressed: '●', weak: '◐', missing: '○', na: '·' };

function findingsTable(document: ReportDocument, t: (key: string, params?: Record<string, string | number>) => string, line: (offset: number) => number): string {
  if (document.findings.length === 0) return `<p class="clean">${esc(t('report.no-findings'))}</p>`;
  const sorted = [...document.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.span.start - b.span.start);
  const rows = sorted
    .map((f) => {
      const at = line(f.span.start);
      return `<tr class="${f.severity}"><td><span class="sev ${f.severity}">${esc(t(`report.severity.${f.severity}`))}</span></td><td><a href="${esc(`${document.href}#L${at}`)}" data-uri="${esc(document.facts.uri)}" data-line="${at}">${esc(`${document.name}:${at}`)}</a></td><td>${esc(f.message)}</td><td><code>${esc(f.ruleId)}</code></td></tr>`;
    })
    .join('');
  return `<h3>${esc(t('report.findings', { count: document.findings.length }))}</h3><table class="findings"><tbody>${rows}</tbody></table>`;
}

function evidenceList(document: ReportDocument, input: ReportInput, t: (key: string) => string, line: (offset: number) => number): string {
  const k = input.knowledge;
  const items = [
    ...k.principles.map((p) => ({ name: textIn(p.names, input.language), item: document.facts.coverage.principles[p.id] })),
    ...k.substeps.map((s) => ({ name: textIn(s.names, input.language), item: document.facts.coverage.substeps[s.id] })),
  ].filter((entry) => entry.item && entry.item.evidence.length > 0);
  if (items.length === 0) return '';
  const entries = items
    .map(({ name, item }) => {
      const quotes = (item?.evidence ?? [])
        .slice(0, 4)
        .map((e) => {
          const at = line(e.span.start);
          return `<li><a href="${esc(`${document.href}#L${at}`)}" data-uri="${esc(document.facts.uri)}" data-line="${at}">${esc(`${document.name}:${at}`)}</a> ${esc(excerpt(document.text, e.span))}</li>`;
        })
        .join('');
      return `<li><span class="badge ${item?.status}">${esc(t(`report.status.${item?.status ?? 'missing'}`))}</span> ${esc(name)}<ul>${quotes}</ul></li>`;
    })
    .join('');
  return `<details><summary>${esc(t('report.evidence'))}</summary><ul class="evidence">${entries}</ul></details>`;
}

/** Evidence is cut short: enough to find the place, not a copy of the document. */
function excerpt(text: string, span: { start: number; end: number }): string {
  const words = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return words.length > EVIDENCE_CHARS ? `${words.slice(0, EVIDENCE_CHARS - 1)}…` : words;
}

function anchorOf(document: ReportDocument): string {
  return `doc-${document.name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Text as HTML: every character that could open markup is escaped, and control characters are dropped. */
export function esc(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
:root { --ok: #1e7b4a; --ok-bg: #dff3e7; --weak: #8a5a00; --weak-bg: #fff0c7; --miss: #a1262b; --miss-bg: #fbe1e1; --na: #6b7280; --na-bg: #eef0f3; --line: #d9dde3; --ink: #1f2933; --muted: #5b6470; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); margin: 0 auto; padding: 24px 32px 48px; max-width: 1280px; background: #fbfcfd; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 0 0 6px; } h3 { font-size: 16px; margin: 20px 0 8px; }
a { color: #1d4ed8; text-decoration: none; } a:hover { text-decoration: underline; }
header { border-bottom: 1px solid var(--line); padding-bottom: 12px; margin-bottom: 20px; }
.meta, .counts { color: var(--muted); margin: 2px 0 10px; } .counts { font-weight: 600; color: var(--ink); }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin: 0 0 22px; box-shadow: 0 1px 2px rgba(16,24,40,.04); }
section.project { border-left: 5px solid #3b5bdb; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; white-space: nowrap; }
.badge.addressed { background: var(--ok-bg); color: var(--ok); } .badge.weak { background: var(--weak-bg); color: var(--weak); } .badge.missing { background: var(--miss-bg); color: var(--miss); } .badge.na { background: var(--na-bg); color: var(--na); }
.legend { color: var(--muted); font-size: 13px; }
.matrix-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 4px 8px; }
.matrix thead th { font-size: 12px; font-weight: 600; vertical-align: bottom; text-align: center; min-width: 82px; }
.matrix thead th.corner { text-align: left; min-width: 260px; color: var(--muted); font-weight: 500; }
.matrix th.principle.addressed { background: var(--ok-bg); color: var(--ok); } .matrix th.principle.weak { background: var(--weak-bg); color: var(--weak); } .matrix th.principle.missing { background: var(--miss-bg); color: var(--miss); }
.matrix tr.step th { background: #f3f5f8; text-align: left; font-size: 14px; padding-top: 8px; }
.matrix th.substep { text-align: left; font-weight: 500; }
.not-expected { opacity: .55; }
.matrix td { text-align: center; font-size: 16px; }
.matrix td.addressed { color: var(--ok); background: #f1faf5; } .matrix td.weak { color: var(--weak); background: #fffaeb; } .matrix td.missing { color: var(--miss); background: #fdf2f2; } .matrix td.na { color: var(--na); } .matrix td.none { background: #fafbfc; }
.where { color: var(--muted); font-size: 12px; }
.findings td { border-top: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
.findings td:nth-child(2) { white-space: nowrap; } .findings code { font-size: 12px; color: var(--muted); }
.sev { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.sev.error { color: var(--miss); } .sev.warning { color: var(--weak); } .sev.info { color: #1d4ed8; } .sev.hint { color: var(--na); }
.clean { color: var(--ok); font-weight: 600; }
details { margin-top: 14px; } summary { cursor: pointer; font-weight: 600; }
ul.evidence { padding-left: 18px; } ul.evidence ul { color: var(--muted); font-size: 13px; }
.empty { color: var(--muted); font-style: italic; }
@media (prefers-color-scheme: dark) {
  :root { --line: #3a414b; --ink: #e6e9ee; --muted: #a7b0bc; --ok-bg: #163a28; --weak-bg: #3f3212; --miss-bg: #45191c; --na-bg: #2b3038; --ok: #7ee2a8; --weak: #f5c96a; --miss: #f6a0a3; }
  body { background: #15181d; } section { background: #1c2027; } a { color: #8ab4f8; }
  .matrix tr.step th { background: #232831; } .matrix td.none { background: #1a1e24; }
  .matrix td.addressed { background: #18291f; } .matrix td.weak { background: #2c2614; } .matrix td.missing { background: #2e1a1c; }
}
`;
