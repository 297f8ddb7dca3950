/**
 * Pure: a PIM exercise as several documents. Project coverage takes the best of its documents;
 * a document's gap that another document of the project fills drops to a hint that points there;
 * and the documents must hang together: a purpose, an agreement for every recipient, retention
 * and sharing decided for what is collected.
 */
import type { CoverageStatus, Knowledge, Lang, Span } from '../engine/index';
import { message } from '../engine/index';
import type { DocumentFacts, Location, ServiceFinding } from './facts';
import { uriBasename } from './uri';

export interface Project {
  readonly name: string;
  /** A purpose named by the configuration, for the project as a whole. */
  readonly purpose?: string;
  readonly members: readonly DocumentFacts[];
}

export interface ProjectItem {
  readonly status: CoverageStatus;
  /** The best documents' evidence. */
  readonly evidence: readonly Location[];
  /** The documents that address it. */
  readonly addressedIn: readonly string[];
}

export interface ProjectCoverage {
  readonly name: string;
  readonly documents: readonly string[];
  readonly principles: Readonly<Record<string, ProjectItem>>;
  readonly substeps: Readonly<Record<string, ProjectItem>>;
  readonly steps: Readonly<Record<string, ProjectItem>>;
}

const RANK: Readonly<Record<CoverageStatus, number>> = { missing: 0, weak: 1, addressed: 2 };
type Group = 'principles' | 'substeps' | 'steps';

export function projectCoverage(project: Project, k: Knowledge): ProjectCoverage {
  const group = (name: Group, ids: readonly string[]): Record<string, ProjectItem> =>
    Object.fromEntries(ids.map((id) => [id, combine(project.members, name, id)]));
  return {
    name: project.name,
    documents: project.members.map((m) => m.uri),
    principles: group('principles', k.principles.map((p) => p.id)),
    substeps: group('substeps', k.substeps.map((s) => s.id)),
    steps: group('steps', k.steps.map((s) => s.id)),
  };
}

function combine(members: readonly DocumentFacts[], group: Group, id: string): ProjectItem {
  let status: CoverageStatus = 'missing';
  let evidence: Location[] = [];
  const addressedIn: string[] = [];
  for (const member of members) {
    const item = member.coverage[group][id];
    if (!item) continue;
    if (item.status === 'addressed') addressedIn.push(member.uri);
    if (RANK[item.status] > RANK[status]) {
      status = item.status;
      evidence = item.evidence.map((e) => ({ uri: member.uri, span: e.span }));
    }
  }
  return { status, evidence, addressedIn };
}

/** Rules whose finding is a gap of one item, named by the finding's first ref. */
const ITEM_GAP_RULES: readonly string[] = ['principle-unaddressed', 'process-step-missing', 'risk-assessment-missing'];
const GROUP_OF: Readonly<Record<string, Group>> = { principle: 'principles', substep: 'substeps', step: 'steps' };

/**
 * A document's findings within its project: a gap that another document addresses drops to a
 * hint, with the other document's evidence as related information; a required section whose
 * sub-steps another document covers does too. Gaps nobody fills stay as they are.
 */
export function findingsInProject(member: DocumentFacts, project: Project, k: Knowledge): ServiceFinding[] {
  const others = project.members.filter((m) => m.uri !== member.uri);
  if (others.length === 0) return [...member.findings];
  return member.findings.map((finding) => {
    const filledBy = filledElsewhere(finding, others);
    if (!filledBy) return finding;
    const note = message(k, 'project.addressed-in', member.language, { document: uriBasename(filledBy.uri), project: project.name });
    return { ...finding, severity: 'hint', related: [...finding.related, { ...filledBy, message: note }] };
  });
}

function filledElsewhere(finding: ServiceFinding, others: readonly DocumentFacts[]): Location | undefined {
  const check = finding.refs.find((r) => r.startsWith('check:'));
  const answer = answeredBy(others, check ?? finding.ruleId);
  if (answer) return answer;
  if (ITEM_GAP_RULES.includes(finding.ruleId)) {
    const [kind, id] = (finding.refs[0] ?? '').split(':');
    const group = GROUP_OF[kind ?? ''];
    return group && id ? addressedBy(others, group, id) : undefined;
  }
  if (finding.ruleId === 'required-section') {
    const substeps = finding.refs.filter((r) => r.startsWith('substep:')).map((r) => r.slice('substep:'.length));
    if (substeps.length === 0) return undefined;
    const places = substeps.map((id) => addressedBy(others, 'substeps', id));
    return places.every((p) => p !== undefined) ? places[0] : undefined;
  }
  return undefined;
}

function answeredBy(others: readonly DocumentFacts[], key: string): Location | undefined {
  const other = others.find((o) => o.answers[key] !== undefined);
  return other ? { uri: other.uri, span: other.answers[key] as Span } : undefined;
}

function addressedBy(others: readonly DocumentFacts[], group: Group, id: string): Location | undefined {
  for (const other of others) {
    const item = other.coverage[group][id];
    if (item?.status === 'addressed') return { uri: other.uri, span: item.evidence[0]?.span ?? other.anchor };
  }
  return undefined;
}

export const PROJECT_RULE = 'project-consistency';

/** Findings about the project as a whole, each placed on the document where the fix belongs. */
export function projectConsistency(project: Project, k: Knowledge): ServiceFinding[] {
  const members = project.members;
  if (members.length < 2) return [];
  const findings: ServiceFinding[] = [];
  const report = (member: DocumentFacts, span: Span, key: string, params: Record<string, string> = {}): void => {
    findings.push({ uri: member.uri, ruleId: PROJECT_RULE, severity: 'warning', message: text(k, member.language, key, { project: project.name, ...params }), span, refs: [], related: [] });
  };
  const first = members[0] as DocumentFacts;
  if (!project.purpose && !members.some((m) => m.statesPurpose)) report(first, first.anchor, 'project.no-purpose');
  const agreements = members.filter((m) => m.isAgreement);
  for (const member of members) {
    for (const recipient of member.recipients) {
      if (member.isAgreement || agreements.some((a) => recipient.keys.some((key) => a.namedRecipients.includes(key)))) continue;
      report(member, recipient.span, agreements.length === 0 ? 'project.recipient-no-agreement' : 'project.recipient-not-in-agreement', { recipient: recipient.words });
    }
  }
  const collector = members.find((m) => m.collectsPersonalData);
  if (collector) {
    if (!members.some((m) => m.statesRetention)) report(collector, collector.anchor, 'project.no-retention');
    if (!members.some((m) => m.decidesSharing)) report(collector, collector.anchor, 'project.no-sharing-decision');
  }
  return findings;
}

function text(k: Knowledge, lang: Lang, key: string, params: Record<string, string>): string {
  return message(k, key, lang, params);
}
