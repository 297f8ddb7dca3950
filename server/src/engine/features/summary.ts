/** Pure: the coverage summary behind the code lens and the status bar, and the list of gaps to jump to. */
import type { Analysis } from '../analysis/analysis';
import { message, textIn } from '../knowledge/lookup';
import type { Span } from '../types';

export interface Gap {
  readonly label: string;
  readonly ref: string;
  /** Where to go: the evidence of a weak item, or where a missing one belongs. */
  readonly span: Span;
}

export interface CoverageSummary {
  readonly kind?: string;
  readonly kindName?: string;
  readonly principles: { readonly addressed: number; readonly expected: number };
  readonly process: { readonly addressed: number; readonly expected: number };
  readonly missingSections: number;
  /** "PIM: Principles 6/8 · Process 9/12 · 3 required sections missing" */
  readonly title: string;
  readonly gaps: readonly Gap[];
  /** Where the code lens goes: the first heading, else the start. */
  readonly anchor: Span;
}

export function summarize(analysis: Analysis): CoverageSummary {
  const k = analysis.knowledge;
  const lang = analysis.language;
  const t = (key: string, params?: Record<string, string | number>): string => message(k, key, lang, params);
  const coverage = analysis.coverage;
  const kind = analysis.kind;
  const principles = analysis.expectedPrinciples;
  const substeps = analysis.expectedSubsteps;
  const missingSections = analysis.missingSections;
  const heading = analysis.model.sections.find((s) => s.heading)?.heading;
  const anchor = heading ?? { start: 0, end: 0 };
  const gaps: Gap[] = [];
  for (const section of missingSections) gaps.push({ label: t('gap.section.missing', { name: textIn(section.names, lang) }), ref: `kind:${kind?.id}`, span: anchor });
  for (const p of principles) {
    const item = coverage.principles[p.id];
    if (!item || item.status === 'addressed') continue;
    gaps.push({ label: t(`gap.principle.${item.status}`, { name: textIn(p.names, lang) }), ref: `principle:${p.id}`, span: item.evidence[0]?.span ?? anchor });
  }
  for (const s of substeps) {
    if (coverage.substeps[s.id]?.status !== 'missing') continue;
    gaps.push({ label: t('gap.substep.missing', { name: textIn(s.names, lang) }), ref: `substep:${s.id}`, span: anchor });
  }
  const addressed = (ids: readonly string[], map: typeof coverage.principles): number => ids.filter((id) => map[id]?.status === 'addressed').length;
  const p = { addressed: addressed(principles.map((x) => x.id), coverage.principles), expected: principles.length };
  const s = { addressed: addressed(substeps.map((x) => x.id), coverage.substeps), expected: substeps.length };
  const sections = missingSections.length === 0 ? t('lens.sections.none') : missingSections.length === 1 ? t('lens.sections.one') : t('lens.sections.missing', { count: missingSections.length });
  return {
    ...(kind ? { kind: kind.id, kindName: textIn(kind.names, lang) } : {}),
    principles: p,
    process: s,
    missingSections: missingSections.length,
    title: t('lens.summary', { principles: `${p.addressed}/${p.expected}`, process: `${s.addressed}/${s.expected}`, sections }),
    gaps,
    anchor,
  };
}
