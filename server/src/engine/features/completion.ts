/**
 * Pure: completion at an offset. In the front matter: the `pim:` keys and their values. At the
 * start of a heading line: the sections the document kind still lacks, with their skeleton. In
 * prose: principle names and glossary terms in the document's language.
 */
import type { Analysis } from '../analysis/analysis';
import { textIn } from '../knowledge/lookup';
import { message } from '../knowledge/lookup';
import { PIM_FIELDS, type PimField } from '../model/front-matter';
import { sectionMarkdown } from '../rules/skeleton';
import { lineEndAt, lineStartAt } from '../text/lines';
import { DOCUMENT_STATUSES, NO_KIND, type Span } from '../types';

export type CompletionKind = 'key' | 'value' | 'section' | 'principle' | 'term' | 'step' | 'category';

export interface CompletionInfo {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text that replaces `replace`. */
  readonly insertText: string;
  readonly replace: Span;
  readonly filterText?: string;
  readonly sortText?: string;
}

export function completeAt(analysis: Analysis, offset: number): CompletionInfo[] {
  const text = analysis.text;
  const lineStart = lineStartAt(text, offset);
  const linePrefix = text.slice(lineStart, offset);
  const frontMatter = analysis.model.frontMatter;
  if (frontMatter && offset >= frontMatter.valueStart && offset <= frontMatter.span.end) return frontMatterCompletion(analysis, linePrefix, offset);
  if (offset === 0 && !frontMatter) return [declarationSnippet(analysis, { start: 0, end: 0 })];
  const heading = /^ {0,3}(#{1,6}) ?([^\n]*)$/.exec(linePrefix);
  if (heading) return sectionCompletion(analysis, { start: lineStart, end: lineEndAt(text, offset) });
  return termCompletion(analysis, linePrefix, offset);
}

function frontMatterCompletion(analysis: Analysis, linePrefix: string, offset: number): CompletionInfo[] {
  const k = analysis.knowledge;
  const value = /^\s+(kind|category|lang|status)\s*:\s*([\w-]*)$/.exec(linePrefix);
  if (value) {
    const field = value[1] as PimField;
    const replace = { start: offset - (value[2] ?? '').length, end: offset };
    const lang = analysis.language;
    switch (field) {
      case 'kind':
        return [
          ...k.kinds.map((kind) => ({ label: kind.id, kind: 'value' as const, detail: textIn(kind.names, lang), documentation: textIn(kind.description, lang), insertText: kind.id, replace })),
          { label: NO_KIND, kind: 'value' as const, detail: message(k, 'completion.kind.none', lang), documentation: message(k, 'completion.kind.none.documentation', lang), insertText: NO_KIND, replace },
        ];
      case 'category':
        return k.categories.map((c) => ({ label: c.id, kind: 'value', detail: textIn(c.names, lang), documentation: textIn(c.definition, lang), insertText: c.id, replace }));
      case 'lang':
        return k.locales.map((l) => ({ label: l, kind: 'value', insertText: l, replace }));
      default:
        return DOCUMENT_STATUSES.map((s) => ({ label: s, kind: 'value', insertText: s, replace }));
    }
  }
  const key = /^(\s*)([\w-]*)$/.exec(linePrefix);
  if (!key) return [];
  const replace = { start: offset - (key[2] ?? '').length, end: offset };
  if ((key[1] ?? '').length > 0 && analysis.declaration) {
    const present = analysis.declaration.fields;
    return PIM_FIELDS.filter((f) => !present[f]).map((f) => ({ label: f, kind: 'key', insertText: `${f}: `, replace }));
  }
  return analysis.declaration ? [] : [declarationSnippet(analysis, replace)];
}

function declarationSnippet(analysis: Analysis, replace: Span): CompletionInfo {
  const inFrontMatter = analysis.model.frontMatter !== undefined;
  const kind = analysis.guess?.kind.id ?? 'assessment-methodology';
  const block = `pim:\n  kind: ${kind}\n  status: draft`;
  return { label: 'pim', kind: 'key', detail: 'PIM document declaration', insertText: inFrontMatter ? block : `---\n${block}\n---\n`, replace };
}

function sectionCompletion(analysis: Analysis, replace: Span): CompletionInfo[] {
  const kind = analysis.kind;
  if (!kind) return [];
  const lang = analysis.language;
  return kind.sections
    .filter((s) => !analysis.sectionsFound.has(s.id))
    .map((s, i) => {
      const markdown = sectionMarkdown(s, analysis);
      const title = textIn(s.names, lang);
      return {
        label: title,
        kind: 'section' as const,
        detail: message(analysis.knowledge, 'completion.section', lang, { section: title, kind: textIn(kind.names, lang) }),
        documentation: markdown,
        insertText: markdown.trimEnd(),
        replace,
        filterText: `${markdown.split(' ')[0]} ${title}`,
        sortText: `${s.required ? 0 : 1}${String(i).padStart(3, '0')}`,
      };
    });
}

const WORD_CHAR = /^[\p{L}\p{N}'-]$/u;

/** The word being typed: read backwards from the cursor, so a long line costs only the word's length. */
function trailingWord(linePrefix: string): string {
  let start = linePrefix.length;
  while (start > 0) {
    const pair = start >= 2 && /[\uDC00-\uDFFF]/.test(linePrefix[start - 1] as string) && /[\uD800-\uDBFF]/.test(linePrefix[start - 2] as string);
    const width = pair ? 2 : 1;
    if (!WORD_CHAR.test(linePrefix.slice(start - width, start))) break;
    start -= width;
  }
  return linePrefix.slice(start);
}

/** Names in the document's language; VS Code and other clients filter by the word being typed. */
function termCompletion(analysis: Analysis, linePrefix: string, offset: number): CompletionInfo[] {
  const word = trailingWord(linePrefix);
  if (word.length < 2) return [];
  const replace = { start: offset - word.length, end: offset };
  const k = analysis.knowledge;
  const lang = analysis.language;
  const items: CompletionInfo[] = [];
  const add = (kind: CompletionKind, names: Parameters<typeof textIn>[0], documentation: string, sort: number): void => {
    const label = textIn(names, lang);
    items.push({ label, kind, documentation, insertText: label, replace, sortText: `${sort}${label}` });
  };
  for (const p of k.principles) add('principle', p.names, textIn(p.description, lang), 0);
  for (const s of k.steps) add('step', s.names, textIn(s.description, lang), 1);
  for (const s of k.substeps) add('step', s.names, textIn(s.description, lang), 1);
  for (const c of k.categories) add('category', c.names, textIn(c.definition, lang), 2);
  for (const t of k.terms) add('term', t.names, textIn(t.definition, lang), 3);
  const prefix = word.toLowerCase();
  return items.filter((item) => item.label.toLowerCase().startsWith(prefix) || item.label.toLowerCase().includes(` ${prefix}`));
}

