/**
 * Pure: everything the engine works out about one version of one document, computed lazily and
 * at most once. Lint, hover, completion and code lens all read the same Analysis.
 */
import type { Knowledge } from '../knowledge/load';
import type { Category, DocumentKind, Lang, Principle, Section as KindSection, Substep } from '../knowledge/types';
import { buildModel, buildModelInSteps, type Block, type DocumentModel, type Section, type Segment } from '../model/build-model';
import type { PimDeclaration } from '../model/front-matter';
import { frontMatterEnd, guardDocumentInSteps, type Decline } from '../model/guard';
import { LIMITS } from '../limits';
import { runToEnd, type Steps } from '../steps';
import { lineStartsOf } from '../text/lines';
import { phraseKeysOf } from '../knowledge/lookup';
import { DOCUMENT_STATUSES, NO_KIND, type Coverage, type DocumentStatus, type LintOptions, type Span } from '../types';
import { segmentMatchesByPayload, type ChunkMatch } from './chunk-matches';
import { computeCoverage } from './coverage';
import { collectEvidenceInSteps, evidenceContext, prepareChunk, type DocumentEvidence, type EvidenceContext } from './evidence';
import { chooseCategory, type CategorySource } from './infer-category';
import { chooseKind, kindScores, type KindGuess, type KindScore } from './infer-kind';
import { readsLikeGuidance, readsLikeTemplate } from './genre';
import { sectionPresence, sectionsPresent, type Presence } from './sections';
import { detectLanguage } from './language';
import { matchersFor, type Matchers } from './matchers';
import { findPlaceholders, placeholderTokenStarts } from './placeholders';

export type KindSource = 'declared' | 'option' | 'inferred' | 'none';

export interface SignalHit {
  readonly span: Span;
  readonly block: number;
  readonly phrase: string;
}

export class Analysis {
  readonly model: DocumentModel;
  readonly declaration: PimDeclaration | undefined;
  readonly language: Lang;
  readonly matchers: Matchers;
  /** Whether the tools should report anything: the document declares `pim:` or was marked as a PIM document. */
  readonly isPim: boolean;
  readonly status: DocumentStatus | undefined;
  /** The front matter names a kind the knowledge base does not have. */
  readonly kindUnknown: boolean;
  /** The kind the front matter or an option names, when the knowledge base has it. */
  private readonly givenKind: DocumentKind | undefined;
  /** The front matter or an option settles the kind (a kind, `none`, or a kind unknown): nothing is inferred. */
  private readonly kindDecided: boolean;
  private readonly kindGiven: KindSource;
  /** Why the document is not checked: too big, or shaped so that parsing it would take too long. Only its front matter is then read. */
  readonly declined: Decline | undefined;
  private memo = new Map<string, unknown>();

  /**
   * `previous`, the analysis of the document's previous version, lets unchanged parts be reused;
   * `'whole'` parses the text in one piece instead of in chunks, which chunks must equal (the tests
   * compare them); a `ParsedDocument` is the text already guarded and parsed (`parseInSteps`).
   */
  constructor(
    readonly text: string,
    readonly knowledge: Knowledge,
    readonly options: LintOptions = {},
    previous?: Analysis | 'whole' | ParsedDocument,
  ) {
    const parsed = previous === undefined || previous === 'whole' || previous instanceof Analysis ? runToEnd(parseInSteps(text, options, previous)) : previous;
    this.declined = parsed.declined;
    this.model = parsed.model;
    this.declaration = this.model.frontMatter?.pim;
    const fields = this.declaration?.fields ?? {};
    const declaredLang = knowledge.locales.find((l) => l === fields.lang?.value.toLowerCase());
    this.language = declaredLang ?? options.language ?? detectLanguage(this.model, knowledge);
    this.matchers = matchersFor(knowledge, this.language);
    this.isPim = this.model.frontMatter?.declaresPim === true || options.treatAsPim === true;
    this.status = DOCUMENT_STATUSES.find((s) => s === fields.status?.value.toLowerCase());
    const declaredNone = fields.kind?.value === NO_KIND;
    const optionedNone = !fields.kind && options.kind === NO_KIND;
    const declared = knowledge.kinds.find((kind) => kind.id === fields.kind?.value);
    const optioned = fields.kind ? undefined : knowledge.kinds.find((kind) => kind.id === options.kind);
    this.givenKind = declared ?? optioned;
    this.kindDecided = Boolean(declared || optioned || fields.kind || optionedNone);
    this.kindUnknown = fields.kind !== undefined && !declared && !declaredNone;
    this.kindGiven = declared || declaredNone ? 'declared' : optioned || optionedNone ? 'option' : 'none';
  }

  /** The best-fitting kind of a document that settles none, if one fits well enough. */
  get guess(): KindGuess | undefined {
    return this.once('guess', () => (this.kindDecided ? undefined : chooseKind(this.kindScores, this.knowledge.calibration.kinds, !this.isGuidance)));
  }

  get kind(): DocumentKind | undefined {
    return this.givenKind ?? this.guess?.kind;
  }

  get kindSource(): KindSource {
    return this.kindGiven === 'none' && this.guess ? 'inferred' : this.kindGiven;
  }

  /** The PIM Matrix category: declared, the one of the kind, or the one the title names. */
  get category(): Category | undefined {
    return this.categoryChoice.category;
  }

  get categorySource(): CategorySource {
    return this.categoryChoice.source;
  }

  private get categoryChoice(): { category: Category | undefined; source: CategorySource } {
    return this.once('category', () => chooseCategory(this.declaration?.fields.category?.value, this.kind, this.model, this.matchers, this.knowledge));
  }

  /**
   * Works out, chunk by chunk and then item by item, what the rules read, one step at a time, so
   * that a caller can let other work in between; the rules then find it done.
   */
  *computeInSteps(): Steps<void> {
    if (!this.isPim || this.declined) return;
    const sections = this.givenKind ? this.matchers.sectionsOf(this.givenKind) : this.kindDecided ? undefined : this.matchers.kindSections;
    for (const segment of this.model.segments) {
      prepareChunk(this.model, segment, this.matchers, sections);
      yield;
    }
    const kinds = this.givenKind ? [this.givenKind] : this.kindDecided ? [] : this.knowledge.kinds;
    if (this.givenKind) yield* this.sectionEvidenceOfInSteps(this.givenKind);
    else if (kinds.length > 0) yield* this.sectionEvidenceInSteps();
    for (const kind of kinds) {
      this.presenceOf(kind);
      yield;
    }
    yield* this.evidenceInSteps();
    for (const step of [() => this.kind, () => this.coverage, () => this.sectionsFound]) {
      step();
      yield;
    }
  }

  /** How well the document fits each kind, by title and by the sections it has. */
  get kindScores(): readonly KindScore[] {
    return this.once('kindScores', () =>
      kindScores(
        this.model,
        this.knowledge,
        this.matchers,
        (kind) => this.sectionsPresentFor(kind),
        (section) => this.requires(section),
      ),
    );
  }

  /**
   * A document that explains how to do something (a guide, an FAQ) rather than doing it: it is
   * not asked for the sections of the kind it explains, and it plans no exercise of its own.
   */
  get isGuidance(): boolean {
    return this.once('isGuidance', () => readsLikeGuidance(this.model, this.matchers));
  }

  /** A blank template, whose bracketed prompts ("[Insert project name]") are to be filled in, not left over. */
  get isTemplate(): boolean {
    return this.once('isTemplate', () => readsLikeTemplate(this.model, this.matchers));
  }

  /** The principles the document must address: its kind's, or all eight when no kind is known. */
  get expectedPrinciples(): readonly Principle[] {
    return this.once('expectedPrinciples', () => (this.kind ? this.knowledge.principles.filter((p) => this.kind?.principles.includes(p.id)) : this.knowledge.principles));
  }

  /** The sub-steps the document must cover: its kind's, or all twelve when no kind is known. */
  get expectedSubsteps(): readonly Substep[] {
    return this.once('expectedSubsteps', () => (this.kind ? this.knowledge.substeps.filter((s) => this.kind?.substeps.includes(s.id)) : this.knowledge.substeps));
  }

  get placeholders(): readonly Span[] {
    return this.once('placeholders', () => findPlaceholders(this.model, this.signalHits('placeholders'), this.signalHits('placeholder-blocks'), { bracketed: !this.isTemplate }));
  }

  /** Document offsets of the words that belong to placeholders. */
  get placeholderWords(): ReadonlySet<number> {
    return this.once('placeholderWords', () => placeholderTokenStarts(this.model, this.placeholders));
  }

  /** Weighed evidence for every principle and sub-step, the input of coverage and of the calibration script. */
  get evidence(): DocumentEvidence {
    return runToEnd(this.evidenceInSteps());
  }

  private evidenceInSteps(): Steps<DocumentEvidence> {
    return this.onceInSteps('evidence', () => collectEvidenceInSteps(this.evidenceContext, this.matchers.items));
  }

  /** Evidence for the sections of every document kind (a section is present when its content is): what kind inference weighs. */
  get sectionEvidence(): DocumentEvidence {
    return runToEnd(this.sectionEvidenceInSteps());
  }

  private sectionEvidenceInSteps(): Steps<DocumentEvidence> {
    return this.onceInSteps('sectionEvidence', () => collectEvidenceInSteps(this.evidenceContext, this.matchers.kindSections));
  }

  /** A kind given by the front matter or an option needs its own sections only; inference weighs every kind's. */
  private sectionEvidenceFor(kind: DocumentKind): DocumentEvidence {
    return runToEnd(kind === this.givenKind ? this.sectionEvidenceOfInSteps(kind) : this.sectionEvidenceInSteps());
  }

  /**
   * Evidence for the sections of one kind only: what a declared kind needs, at a fraction of the
   * cost. Phrases are matched and evidence is collected item by item, so it is the same for that
   * kind's sections as in `sectionEvidence`.
   */
  sectionEvidenceOf(kind: DocumentKind): DocumentEvidence {
    return runToEnd(this.sectionEvidenceOfInSteps(kind));
  }

  private sectionEvidenceOfInSteps(kind: DocumentKind): Steps<DocumentEvidence> {
    return this.onceInSteps(`sectionEvidence:${kind.id}`, () => collectEvidenceInSteps(this.evidenceContext, this.matchers.sectionsOf(kind)));
  }

  private get evidenceContext(): EvidenceContext {
    return this.once('evidenceContext', () =>
      evidenceContext(this.model, this.matchers, this.placeholders),
    );
  }

  get coverage(): Coverage {
    return this.once('coverage', () => computeCoverage(this.model, this.knowledge, this.evidence));
  }

  /** The required sections of the document's kind that it lacks; none for a guide, which explains the kind rather than being one. */
  get missingSections(): readonly KindSection[] {
    return this.once('missingSections', () =>
      this.kind && !this.isGuidance ? this.kind.sections.filter((s) => this.requires(s) && !this.sectionsFound.has(s.id)) : [],
    );
  }

  /** For the document's kind: section id -> headings that name the section with nothing under them. */
  get emptyHeadedSections(): ReadonlyMap<string, readonly Section[]> {
    return this.once('emptyHeadedSections', () => {
      const kind = this.kind;
      if (!kind) return new Map();
      return new Map([...this.presenceOf(kind)].flatMap(([id, presence]) => (presence.emptyHeaded.length > 0 ? [[id, presence.emptyHeaded] as const] : [])));
    });
  }

  /** Whether the document must have a section of its kind: a required one, unless it applies only where a signal occurs. */
  requires(section: KindSection): boolean {
    return section.required && (section.requiredWhen === undefined || this.signalHits(section.requiredWhen).length > 0);
  }

  /**
   * Whether a gap about this item (`principle:…`, `substep:…`) is already reported as a missing
   * required section that is its home: one the kind ties to the item and that shares a heading
   * with it ("Risk assessment" for Do no harm). One gap is reported once, where its fix is.
   */
  coveredByMissingSection(ref: string): boolean {
    const [kind, id = ''] = ref.split(':');
    const item = kind === 'principle' ? this.knowledge.principles.find((p) => p.id === id) : this.knowledge.substeps.find((s) => s.id === id);
    if (!item) return false;
    const itemHeadings = phraseKeysOf(item.headings);
    return this.missingSections.some((s) => (kind === 'principle' ? s.principles : s.substeps).includes(id) && [...phraseKeysOf(s.headings)].some((h) => itemHeadings.has(h)));
  }

  /**
   * Whether the document itself plans to collect, publish or share data about people: only then do
   * the Principles-in-Action checks of an exercise (consent, risks) apply.
   */
  get plansDataActivity(): boolean {
    return this.once('plansDataActivity', () => {
      if (this.isGuidance) return false;
      const collects = this.coverage.substeps['collect-data']?.status === 'addressed';
      return collects || (this.coverage.substeps['disseminate-and-share']?.status === 'addressed' && this.signalHits('personal-data').length > 0);
    });
  }

  /**
   * Whether the document says, even in passing, that it shares or publishes data about people: the
   * risks exist as soon as such data leaves the team, whether or not a procedure is written.
   */
  get sharesPersonalData(): boolean {
    return this.once('sharesPersonalData', () => !this.isGuidance && this.coverage.substeps['disseminate-and-share']?.status !== 'missing' && this.signalHits('personal-data').length > 0);
  }

  /** For the document's kind: section id -> where the section is, by its heading or by its content. */
  get sectionsFound(): ReadonlyMap<string, readonly Section[]> {
    return this.kind ? this.sectionsPresentFor(this.kind) : new Map();
  }

  sectionsPresentFor(kind: DocumentKind): ReadonlyMap<string, readonly Section[]> {
    return this.once(`sections:${kind.id}`, () => sectionsPresent(this.model, this.presenceOf(kind), this.knowledge.calibration));
  }

  /** How each section of a kind shows in the document: by a heading (with words under it or not) and by its content. */
  private presenceOf(kind: DocumentKind): ReadonlyMap<string, Presence> {
    return this.once(`presence:${kind.id}`, () => sectionPresence(this.model, kind, this.sectionEvidenceFor(kind), this.knowledge.calibration));
  }

  /** Where the phrases of a lexicon signal occur in evidence text (headings included); placed in the document only for the signals asked about. */
  signalHits(id: string): readonly SignalHit[] {
    if (!this.knowledge.signals.has(id)) throw new Error(`lexicon.json has no signal "${id}"`);
    return this.once(`signal:${id}`, () => {
      const hits: SignalHit[] = [];
      const { segments } = this.model;
      const bySegment = this.signalMatchesBySegment;
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] as Segment;
        for (const m of bySegment[i]?.get(id) ?? []) hits.push({ span: { start: m.start + segment.base, end: m.end + segment.base }, block: m.block + segment.first, phrase: m.phrase });
      }
      return hits;
    });
  }

  /** Each chunk's signal matches by signal, in the order of `model.segments`. */
  private get signalMatchesBySegment(): readonly ReadonlyMap<string, readonly ChunkMatch[]>[] {
    return this.once('signalMatchesBySegment', () => this.model.segments.map((segment) => segmentMatchesByPayload(this.model, segment, this.matchers.signals)));
  }

  /** Where a signal occurs in one block: what sentence checks ask, without a pass over the whole document per sentence. */
  signalHitsIn(id: string, block: number): readonly SignalHit[] {
    return this.hitsByBlock(id).get(block) ?? [];
  }

  /** Blocks that mention any phrase of a signal. */
  blocksWith(id: string): ReadonlySet<number> {
    return this.once(`blocks:${id}`, () => new Set(this.hitsByBlock(id).keys()));
  }

  private hitsByBlock(id: string): ReadonlyMap<number, readonly SignalHit[]> {
    return this.once(`hitsByBlock:${id}`, () => {
      const grouped = new Map<number, SignalHit[]>();
      for (const hit of this.signalHits(id)) {
        const list = grouped.get(hit.block);
        if (list) list.push(hit);
        else grouped.set(hit.block, [hit]);
      }
      return grouped;
    });
  }

  block(index: number): Block {
    const block = this.model.blocks[index];
    if (!block) throw new Error(`no block ${index}`);
    return block;
  }

  /** Like `once`, for work done in steps: the steps run at most once, by whoever asks first. */
  private *onceInSteps<T>(key: string, steps: () => Steps<T>): Steps<T> {
    if (!this.memo.has(key)) this.memo.set(key, yield* steps());
    return this.memo.get(key) as T;
  }

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}

/** A document guarded and parsed: what an Analysis is built on. */
export interface ParsedDocument {
  readonly declined: Decline | undefined;
  readonly model: DocumentModel;
}

/** Guards the text, then parses it one step per chunk parsed afresh; `previous` as for an Analysis. */
export function* parseInSteps(text: string, options: LintOptions, previous?: Analysis | 'whole'): Steps<ParsedDocument> {
  const declined = yield* guardDocumentInSteps(text, { maxDocumentSize: options.maxDocumentSize ?? LIMITS.maxDocumentSize, structure: LIMITS.structure }, options.documentSize);
  const model = declined ? frontMatterModel(text) : yield* buildModelInSteps(text, previous === 'whole' ? previous : previous?.model);
  return { declined, model };
}

/**
 * The model of a declined document: its front matter only (whether it declares `pim:` and in what
 * language), with the lines of the whole text so that the declining finding can point anywhere.
 */
function frontMatterModel(text: string): DocumentModel {
  const end = frontMatterEnd(text, LIMITS.frontMatterScan) ?? 0;
  return { ...buildModel(text.slice(0, end)), text, lineStarts: lineStartsOf(text) };
}

