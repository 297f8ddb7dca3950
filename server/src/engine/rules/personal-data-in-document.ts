import type { Analysis } from '../analysis/analysis';
import type { Span } from '../types';
import type { Segment } from '../model/build-model';
import { perChunk } from '../analysis/chunk-matches';
import { defineRule } from './define-rule';

type Kind = 'email' | 'phone' | 'gps' | 'identifier';

/**
 * Each pattern, with a cheap test a run must pass before the regular expression is worth running.
 * Every pattern runs in linear time: a match may start only where a run of its characters starts
 * (the e-mail's lookbehind), and whitespace between parts is bounded, so no input makes the
 * engine try every split of a long run.
 */
const PATTERNS: readonly (readonly [Kind, RegExp, (source: string) => boolean])[] = [
  ['email', /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, (s) => s.includes('@')],
  ['phone', /(?<![\w+])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?!\w)/g, (s) => s.includes('+')],
  ['phone', /(?<![\w.-])0\d{2,3}[\s.-]\d{3}[\s.-]?\d{3,4}(?![\w-])/g, (s) => s.includes('0')],
  ['gps', /(?<![\w.])-?\d{1,2}\.\d{4,}°?\s{0,4}[NS]?\s{0,4}[,;/ ]\s{0,4}-?\d{1,3}\.\d{4,}°?\s{0,4}[EW]?(?!\w|\.\d)/g, (s) => s.includes('.')],
  ['gps', /\d{1,3}°\s{0,4}\d{1,2}['′]\s{0,4}\d{1,2}(?:\.\d+)?(?:["″]|'')?\s{0,4}[NSEW]/g, (s) => s.includes('°')],
];

/** After an identifier label ("Case no.", "ID number:"), a code that contains a digit. */
const IDENTIFIER_VALUE = /^\s*(?:[.:#°ºn]\s*)*([A-Z0-9][A-Z0-9/-]{2,})/i;

export default defineRule({
  id: 'personal-data-in-document',
  description: 'A phone number, e-mail address, GPS position or case/ID number is written in the document itself.',
  defaultSeverity: 'hint',
  missingItem: false,
  scope: 'text',
  refs: ['principle:data-protection-and-security', 'principle:informed-consent-and-confidentiality'],
  source: 'W-PRIN15; TEAM',
  howToFix: 'Remove the phone number, e-mail address, coordinates or case number, or replace it with a role address, a public service number, a coarser location or a code that cannot be traced back to a person.',
  examples: {
    valid: [
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nIn 2023-2024, 1,250 households in 12 districts were interviewed; see table 3.1.\n' },
      { text: '---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\nEn 2023-2024, 1 250 ménages de 12 communes ont été interrogés ; voir le tableau 3.1.\n' },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\nEntre 2023 y 2024 se entrevistó a 1.250 hogares en 12 municipios; véase el cuadro 3.1.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nThe respondent (case no. 2023-114, +964 750 123 4567) lives at 36.1901, 44.0091.\n', findings: 3 },
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nContact amina.k@example.org for the list.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\nLa répondante (dossier n° 2023-114, +223 76 12 34 56) habite à 12.6392, -8.0029.\n', findings: 3 },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\nLa madre (expediente n.º 2024-087) puede ser contactada al +57 310 555 0199 o en maria.gomez@example.org.\n', findings: 3 },
    ],
  },
  check({ analysis, report, message }) {
    for (const [kind, span] of findPersonalData(analysis)) report({ span, message: message(`personal-data-in-document.${kind}`) });
  },
});

function findPersonalData(analysis: Analysis): [Kind, Span][] {
  const found: [Kind, Span][] = [];
  for (const segment of analysis.model.segments) {
    for (const [kind, start, end] of inChunk(analysis, segment)) found.push([kind, { start: start + segment.base, end: end + segment.base }]);
  }
  const text = analysis.text;
  const taken = (span: Span): boolean => found.some(([, s]) => span.start < s.end && s.start < span.end);
  for (const hit of analysis.signalHits('identifier-labels')) {
    const after = text.slice(hit.span.end, hit.span.end + 40);
    const value = IDENTIFIER_VALUE.exec(after);
    if (!value?.[1] || !/\d/.test(value[1])) continue;
    const start = hit.span.end + after.indexOf(value[1]);
    const span = { start: hit.span.start, end: start + value[1].length };
    if (!taken(span)) found.push(['identifier', span]);
  }
  return found.sort((a, b) => a[1].start - b[1].start);
}

/** A chunk's matches of the patterns, relative to the chunk: only a chunk an edit changed is read again. */
const matchesOfChunk = perChunk<typeof PATTERNS, readonly (readonly [Kind, number, number])[]>();

function inChunk(analysis: Analysis, segment: Segment): readonly (readonly [Kind, number, number])[] {
  return matchesOfChunk(PATTERNS, segment.tree, () => {
    const found: [Kind, number, number][] = [];
    // Matches of different blocks never overlap, so those of one chunk are all a match can overlap.
    const taken = (start: number, end: number): boolean => found.some(([, s, e]) => start < e && s < end);
    for (const block of analysis.model.blocks.slice(segment.first, segment.first + segment.count)) {
      for (const run of block.runs) {
        const source = analysis.text.slice(run.start, run.end);
        if (!/\d|@/.test(source)) continue;
        for (const [kind, pattern, worthIt] of PATTERNS) {
          if (!worthIt(source)) continue;
          for (const match of source.matchAll(pattern)) {
            const start = run.start + (match.index ?? 0) - segment.base;
            const end = start + match[0].trimEnd().length;
            if (!taken(start, end)) found.push([kind, start, end]);
          }
        }
      }
    }
    return found;
  });
}
