/**
 * Pure: where a piece of knowledge or a rule's requirement comes from, said honestly: the sources
 * by their titles and links, what is this project's synthesis, and how sure we are. Hovers, rule
 * documentation, SARIF and diagnostics all show it from here.
 */
import type { Knowledge } from '../knowledge/load';
import { message } from '../knowledge/lookup';
import { certaintyOf, citationsOf, type Citation } from '../knowledge/provenance';
import type { Lang, Status } from '../knowledge/types';
import type { Rule } from '../rules/define-rule';

export interface RuleSource {
  /** The requirement the rule checks, in our words, in the language asked for. */
  readonly statement: string;
  readonly certainty: Status;
  readonly citations: readonly Citation[];
  /** One sentence for a diagnostic: the requirement, its sources by their short names, and how sure it is. */
  readonly summary: string;
  /** The requirement quoted, then its sources with links and how sure it is. */
  readonly markdown: string;
}

export function ruleSource(k: Knowledge, rule: Pick<Rule, 'id' | 'source'>, lang: Lang): RuleSource {
  const t = (key: string, params?: Record<string, string>): string => message(k, key, lang, params);
  const statement = t(`source.${rule.id}`);
  const certainty = certaintyOf(k, rule.source);
  const citations = citationsOf(k, rule.source);
  const sources = mergeLocators(citations)
    .map((c) => (c.entry.kind === 'team' ? t('provenance.team') : [c.entry.short ?? c.entry.title, c.locator].filter((s) => s !== '').join(', ')))
    .join(t('list.separator'));
  return {
    statement,
    certainty,
    citations,
    summary: t('rule.source', { statement, sources, certainty: t(`certainty.${certainty}.short`) }),
    markdown: [`> ${statement}`, provenanceMarkdown(k, lang, rule.source, certainty)].join('\n\n'),
  };
}

/**
 * Markdown paragraphs: the sources with titles and links, then what is our synthesis (the parts a
 * `TEAM` citation covers), then the certainty: the item's own `status` where it has one.
 */
export function provenanceMarkdown(k: Knowledge, lang: Lang, source: string, status: Status = certaintyOf(k, source)): string {
  const t = (key: string, params?: Record<string, string>): string => message(k, key, lang, params);
  const citations = citationsOf(k, source);
  const sourced = mergeLocators(citations.filter((c) => c.entry.kind !== 'team'));
  const ourParts = citations
    .filter((c) => c.entry.kind === 'team')
    .map((c) => [c.covers, c.locator].filter((s) => s !== '').join(' '))
    .filter((s) => s !== '');
  const paragraphs: string[] = [];
  if (sourced.length > 0) paragraphs.push(t('label', { label: t(sourced.length > 1 ? 'hover.sources' : 'hover.source'), value: sourced.map(citationMarkdown).join(' · ') }));
  if (ourParts.length > 0) paragraphs.push(t('label', { label: t('provenance.ours'), value: ourParts.join(t('list.separator')) }));
  // A verified item may still carry parts of ours (a principle's checklist): the sentence says so.
  paragraphs.push(`*${t(status === 'verified' && ourParts.length > 0 ? 'certainty.verified.mixed' : `certainty.${status}`)}*`);
  return paragraphs.join('\n\n');
}

function citationMarkdown(c: Citation): string {
  const title = c.entry.url ? `[${c.entry.title.replace(/[[\]]/g, '\\$&')}](${c.entry.url})` : c.entry.title;
  const locator = c.locator === '' ? '' : `, ${c.locator}`;
  const covers = c.covers === '' ? '' : ` (${c.covers})`;
  return `${title}${locator}${covers}`;
}

/** "S001 Annex 1; S001 Annex 3" is one source cited twice: name it once, with both places. */
function mergeLocators(citations: readonly Citation[]): Citation[] {
  const merged: Citation[] = [];
  for (const c of citations) {
    const same = merged.findIndex((m) => m.entry.id === c.entry.id && m.covers === c.covers);
    if (same === -1) merged.push(c);
    else {
      const previous = merged[same] as Citation;
      merged[same] = { ...previous, locator: [previous.locator, c.locator].filter((s) => s !== '').join(', ') };
    }
  }
  return merged;
}
