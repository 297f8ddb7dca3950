/**
 * Pure: everything the engine works out about one version of one document, computed lazily and
 * at most once. Lint, hover, completion and code lens all read the same Analysis.
 */
import type { Knowledge } from '../knowledge/load';
import type { Category, DocumentKind, Lang, Principle, Substep } from '../knowledge/types';
import { buildModel, type Block, type DocumentModel, type Section } from '../model/build-model';
import type { PimDeclaration } from '../model/front-matter';
import { DOCUMENT_STATUSES, type Coverage, type DocumentStatus, type LintOptions, type Span } from '../types';
import { matchDocument } from './chunk-matches';
import { computeCoverage } from './coverage';
import { collectEvidence, type DocumentEvidence } from './evidence';
import { inferKind, type KindGuess } from './infer-kind';
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
  readonly category: Category | undefined;
  readonly kind: DocumentKind | undefined;
  readonly kindSource: KindSource;
  /** The front matter names a kind the knowledge base does not have. */
  readonly kindUnknown: boolean;
  readonly guess: KindGuess | undefined;
  private memo = new Map<string, unknown>();

  /**
   * `previous`, the analysis of the document's previous version, lets unchanged parts be reused;
   * `'incremental'` prepares a first version for that (the editor), nothing parses it fastest once (the CLI).
   */
  constructor(
    readonly text: string,
    readonly knowledge: Knowledge,
    readonly options: LintOptions = {},
    previous?: Analysis | 'incremental',
  ) {
    this.model = buildModel(text, previous === 'incremental' ? previous : previous?.model);
    this.declaration = this.model.frontMatter?.pim;
    const fields = this.declaration?.fields ?? {};
    const declaredLang = knowledge.locales.find((l) => l === fields.lang?.value.toLowerCase());
    this.language = declaredLang ?? options.language ?? detectLanguage(this.model, knowledge);
    this.matchers = matchersFor(knowledge, this.language);
    this.isPim = this.model.frontMatter?.declaresPim === true || options.treatAsPim === true;
    this.status = DOCUMENT_STATUSES.find((s) => s === fields.status?.value.toLowerCase());
    this.category = knowledge.categories.find((c) => c.id === fields.category?.value);
    const declared = knowledge.kinds.find((kind) => kind.id === fields.kind?.value);
    const optioned = knowledge.kinds.find((kind) => kind.id === options.kind);
    this.guess = declared || optioned || fields.kind ? undefined : inferKind(this.model, knowledge, this.matchers);
    this.kind = declared ?? optioned ?? this.guess?.kind;
    this.kindUnknown = fields.kind !== undefined && !declared;
    this.kindSource = declared ? 'declared' : optioned ? 'option' : this.guess ? 'inferred' : 'none';
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
    return this.once('placeholders', () => findPlaceholders(this.model, this.signalHits('placeholders')));
  }

  /** Document offsets of the words that belong to placeholders. */
  get placeholderWords(): ReadonlySet<number> {
    return this.once('placeholderWords', () => placeholderTokenStarts(this.model, this.placeholders));
  }

  /** Weighed evidence for every principle and sub-step, the input of coverage and of the calibration script. */
  get evidence(): DocumentEvidence {
    return this.once('evidence', () =>
      collectEvidence(this.model, this.matchers, (id) => this.signalHits(id).map((hit) => ({ start: hit.span.start, block: hit.block }))),
    );
  }

  get coverage(): Coverage {
    return this.once('coverage', () => computeCoverage(this.model, this.knowledge, this.evidence));
  }

  /** For the document's kind: section id -> the sections whose heading matches it. */
  get sectionsFound(): ReadonlyMap<string, readonly Section[]> {
    return this.once('sectionsFound', () => {
      const found = new Map<string, Section[]>();
      if (!this.kind) return found;
      for (const section of this.model.sections) {
        for (const match of this.matchers.sections.findAll(section.titleTokens)) {
          if (match.payload.kind !== this.kind.id) continue;
          const list = found.get(match.payload.section) ?? [];
          if (!list.includes(section)) list.push(section);
          found.set(match.payload.section, list);
        }
      }
      return found;
    });
  }

  /** Where the phrases of a lexicon signal occur in evidence text (headings included). */
  signalHits(id: string): readonly SignalHit[] {
    if (!this.knowledge.signals.has(id)) throw new Error(`lexicon.json has no signal "${id}"`);
    return this.allSignalHits.get(id) ?? [];
  }

  /** Every signal found in one pass over the text, grouped by signal id. */
  private get allSignalHits(): ReadonlyMap<string, SignalHit[]> {
    return this.once('signals', () => {
      const hits = new Map<string, SignalHit[]>();
      for (const m of matchDocument(this.model, this.matchers.signals)) {
        const list = hits.get(m.payload) ?? [];
        list.push({ span: { start: m.start, end: m.end }, block: m.block, phrase: m.phrase });
        hits.set(m.payload, list);
      }
      return hits;
    });
  }

  /** Blocks that mention any phrase of a signal. */
  blocksWith(id: string): ReadonlySet<number> {
    return this.once(`blocks:${id}`, () => new Set(this.signalHits(id).map((h) => h.block)));
  }

  block(index: number): Block {
    const block = this.model.blocks[index];
    if (!block) throw new Error(`no block ${index}`);
    return block;
  }

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}
