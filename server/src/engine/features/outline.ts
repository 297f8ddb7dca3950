/** Pure: the section tree for the editor's outline, each section tagged with the steps and principles its heading covers. */
import type { Analysis } from '../analysis/analysis';
import { message, textIn } from '../knowledge/lookup';
import type { Span } from '../types';

export interface OutlineItem {
  readonly name: string;
  /** "covers Collect Data · Informed consent and confidentiality", or empty. */
  readonly detail: string;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: OutlineItem[];
}

export function outline(analysis: Analysis): OutlineItem[] {
  const { model, knowledge: k, language: lang } = analysis;
  const roots: OutlineItem[] = [];
  const byIndex = new Map<number, OutlineItem>();
  for (const section of model.sections) {
    if (!section.heading) continue;
    const refs = [...new Set(analysis.matchers.headings.findAll(section.titleTokens).map((m) => m.payload))];
    const names = refs.map((ref) => k.byRef.get(ref)).map((e) => (e ? textIn(e.item.names, lang) : ''));
    const item: OutlineItem = {
      name: section.title || '#',
      detail: names.length > 0 ? `${message(k, 'outline.covers', lang)} ${names.join(' · ')}` : '',
      span: { start: section.span.start, end: Math.max(section.heading.end, trimEnd(analysis.text, section.span)) },
      selectionSpan: section.heading,
      children: [],
    };
    byIndex.set(section.index, item);
    const parent = byIndex.get(section.parent);
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

function trimEnd(text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}
