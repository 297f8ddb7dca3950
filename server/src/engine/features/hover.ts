/**
 * Pure: what to show when the pointer rests on a PIM term, a heading that names a sub-step or
 * principle, or the `pim.kind` / `pim.category` value of the front matter. Answers in the
 * document's language where the knowledge has it.
 */
import type { Analysis } from '../analysis/analysis';
import { message, phrasesIn, textIn } from '../knowledge/lookup';
import type { Activity, Category, DocumentKind, KnowledgeItem, Lang, LocalizedText, Principle, Step, Substep } from '../knowledge/types';
import type { Section } from '../model/build-model';
import { PhraseMatcher } from '../text/phrase-matcher';
import type { Span } from '../types';
import { provenanceMarkdown } from './provenance';

export interface HoverInfo {
  readonly span: Span;
  readonly markdown: string;
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'français', es: 'español', ar: 'العربية' };

export function hoverAt(analysis: Analysis, offset: number): HoverInfo | undefined {
  return frontMatterHover(analysis, offset) ?? headingHover(analysis, offset) ?? termHover(analysis, offset);
}

function frontMatterHover(analysis: Analysis, offset: number): HoverInfo | undefined {
  const fields = analysis.declaration?.fields;
  if (!fields) return undefined;
  const k = analysis.knowledge;
  const inside = (field: { span: Span; keySpan: Span } | undefined): boolean =>
    field !== undefined && ((offset >= field.span.start && offset <= field.span.end) || (offset >= field.keySpan.start && offset <= field.keySpan.end));
  if (inside(fields.kind)) {
    const kind = k.kinds.find((item) => item.id === fields.kind?.value);
    if (kind) return { span: fields.kind!.span, markdown: kindHover(analysis, kind) };
  }
  if (inside(fields.category)) {
    const category = k.categories.find((item) => item.id === fields.category?.value);
    if (category) return { span: fields.category!.span, markdown: itemHover(analysis, { kind: 'category', item: category }, { matrixRows: true }) };
  }
  return undefined;
}

function headingHover(analysis: Analysis, offset: number): HoverInfo | undefined {
  const section = analysis.model.sections.find((s) => s.heading && offset >= s.heading.start && offset <= s.heading.end);
  if (!section?.heading) return undefined;
  const matches = analysis.matchers.headings.findAll(section.titleTokens);
  const substepRef = matches.find((m) => m.payload.startsWith('substep:'))?.payload;
  const entry = substepRef ? analysis.knowledge.byRef.get(substepRef) : undefined;
  if (entry?.kind === 'substep') return { span: section.heading, markdown: substepSectionHover(analysis, entry.item, entry.step, section) };
  return undefined;
}

function termHover(analysis: Analysis, offset: number): HoverInfo | undefined {
  const block = analysis.model.blocks.find((b) => offset >= b.span.start && offset <= b.span.end);
  if (!block) return undefined;
  const match = analysis.matchers.terms
    .findAll(block.tokens, block.base)
    .filter((m) => offset >= m.start && offset <= m.end)
    .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  const entry = match ? analysis.knowledge.byRef.get(match.payload) : undefined;
  return match && entry ? { span: { start: match.start, end: match.end }, markdown: itemHover(analysis, entry) } : undefined;
}

/** A principle, step, sub-step, category or term; `matrixRows` adds every PIM Matrix row of a category (on its declaration). */
export function itemHover(analysis: Analysis, entry: KnowledgeItem, options: { readonly matrixRows?: boolean } = {}): string {
  const lang = analysis.language;
  const t = (key: string, params?: Record<string, string | number>): string => message(analysis.knowledge, key, lang, params);
  const lines: string[] = [`**${textIn(entry.item.names, lang)}** · ${t(`hover.kind.${entry.kind === 'kind' ? 'document' : entry.kind}`)}`, ''];
  switch (entry.kind) {
    case 'principle':
      lines.push(...principleBody(analysis, entry.item));
      break;
    case 'step':
      lines.push(...stepBody(analysis, entry.item));
      break;
    case 'substep':
      lines.push(textIn(entry.item.description, lang), '', ...list(analysis, t('hover.activities'), entry.item.activities.map((a) => activityName(analysis, a))));
      break;
    case 'category':
      lines.push(...categoryBody(analysis, entry.item, options.matrixRows === true));
      break;
    case 'term':
      lines.push(textIn(entry.item.definition, lang));
      if (entry.item.related.length > 0) {
        const related = entry.item.related.map((ref) => analysis.knowledge.byRef.get(ref)).filter((r): r is KnowledgeItem => r !== undefined);
        lines.push('', labelled(analysis, t('hover.seeAlso'), related.map((r) => textIn(r.item.names, lang)).join(', ')));
      }
      break;
    default:
      break;
  }
  lines.push('', otherLanguages(analysis, entry.item.names, t('hover.otherLanguages')), '', provenance(analysis, entry));
  return lines.join('\n');
}

function principleBody(analysis: Analysis, principle: Principle): string[] {
  const lang = analysis.language;
  const k = analysis.knowledge;
  const t = (key: string): string => message(k, key, lang);
  const substeps = principle.steps.map((id) => k.byRef.get(`substep:${id}`)).filter((e): e is KnowledgeItem => e !== undefined);
  return [
    textIn(principle.description, lang),
    '',
    ...list(analysis, t('hover.checklist'), principle.checklist.map((c) => textIn(c, lang))),
    '',
    labelled(analysis, t('hover.inAction'), substeps.map((e) => textIn(e.item.names, lang)).join(', ')),
    '',
    labelled(
      analysis,
      t('hover.seeAlso'),
      k.principles
        .filter((p) => p.id !== principle.id)
        .map((p) => textIn(p.names, lang))
        .join(', '),
    ),
  ];
}

function stepBody(analysis: Analysis, step: Step): string[] {
  const lang = analysis.language;
  const t = (key: string): string => message(analysis.knowledge, key, lang);
  return [textIn(step.description, lang), '', ...list(analysis, t('hover.substeps'), step.substeps.map((s) => textIn(s.names, lang))), '', `*${textIn(analysis.knowledge.prescriptiveNote, lang)}*`];
}

function categoryBody(analysis: Analysis, category: Category, matrixRows: boolean): string[] {
  const lang = analysis.language;
  const t = (key: string): string => message(analysis.knowledge, key, lang);
  if (!matrixRows) return [textIn(category.definition, lang), '', labelled(analysis, `**${t('hover.output')}**`, textIn(category.output, lang))];
  const texts = (items: readonly LocalizedText[]): string => items.map((item) => textIn(item, lang)).join(t('list.separator'));
  const row: Record<string, string> = {
    definition: textIn(category.definition, lang),
    'sub-category-examples': texts(category.subCategories),
    methods: texts(category.methods),
    'specific-examples': texts(category.specificExamples),
    output: textIn(category.output, lang),
    'shared-data': textIn(category.sharedData, lang),
    sources: texts(category.sourcesOfInformation),
  };
  // The rows in the Matrix's order and under its names, as the knowledge base lists them.
  return analysis.knowledge.matrixRows.flatMap((r) => (row[r.id] ? [labelled(analysis, `**${textIn(r.names, lang)}**`, row[r.id] as string), ''] : [])).slice(0, -1);
}

function substepSectionHover(analysis: Analysis, substep: Substep, step: Step, section: Section): string {
  const lang = analysis.language;
  const t = (key: string): string => message(analysis.knowledge, key, lang);
  const covered = activitiesCovered(analysis, substep, section);
  return [
    `**${textIn(substep.names, lang)}** · ${t('hover.kind.substep')} · ${textIn(step.names, lang)}`,
    '',
    textIn(substep.description, lang),
    '',
    ...list(analysis, t('hover.purposes'), substep.purposes.map((p) => textIn(p, lang))),
    '',
    ...list(
      analysis,
      t('hover.activities.section'),
      substep.activities.map((a) => `${covered.has(a.id) ? '✓' : '☐'} ${activityName(analysis, a)}`),
    ),
    '',
    provenance(analysis, { kind: 'substep', item: substep, step }),
  ].join('\n');
}

/** Activities whose evidence phrases occur in the section (its sub-sections included). */
function activitiesCovered(analysis: Analysis, substep: Substep, section: Section): Set<string> {
  const matcher = new PhraseMatcher<string>();
  for (const activity of substep.activities) for (const phrase of phrasesIn(activity.evidence, analysis.language)) matcher.add(phrase, activity.id);
  const covered = new Set<string>();
  for (const block of analysis.model.blocks) {
    if (block.span.start < section.span.start || block.span.end > section.span.end) continue;
    for (const match of matcher.findAll(block.tokens, block.base)) covered.add(match.payload);
  }
  return covered;
}

function kindHover(analysis: Analysis, kind: DocumentKind): string {
  const lang = analysis.language;
  const k = analysis.knowledge;
  const t = (key: string): string => message(k, key, lang);
  const found = analysis.sectionsFound;
  const sectionLine = (s: DocumentKind['sections'][number]): string => `${found.has(s.id) ? '✓' : '✗'} ${textIn(s.names, lang)}${found.has(s.id) ? '' : ` (${t('hover.missing')})`}`;
  const names = (ids: readonly string[], kindOf: 'principle' | 'substep'): string =>
    ids.map((id) => k.byRef.get(`${kindOf}:${id}`)).map((e) => (e ? textIn(e.item.names, lang) : '')).join(', ');
  return [
    `**${textIn(kind.names, lang)}** · ${t('hover.kind.document')}`,
    '',
    textIn(kind.description, lang),
    '',
    ...list(analysis, t('hover.requiredSections'), kind.sections.filter((s) => s.required).map(sectionLine)),
    '',
    labelled(analysis, t('hover.recommendedSections'), kind.sections.filter((s) => !s.required).map((s) => textIn(s.names, lang)).join(', ')),
    '',
    labelled(analysis, t('hover.mustCover'), `${names(kind.principles, 'principle')}${t('list.separator')}${names(kind.substeps, 'substep')}`),
    '',
    provenanceMarkdown(k, lang, kind.source, kind.status),
  ].join('\n');
}

function otherLanguages(analysis: Analysis, names: LocalizedText, label: string): string {
  const others = (Object.keys(LANG_NAMES) as Lang[]).filter((l) => l !== analysis.language && names[l]).map((l) => labelled(analysis, LANG_NAMES[l], `*${names[l]}*`));
  return labelled(analysis, label, others.join(' · '));
}

/** The sources by title and link, what is our synthesis, and how sure the item is: its own status where it has one. */
function provenance(analysis: Analysis, entry: KnowledgeItem): string {
  const status = 'status' in entry.item ? entry.item.status : undefined;
  return provenanceMarkdown(analysis.knowledge, analysis.language, entry.item.source, status);
}

/** An activity the sources do not list is marked as our synthesis. */
function activityName(analysis: Analysis, activity: Activity): string {
  const name = textIn(activity.names, analysis.language);
  return activity.status === 'inferred' ? `${name} *(${message(analysis.knowledge, 'certainty.inferred.short', analysis.language)})*` : name;
}

/** "Label: value", with the punctuation of the document's language (French puts a no-break space before the colon). */
function labelled(analysis: Analysis, label: string, value: string): string {
  return message(analysis.knowledge, 'label', analysis.language, { label, value });
}

function list(analysis: Analysis, title: string, items: readonly string[]): string[] {
  return [message(analysis.knowledge, 'label.list', analysis.language, { label: title }), '', ...items.map((item) => `- ${item}`)];
}
