/**
 * Pure: what a `source` field cites, and how sure the knowledge resting on it is. A source field
 * reads like "S002; W-PRIN15; checklist and principles in action: TEAM": citations separated by
 * semicolons, each a meta.json source id, optionally preceded by what it covers and followed by
 * where in the source ("Annex 3", "sec. 4.3.1").
 */
import type { Knowledge } from './load';
import type { SourceEntry, Status } from './types';

export interface Citation {
  readonly entry: SourceEntry;
  /** Where in the source: "Annex 3", "sec. 8"; empty when the source as a whole is cited. */
  readonly locator: string;
  /** The part of the item the citation is for ("checklist and principles in action"); empty when it is for all of it. */
  readonly covers: string;
}

const SOURCE_ID = /[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*/g;

/** The citations of a source field, in order; text that cites no known source is left out. */
export function citationsOf(k: Knowledge, source: string): Citation[] {
  return splitOutsideParentheses(source, ';').flatMap((part) => {
    const found = [...part.matchAll(SOURCE_ID)].find((m) => k.sources.has(m[0]));
    if (!found || found.index === undefined) return [];
    return [
      {
        entry: k.sources.get(found[0]) as SourceEntry,
        covers: part.slice(0, found.index).trim().replace(/:$/, '').trim(),
        locator: namesForIds(k, part.slice(found.index + found[0].length).trim().replace(/^,\s*/, '')),
      },
    ];
  });
}

/**
 * Verified when every citation is a PIM source or public material, inferred when only the team is
 * cited, partly verified in between: the core is sourced, the details are ours.
 */
export function certaintyOf(k: Knowledge, source: string): Status {
  const citations = citationsOf(k, source);
  const ours = citations.filter((c) => c.entry.kind === 'team').length;
  if (ours === citations.length) return 'inferred';
  return ours === 0 ? 'verified' : 'partly-verified';
}

/** A locator may name another source ("sections follow W-ICRC-HB"): readers get its name, not its id. */
function namesForIds(k: Knowledge, text: string): string {
  return text.replace(SOURCE_ID, (id) => k.sources.get(id)?.short ?? k.sources.get(id)?.title ?? id);
}

function splitOutsideParentheses(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
