/** Pure: the plain data the engine returns. Offsets are UTF-16 code units into the document text. */
import type { Lang } from './knowledge/types';

export type { Lang };

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A text edit, in offsets of the document the finding was computed for. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A change a quick fix can apply; `safe` ones may be applied by "fix all" without review. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  readonly safe: boolean;
}

export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** One sentence: what is missing and how to fix it, in the document's language where the knowledge has it. */
  readonly message: string;
  readonly span: Span;
  /** Knowledge ids the finding is about, e.g. `principle:do-no-harm`, `substep:collect-data`. */
  readonly refs: readonly string[];
  /** Evidence, or the place where the fix belongs. */
  readonly related?: readonly RelatedSpan[];
  readonly fix?: Fix;
}

export type CoverageStatus = 'addressed' | 'weak' | 'missing';

export interface Evidence {
  readonly span: Span;
  /** `heading` when a section heading names the item, `text` for a sentence. */
  readonly via: 'heading' | 'text';
}

export interface ItemCoverage {
  readonly status: CoverageStatus;
  readonly evidence: readonly Evidence[];
}

export interface Coverage {
  readonly principles: Readonly<Record<string, ItemCoverage>>;
  readonly substeps: Readonly<Record<string, ItemCoverage>>;
  readonly steps: Readonly<Record<string, ItemCoverage>>;
}

/** `pim: {kind: none}`: the document fits no kind; it is checked against the PIM Principles only. */
export const NO_KIND = 'none';

export type DocumentStatus = 'draft' | 'review' | 'final';
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['draft', 'review', 'final'];

/** Per-rule setting from configuration: a severity, or off. */
export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** Rule id -> severity or off; wins over defaults and over the document's status. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Language used when the document declares none; detection is used when absent. */
  readonly language?: Lang;
  /** Lint even without a `pim:` front matter block (the file was named explicitly or matched a config glob). */
  readonly treatAsPim?: boolean;
  /** Document kind to use when the document declares none (CLI `--kind`). */
  readonly kind?: string;
  /** UTF-8 bytes beyond which a document is declined with one finding; `LIMITS.maxDocumentSize` when absent. */
  readonly maxDocumentSize?: number;
  /** The size in bytes of the whole document when the text given is only its beginning (a file too big to read whole). */
  readonly documentSize?: number;
}
