/** Pure: the shape every rule has. A rule reads the Analysis and reports; it never builds editor types. */
import type { Analysis } from '../analysis/analysis';
import type { Lang } from '../knowledge/types';
import type { Fix, LintOptions, RelatedSpan, Severity, Span } from '../types';
import type { Steps } from '../steps';

export interface RuleExample {
  readonly text: string;
  readonly options?: LintOptions;
  /** For invalid examples: how many findings of the rule the text produces. */
  readonly findings?: number;
}

export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly refs?: readonly string[];
  readonly related?: readonly RelatedSpan[];
  readonly fix?: Fix;
  /** When one rule reports at two levels (a missing step is a warning, a missing sub-step information). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly analysis: Analysis;
  readonly lang: Lang;
  /** Where findings about the whole document go: the title heading, else the `pim:` key, else the start. */
  readonly anchor: Span;
  report(report: Report): void;
  /** A messages.json template in the document's language. */
  message(key: string, params?: Readonly<Record<string, string | number>>): string;
}

export interface Rule {
  /** Stable, kebab-case, equal to the file name. */
  readonly id: string;
  /** One line, shown in the README rules table and the docs. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Knowledge ids the rule is about, e.g. `principle:do-no-harm`. */
  readonly refs: readonly string[];
  /**
   * Where the requirement the rule checks comes from: source ids of server/knowledge/meta.json with
   * a locator, separated by semicolons ("S001 Annex 3; TEAM"), `TEAM` where it is our synthesis. The
   * requirement itself, in our words, is the messages.json entry `source.<rule id>` in en, fr and es.
   * How sure the rule is follows from the kinds of the sources cited (see knowledge/provenance.ts).
   */
  readonly source: string;
  /** For the rule's documentation page: what to write or change so that the finding goes away. */
  readonly howToFix: string;
  /** Reports something expected but absent: a draft lowers it by one level. */
  readonly missingItem: boolean;
  /**
   * `document`: the finding is about the document as a whole (an absence), wherever it is shown;
   * `text`: it is about the text where it is shown (a channel, a placeholder, a phone number).
   */
  readonly scope: 'document' | 'text';
  /** Judges the document against its kind's expectations: skipped while the declared kind is unknown, so that error is fixed first. */
  readonly usesKind?: boolean;
  /** Severity when the document's status is final, if it differs. */
  readonly finalSeverity?: Severity;
  readonly examples: { readonly valid: readonly RuleExample[]; readonly invalid: readonly RuleExample[] };
  /** Reports through the context; a rule whose pass over a long document is long may do it in steps (a generator). */
  check(context: RuleContext): void | Steps<void>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
