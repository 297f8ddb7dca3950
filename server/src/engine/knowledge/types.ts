/** Pure: the shape of the knowledge data files (see server/knowledge/knowledge.schema.json). */

export type Lang = 'en' | 'fr' | 'es' | 'ar';
export const LANGS: readonly Lang[] = ['en', 'fr', 'es', 'ar'];

export type Status = 'verified' | 'partly-verified' | 'inferred';
export type TranslationStatus = Partial<Record<Exclude<Lang, 'en'>, 'official' | 'official-partial' | 'own'>>;

/** English is always present; other languages when the data has them. */
export type LocalizedText = { readonly en: string } & Readonly<Partial<Record<Exclude<Lang, 'en'>, string>>>;
export type Names = LocalizedText;
export type Phrases = { readonly en: readonly string[]; readonly fr: readonly string[]; readonly es: readonly string[]; readonly ar?: readonly string[] };

interface Sourced {
  readonly source: string;
}

interface Named extends Sourced {
  readonly id: string;
  readonly names: Names;
  readonly translationStatus?: TranslationStatus;
}

export interface Principle extends Named {
  readonly order: number;
  readonly aliases: Phrases;
  readonly description: LocalizedText;
  readonly checklist: readonly LocalizedText[];
  readonly headings: Phrases;
  readonly evidence: Phrases;
  /** Broad words: enough to call a mention weak, never enough to call the principle addressed. */
  readonly cues: Phrases;
  /** Sub-step ids where the principle matters most (Principles in Action). */
  readonly steps: readonly string[];
  /** Step id -> the question a document should answer at that step. */
  readonly inAction: Readonly<Record<string, LocalizedText>>;
  readonly status: Status;
}

export interface Activity extends Named {
  readonly meaning: LocalizedText;
  readonly evidence: Phrases;
  /** false when the activity's phrases are judged under another item (a risk assessment under Do no harm). */
  readonly countsForCoverage?: boolean;
  readonly status: Status;
}

export interface Substep extends Named {
  readonly code: string;
  readonly aliases: Phrases;
  readonly description: LocalizedText;
  readonly purposes: readonly LocalizedText[];
  readonly activities: readonly Activity[];
  readonly headings: Phrases;
  readonly evidence: Phrases;
  /** Broad words: enough to call a mention weak, never enough to call the sub-step addressed. */
  readonly cues: Phrases;
  readonly status: Status;
}

export interface Step extends Named {
  readonly order: number;
  readonly aliases: Phrases;
  readonly description: LocalizedText;
  readonly substeps: readonly Substep[];
  readonly status: Status;
}

export interface MatrixRow extends Named {
  readonly adaptable: boolean;
  readonly description: LocalizedText;
}

export interface Category extends Named {
  readonly order: number;
  readonly aliases: Phrases;
  readonly definition: LocalizedText;
  readonly output: LocalizedText;
  readonly subCategories: readonly LocalizedText[];
  readonly methods: readonly LocalizedText[];
  readonly specificExamples: readonly LocalizedText[];
  readonly sharedData: LocalizedText;
  readonly sourcesOfInformation: readonly LocalizedText[];
  readonly unitOfAnalysis?: LocalizedText;
  readonly evidence: Phrases;
  readonly status: Status;
  /** What the Matrix row on shared data keeps inside protection, as lexicon signals. */
  readonly sharing: CategorySharing;
}

export interface CategorySharing {
  /** The lexicon signal naming the data the category keeps with protection actors. */
  readonly keeps: string;
  /** Signals of a stated basis (consent, an agreement) under which that data may go further. */
  readonly unless: readonly string[];
}

export interface Term extends Named {
  readonly aliases: Phrases;
  readonly definition: LocalizedText;
  readonly related: readonly string[];
  readonly domain: string;
  readonly status: Status;
}

export interface Section extends Named {
  readonly headings: Phrases;
  /** Phrases that show the section's content wherever it is written (under another heading, in a table). */
  readonly evidence?: Phrases;
  readonly required: boolean;
  /** A lexicon signal: the section is required only in documents where the signal occurs (a consent section where personal data is). */
  readonly requiredWhen?: string;
  readonly substeps: readonly string[];
  readonly principles: readonly string[];
  readonly skeleton: LocalizedText;
}

export interface DocumentKind extends Named {
  readonly aliases: Phrases;
  readonly description: LocalizedText;
  readonly categories: readonly string[];
  readonly substeps: readonly string[];
  readonly principles: readonly string[];
  readonly sections: readonly Section[];
  readonly status: Status;
}

export interface Requirement extends Named {
  readonly description: LocalizedText;
  readonly evidence: Phrases;
  readonly principles?: readonly string[];
}

export interface Signal extends Sourced {
  readonly id: string;
  readonly description: string;
  readonly phrases: Phrases;
}

/** Weights of the coverage score (see analysis/evidence.ts); fitted by scripts/fit.ts, never set by hand. */
export interface CoverageWeights {
  /** An evidence phrase of two words or more, the first time it occurs. */
  readonly phrase: number;
  /** A one-word evidence phrase, the first time it occurs. */
  readonly word: number;
  /** A broad cue word, the first time it occurs. */
  readonly cue: number;
  /** Each further occurrence of the same phrase weighs this factor times the one before. */
  readonly repeat: number;
  /** Factor for a sentence that states a duty, a rule or a prohibition. */
  readonly obligation: number;
  /** Factor for a list item or a table cell. */
  readonly structured: number;
  /** Factor for definitions, tables of contents, references and link lists. */
  readonly aside: number;
  /** A heading that names the item over a section that backs it. */
  readonly heading: number;
  /** The same for a generic heading ("Purpose", "Scope", "Methodology"). */
  readonly genericHeading: number;
  /** Factor for the score of the one section (with its sub-sections) where the item weighs most: a treatment, not scattered mentions. */
  readonly focus: number;
  /** Score the section under a heading must reach for the heading to count. */
  readonly backing: number;
  /** In that score, each further occurrence of the same phrase weighs this factor times the one before. */
  readonly backingRepeat: number;
  /** Subtracted per doubling of the document's length beyond 500 words: long texts mention everything in passing. */
  readonly length: number;
}

export interface Thresholds {
  readonly weak: number;
  readonly addressed: number;
}

export interface Calibration {
  readonly source: string;
  /** What the numbers were fitted on, and how well they did there and in cross-validation. */
  readonly fitted: Readonly<Record<string, unknown>>;
  readonly coverage: {
    readonly weights: CoverageWeights;
    readonly thresholds: Thresholds;
    /** Added to one item's score (`principle:<id>`, `substep:<id>`): items differ in how often their words turn up by chance. */
    readonly offsets: Readonly<Record<string, number>>;
  };
  /**
   * Section presence has weights of its own, so that refitting the coverage judgement does not move
   * which sections a document has: a handful of expert section rows are too few to fit the weights,
   * so they are the coverage weights of the fit that last set them (`npm run fit -- --refit-sections`).
   * `present` is the score of a section's content, with those weights, from which the section counts
   * as present without its heading.
   */
  readonly sections: { readonly weights: CoverageWeights; readonly present: number };
  /**
   * Kind inference: the bonus of a title that names the kind, the score (section share plus bonus)
   * a kind needs, and, for a kind no title names, how far ahead of the runner-up it must be and how
   * many of its required sections may be missing.
   */
  readonly kinds: { readonly titleBonus: number; readonly minScore: number; readonly minMargin: number; readonly maxMissing: number };
}

/** A Principles-in-Action check as data: what raises the question of a principle at a step, and what answers it. */
export interface Check {
  readonly id: string;
  readonly names: Names;
  readonly step: string;
  readonly substep: string;
  readonly principle: string;
  /** A sentence holding a signal of each group; sub-steps the document covers at least in passing; sub-steps it misses. */
  readonly when: { readonly sentence?: readonly (readonly string[])[]; readonly covered?: readonly string[]; readonly missing?: readonly string[] };
  readonly unless: { readonly document?: readonly string[]; readonly sentence?: readonly string[] };
  readonly message: string;
  readonly source: string;
  readonly status: Status;
  readonly examples: { readonly valid: readonly { readonly text: string }[]; readonly invalid: readonly { readonly text: string; readonly findings?: number }[] };
}

/** A legal instrument documents still cite although it was repealed, replaced or invalidated. */
export interface SupersededLaw {
  readonly id: string;
  readonly names: Names;
  readonly citations: Phrases;
  readonly replacedBy: LocalizedText;
  readonly source: string;
}

export interface SourceEntry {
  readonly id: string;
  readonly title: string;
  /** A short name where the title is too long (the source line of a diagnostic). */
  readonly short?: string;
  readonly kind: 'seed' | 'public' | 'team';
  readonly url?: string;
}

/** The data files, keyed by file name, as read from server/knowledge/. */
export interface KnowledgeFiles {
  readonly 'meta.json': { readonly version: string; readonly locales: readonly Lang[]; readonly sources: readonly SourceEntry[] };
  readonly 'principles.json': { readonly principles: readonly Principle[] };
  readonly 'process.json': {
    readonly stepsArePrescriptive: true;
    readonly substepsArePrescriptive: false;
    readonly prescriptiveNote: LocalizedText;
    readonly steps: readonly Step[];
    readonly source: string;
  };
  readonly 'categories.json': { readonly rows: readonly MatrixRow[]; readonly categories: readonly Category[] };
  readonly 'glossary.json': { readonly terms: readonly Term[] };
  readonly 'document-kinds.json': { readonly kinds: readonly DocumentKind[] };
  readonly 'data-sharing.json': { readonly requirements: readonly Requirement[] };
  readonly 'lexicon.json': { readonly signals: readonly Signal[] };
  readonly 'messages.json': { readonly messages: Readonly<Record<string, LocalizedText>> };
  readonly 'calibration.json': Calibration;
  readonly 'laws.json': { readonly superseded: readonly SupersededLaw[] };
  readonly 'checks.json': { readonly checks: readonly Check[] };
}

export const KNOWLEDGE_FILE_NAMES = [
  'meta.json',
  'principles.json',
  'process.json',
  'categories.json',
  'glossary.json',
  'document-kinds.json',
  'data-sharing.json',
  'lexicon.json',
  'messages.json',
  'calibration.json',
  'laws.json',
  'checks.json',
] as const satisfies readonly (keyof KnowledgeFiles)[];

/** Kinds of items a `kind:id` reference can name. */
export type RefKind = 'principle' | 'step' | 'substep' | 'category' | 'term' | 'kind' | 'section' | 'requirement' | 'check';

/** Anything with an id, names and a source that a reference can point at. */
export type KnowledgeItem =
  | { readonly kind: 'principle'; readonly item: Principle }
  | { readonly kind: 'step'; readonly item: Step }
  | { readonly kind: 'substep'; readonly item: Substep; readonly step: Step }
  | { readonly kind: 'category'; readonly item: Category }
  | { readonly kind: 'term'; readonly item: Term }
  | { readonly kind: 'kind'; readonly item: DocumentKind }
  /** A section of a document kind: `section:<kind id>/<section id>`. */
  | { readonly kind: 'section'; readonly item: Section; readonly owner: DocumentKind }
  | { readonly kind: 'requirement'; readonly item: Requirement }
  | { readonly kind: 'check'; readonly item: Check };
