/** Pure: where a missing section belongs, and the text a quick fix inserts there. */
import type { Analysis } from '../analysis/analysis';
import { textIn } from '../knowledge/lookup';
import type { DocumentKind, Section as KindSection } from '../knowledge/types';
import type { Section } from '../model/build-model';
import type { Edit } from '../types';

/** Heading level for a new section: the level of the kind's sections already present, else one below the title. */
export function sectionLevel(analysis: Analysis): number {
  const present = [...analysis.sectionsFound.values()].flat();
  if (present.length > 0) return Math.min(...present.map((s) => s.level));
  const headed = analysis.model.sections.filter((s) => s.heading);
  const top = Math.min(...headed.map((s) => s.level));
  if (headed.length === 0) return 2;
  return headed.filter((s) => s.level === top).length === 1 ? Math.min(top + 1, 6) : top;
}

/** The Markdown of a section: heading and skeleton body in the document's language. */
export function sectionMarkdown(section: KindSection, analysis: Analysis, level = sectionLevel(analysis)): string {
  const lang = analysis.language;
  return `${'#'.repeat(level)} ${textIn(section.names, lang)}\n\n${textIn(section.skeleton, lang).trim()}\n`;
}

/**
 * Inserts the section after the nearest earlier section of the kind that is present, else before
 * the nearest later one, else at the end: the kind's order is the order readers expect.
 */
export function insertSectionEdit(kind: DocumentKind, section: KindSection, analysis: Analysis): Edit {
  const order = kind.sections.map((s) => s.id);
  const position = order.indexOf(section.id);
  const found = analysis.sectionsFound;
  const text = analysis.text;
  const markdown = sectionMarkdown(section, analysis);
  for (let i = position - 1; i >= 0; i--) {
    const before = lastOf(found.get(order[i] as string));
    if (before) return insertAt(text, before.span.end, markdown);
  }
  for (let i = position + 1; i < order.length; i++) {
    const after = firstOf(found.get(order[i] as string));
    if (after?.heading) return insertAt(text, after.heading.start, markdown);
  }
  return insertAt(text, text.length, markdown);
}

/** Inserts a block of Markdown at an offset with exactly one blank line on each side. */
export function insertAt(text: string, offset: number, markdown: string): Edit {
  const before = text.slice(0, offset);
  const after = text.slice(offset);
  const leading = before.length === 0 || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trailing = after.length === 0 ? '' : after.startsWith('\n') ? '' : '\n';
  return { start: offset, end: offset, newText: `${leading}${markdown.trimEnd()}\n${trailing}` };
}

function lastOf(sections: readonly Section[] | undefined): Section | undefined {
  return sections ? sections[sections.length - 1] : undefined;
}

function firstOf(sections: readonly Section[] | undefined): Section | undefined {
  return sections ? sections[0] : undefined;
}
