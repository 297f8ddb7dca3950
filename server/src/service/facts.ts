/**
 * Pure: what the service keeps about one document version once it is analysed: plain data, small
 * enough to hold for every document of a workspace, and all that projects, reports and the
 * editor's lists need. The parsed tree and the Analysis stay with open documents only.
 */
import { rules, ruleSource, summarize, type Analysis, type Coverage, type CoverageSummary, type Finding, type Fix, type Lang, type Severity, type Span } from '../engine/index';

export interface Location {
  readonly uri: string;
  readonly span: Span;
}

export interface RelatedLocation extends Location {
  readonly message: string;
}

export interface ServiceFinding {
  readonly uri: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly refs: readonly string[];
  readonly related: readonly RelatedLocation[];
  readonly fix?: Fix;
  /** The PIM source of the rule's requirement in one sentence, in the document's language; none for findings of no rule. */
  readonly citation?: string;
}

/** What a sharing sentence of the document says: who receives data, where. */
export interface RecipientMention {
  /** The knowledge phrases that name the recipient there, lower case: "cash partners", "cash partner". */
  readonly keys: readonly string[];
  readonly words: string;
  readonly span: Span;
}

/** What is kept of a document that is no PIM document: where its lines start, and nothing was worked out about PIM. */
export interface OtherDocumentFacts {
  readonly uri: string;
  readonly version: number;
  readonly isPim: false;
  readonly language: Lang;
  readonly lineStarts: readonly number[];
}

export type AnyDocumentFacts = DocumentFacts | OtherDocumentFacts;

export interface DocumentFacts {
  readonly uri: string;
  readonly version: number;
  readonly isPim: true;
  readonly language: Lang;
  readonly kind?: string;
  readonly kindName?: string;
  /** `pim.project` of the front matter. */
  readonly project?: { readonly name: string; readonly span: Span };
  readonly coverage: Coverage;
  readonly expected: { readonly principles: readonly string[]; readonly substeps: readonly string[] };
  readonly summary: CoverageSummary;
  readonly findings: readonly ServiceFinding[];
  readonly lineStarts: readonly number[];
  /** Where the front matter ends, for edits that must go after it. */
  readonly frontMatterEnd?: number;
  /** Where a project finding about the whole document goes: its title, else the start. */
  readonly anchor: Span;
  /** The document says what the exercise is for, at least in passing: Defined purpose, or the sub-step that defines it. */
  readonly statesPurpose: boolean;
  /** It plans to collect personal data from people. */
  readonly collectsPersonalData: boolean;
  /** It says how long data is kept. */
  readonly statesRetention: boolean;
  /** It decides what is shared with whom. */
  readonly decidesSharing: boolean;
  /** A sharing agreement or protocol by kind. */
  readonly isAgreement: boolean;
  readonly recipients: readonly RecipientMention[];
  /**
   * Where the document answers what an absence finding asks for, by the finding's rule id or
   * check ref: a project member's "no retention period" is answered where another states one.
   */
  readonly answers: Readonly<Record<string, Span>>;
  /** Every recipient-like phrase the document names anywhere, as keys: agreements are checked against them. */
  readonly namedRecipients: readonly string[];
}

const AGREEMENT_KINDS: readonly string[] = ['data-sharing-agreement', 'information-sharing-protocol'];
const RECIPIENTS = 'non-protection-actors';
const SHARING = ['data-sharing', 'transmission'];

/** A document that is no PIM document is not weighed at all: a README opened in the editor costs its parse only. */
export function factsOf(uri: string, version: number, analysis: Analysis, findings: readonly Finding[]): AnyDocumentFacts {
  if (!analysis.isPim) return { uri, version, isPim: false, language: analysis.language, lineStarts: analysis.model.lineStarts };
  return pimFacts(uri, version, analysis, findings);
}

function pimFacts(uri: string, version: number, analysis: Analysis, findings: readonly Finding[]): DocumentFacts {
  const model = analysis.model;
  const citations = citationsOf(analysis);
  const project = analysis.declaration?.fields.project;
  const coverage = analysis.coverage;
  const summary = summarize(analysis);
  return {
    uri,
    version,
    isPim: true,
    language: analysis.language,
    ...(analysis.kind ? { kind: analysis.kind.id, kindName: summary.kindName ?? analysis.kind.id } : {}),
    ...(project ? { project: { name: project.value, span: project.span } } : {}),
    coverage,
    expected: { principles: analysis.expectedPrinciples.map((p) => p.id), substeps: analysis.expectedSubsteps.map((s) => s.id) },
    summary,
    findings: findings.map((f) => serviceFinding(uri, f, citations)),
    lineStarts: model.lineStarts,
    ...(model.frontMatter ? { frontMatterEnd: model.frontMatter.span.end } : {}),
    anchor: summary.anchor,
    statesPurpose: coverage.principles['defined-purpose']?.status !== 'missing' || coverage.substeps['define-purpose-and-information-needs']?.status !== 'missing',
    collectsPersonalData: analysis.plansDataActivity && analysis.signalHits('personal-data').length > 0,
    statesRetention: analysis.signalHits('retention').length > 0 && !findings.some((f) => f.ruleId === 'retention-missing'),
    decidesSharing: coverage.substeps['disseminate-and-share']?.status !== 'missing' || analysis.signalHits('data-sharing').length > 0,
    isAgreement: analysis.kind !== undefined && AGREEMENT_KINDS.includes(analysis.kind.id),
    recipients: recipientsOf(analysis),
    namedRecipients: [...new Set(analysis.signalHits(RECIPIENTS).map((h) => h.phrase.toLowerCase()))],
    answers: answersOf(analysis, findings),
  };
}

/** Absence rules, and the signal whose presence (with the rule silent) answers them. */
const ANSWERING_SIGNALS: Readonly<Record<string, string>> = {
  'retention-missing': 'retention',
  'risk-assessment-missing': 'risk-assessment',
  'breach-procedure-missing': 'breach-response',
  'referral-missing': 'referral',
};

function answersOf(analysis: Analysis, findings: readonly Finding[]): Record<string, Span> {
  const answers: Record<string, Span> = {};
  // The words under a heading show it best; a heading over a section ("Risk assessment") does too.
  const firstBodyHit = (signal: string): Span | undefined => {
    const hits = analysis.signalHits(signal);
    return (hits.find((h) => analysis.block(h.block).kind !== 'heading') ?? hits[0])?.span;
  };
  for (const [ruleId, signal] of Object.entries(ANSWERING_SIGNALS)) {
    const at = firstBodyHit(signal);
    if (at && !findings.some((f) => f.ruleId === ruleId)) answers[ruleId] = at;
  }
  // A check is answered where what its `unless` names is said, or where the sub-steps it finds missing are covered.
  for (const check of analysis.knowledge.checks) {
    const at = (check.unless.document ?? []).map(firstBodyHit).find((span) => span !== undefined);
    const missing = check.when.missing ?? [];
    const covered = missing.length > 0 && missing.every((id) => analysis.coverage.substeps[id]?.status === 'addressed');
    const evidence = covered ? analysis.coverage.substeps[missing[0] as string]?.evidence[0]?.span : undefined;
    const where = at ?? evidence;
    if (where) answers[`check:${check.id}`] = where;
  }
  return answers;
}

/** A rule's citation in the document's language, worked out once per rule: a document may have hundreds of findings of one rule. */
function citationsOf(analysis: Analysis): (ruleId: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (ruleId) => {
    if (!known.has(ruleId)) {
      const rule = rules.find((r) => r.id === ruleId);
      known.set(ruleId, rule ? ruleSource(analysis.knowledge, rule, analysis.language).summary : undefined);
    }
    return known.get(ruleId);
  };
}

function serviceFinding(uri: string, finding: Finding, citation: (ruleId: string) => string | undefined): ServiceFinding {
  const cited = citation(finding.ruleId);
  return {
    uri,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    span: finding.span,
    refs: finding.refs,
    related: (finding.related ?? []).map((r) => ({ uri, span: r.span, message: r.message })),
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(cited !== undefined ? { citation: cited } : {}),
  };
}

/** Recipients named in sentences that send or share data: the parties a project's agreements must cover. */
function recipientsOf(analysis: Analysis): RecipientMention[] {
  const sharingBlocks = new Set(SHARING.flatMap((id) => analysis.signalHits(id).map((h) => h.block)));
  const hits = analysis
    .signalHits(RECIPIENTS)
    .filter((h) => sharingBlocks.has(h.block) && analysis.block(h.block).kind !== 'heading')
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const mentions: RecipientMention[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    const last = mentions[mentions.length - 1];
    // "cash partner" inside "cash partners": one recipient, known by both phrases.
    if (last && hit.span.start < last.span.end) {
      mentions[mentions.length - 1] = { ...last, keys: [...last.keys, hit.phrase.toLowerCase()] };
      continue;
    }
    mentions.push({ keys: [hit.phrase.toLowerCase()], words: analysis.text.slice(hit.span.start, hit.span.end), span: hit.span });
  }
  // Each recipient once per document, at its first mention.
  return mentions.filter((m) => {
    const key = m.keys.join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
