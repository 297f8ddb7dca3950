/**
 * Pure: the phrase matchers built from the knowledge for one document language. Building them
 * costs far more than using them, so they are made once per knowledge object and language.
 */
import type { Knowledge } from '../knowledge/load';
import { allPhrases, namesOf, phrasesIn, signal } from '../knowledge/lookup';
import { sectionRef } from '../knowledge/load';
import type { DocumentKind, Lang } from '../knowledge/types';
import { PhraseMatcher } from '../text/phrase-matcher';
import type { ItemMatchers } from './evidence';

export interface Matchers {
  /** Sentences about a principle or sub-step: payload `principle:<id>` or `substep:<id>`. */
  readonly evidence: PhraseMatcher<string>;
  /** Headings naming a principle or sub-step. */
  readonly headings: PhraseMatcher<string>;
  /** Broad words suggesting a principle or sub-step; they only separate weak from missing. */
  readonly cues: PhraseMatcher<string>;
  /** Headings of parts that address nothing: definitions, contents, references. */
  readonly asideHeadings: PhraseMatcher<string>;
  /** Headings every document has ("Purpose", "Scope"): they claim nothing alone. */
  readonly genericHeadings: PhraseMatcher<string>;
  /** Words of a title that make the document a guide ("guidance", "FAQ"). */
  readonly guidanceTitles: PhraseMatcher<string>;
  /** Words with which a guide introduces itself ("this guide"). */
  readonly guidanceOpenings: PhraseMatcher<string>;
  /** Words of a title that make the document a blank template. */
  readonly templateTitles: PhraseMatcher<string>;
  /** Words of link targets that readers outside one organisation cannot open. */
  readonly restrictedLinkHosts: PhraseMatcher<string>;
  /** The principles and sub-steps: evidence, cues and headings together. */
  readonly items: ItemMatchers;
  /** The sections of every document kind (payload `section:<kind>/<id>`): their headings, and their content as evidence. */
  readonly kindSections: ItemMatchers;
  /**
   * The sections of one kind only, built on first use: what a declared kind needs. Most kinds
   * share phrases ("purpose"), so matching one kind's finds about a quarter of the matches of
   * every kind's (on the 5,000-line SOP, 8,300 of 36,300).
   */
  sectionsOf(kind: DocumentKind): ItemMatchers;
  /** Titles that name a document kind: payload kind id. */
  readonly kindTitles: PhraseMatcher<string>;
  /** Titles that name a PIM Matrix category, in every language: payload category id. */
  readonly categoryTitles: PhraseMatcher<string>;
  /** Data-sharing requirements: payload requirement id. */
  readonly requirements: PhraseMatcher<string>;
  /** How documents cite superseded laws, in every language: payload law id. */
  readonly supersededLaws: PhraseMatcher<string>;
  /** Every lexicon.json signal but the function words, in one matcher: payload signal id. */
  readonly signals: PhraseMatcher<string>;
  /** Every name and alias of a principle, step, sub-step, category or term, in every language: payload ref. */
  readonly terms: PhraseMatcher<string>;
}

const cache = new WeakMap<Knowledge, Map<Lang, Matchers>>();
export const FUNCTION_WORDS = 'function-words';
const ASIDE_HEADINGS = 'aside-headings';
const GENERIC_HEADINGS = 'generic-headings';
const GUIDANCE_TITLES = 'guidance-titles';
const GUIDANCE_OPENINGS = 'guidance-openings';
/** Signals matched on titles and headings only, not over the whole text. */
const TEMPLATE_TITLES = 'template-titles';
const RESTRICTED_LINK_HOSTS = 'restricted-link-hosts';
/** Signals matched on titles, headings or link targets only, each with a matcher of its own, never over the whole text. */
const OWN_MATCHER_SIGNALS: readonly string[] = [ASIDE_HEADINGS, GENERIC_HEADINGS, GUIDANCE_TITLES, GUIDANCE_OPENINGS, TEMPLATE_TITLES, RESTRICTED_LINK_HOSTS];

export function matchersFor(k: Knowledge, lang: Lang): Matchers {
  let byLang = cache.get(k);
  if (!byLang) {
    byLang = new Map();
    cache.set(k, byLang);
  }
  let matchers = byLang.get(lang);
  if (!matchers) {
    matchers = build(k, lang);
    byLang.set(lang, matchers);
  }
  return matchers;
}

function addAll(matcher: PhraseMatcher<string>, phrases: Iterable<string>, ref: string): void {
  for (const phrase of new Set(phrases)) matcher.add(phrase, ref);
}

/** The headings and content of the sections of these kinds: payload `section:<kind>/<id>`. */
function sectionMatchers(kinds: readonly DocumentKind[], lang: Lang): ItemMatchers {
  const headings = new PhraseMatcher<string>();
  const evidence = new PhraseMatcher<string>();
  for (const kind of kinds) {
    for (const section of kind.sections) {
      const ref = sectionRef(kind, section);
      const headingPhrases = [...namesOf(section.names), ...phrasesIn(section.headings, lang)];
      addAll(headings, headingPhrases, ref);
      addAll(evidence, [...headingPhrases, ...(section.evidence ? phrasesIn(section.evidence, lang) : [])], ref);
    }
  }
  return { evidence, headings };
}

function build(k: Knowledge, lang: Lang): Matchers {
  const evidence = new PhraseMatcher<string>();
  const headings = new PhraseMatcher<string>();
  const cues = new PhraseMatcher<string>();
  for (const p of k.principles) {
    const ref = `principle:${p.id}`;
    const names = [...namesOf(p.names), ...allPhrases(p.aliases)];
    addAll(evidence, [...names, ...phrasesIn(p.evidence, lang)], ref);
    addAll(headings, [...names, ...phrasesIn(p.headings, lang)], ref);
    addAll(cues, phrasesIn(p.cues, lang), ref);
  }
  for (const s of k.substeps) {
    const ref = `substep:${s.id}`;
    const names = [...namesOf(s.names), ...allPhrases(s.aliases)];
    addAll(evidence, [...names, ...phrasesIn(s.evidence, lang), ...s.activities.filter((a) => a.countsForCoverage !== false).flatMap((a) => phrasesIn(a.evidence, lang))], ref);
    addAll(headings, [...names, ...phrasesIn(s.headings, lang)], ref);
    addAll(cues, phrasesIn(s.cues, lang), ref);
  }

  const kindSections = sectionMatchers(k.kinds, lang);
  const kindTitles = new PhraseMatcher<string>();
  for (const kind of k.kinds) for (const phrase of new Set([...namesOf(kind.names), ...allPhrases(kind.aliases)])) kindTitles.add(phrase, kind.id);
  const byKind = new Map<string, ItemMatchers>();
  const sectionsOf = (kind: DocumentKind): ItemMatchers => {
    let matchers = byKind.get(kind.id);
    if (!matchers) {
      matchers = sectionMatchers([kind], lang);
      byKind.set(kind.id, matchers);
    }
    return matchers;
  };

  const categoryTitles = new PhraseMatcher<string>();
  for (const c of k.categories) addAll(categoryTitles, [...namesOf(c.names), ...allPhrases(c.aliases)], c.id);

  const requirements = new PhraseMatcher<string>();
  for (const r of k.requirements) addAll(requirements, phrasesIn(r.evidence, lang), r.id);

  const signals = new PhraseMatcher<string>();
  // Function words serve language detection only; matching them everywhere would cost a match per "the".
  for (const s of k.signals.values()) if (s.id !== FUNCTION_WORDS && !OWN_MATCHER_SIGNALS.includes(s.id)) addAll(signals, phrasesIn(s.phrases, lang), s.id);
  const signalMatcher = (id: string): PhraseMatcher<string> => {
    const matcher = new PhraseMatcher<string>();
    addAll(matcher, phrasesIn(signal(k, id).phrases, lang), id);
    return matcher;
  };

  const supersededLaws = new PhraseMatcher<string>();
  for (const law of k.supersededLaws) addAll(supersededLaws, allPhrases(law.citations), law.id);

  const terms = new PhraseMatcher<string>();
  for (const [ref, entry] of k.byRef) {
    if (entry.kind === 'kind' || entry.kind === 'section' || entry.kind === 'requirement' || entry.kind === 'check') continue;
    addAll(terms, [...namesOf(entry.item.names), ...allPhrases(entry.item.aliases)], ref);
  }
  return {
    evidence,
    headings,
    cues,
    items: { evidence, cues, headings },
    kindSections,
    sectionsOf,
    asideHeadings: signalMatcher(ASIDE_HEADINGS),
    genericHeadings: signalMatcher(GENERIC_HEADINGS),
    guidanceTitles: signalMatcher(GUIDANCE_TITLES),
    guidanceOpenings: signalMatcher(GUIDANCE_OPENINGS),
    templateTitles: signalMatcher(TEMPLATE_TITLES),
    restrictedLinkHosts: signalMatcher(RESTRICTED_LINK_HOSTS),
    kindTitles,
    categoryTitles,
    requirements,
    supersededLaws,
    signals,
    terms,
  };
}
