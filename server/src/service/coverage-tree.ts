/**
 * Pure: the coverage tree the editor shows: projects, then their documents, then the PIM Process
 * steps and the Principles, each with its status and the place to go: the evidence, or where a
 * missing item belongs (the document's title).
 */
import { textIn, type CoverageStatus, type Knowledge, type Lang } from '../engine/index';
import type { DocumentFacts, Location } from './facts';
import type { ProjectCoverage } from './projects';
import type { WorkspaceRun } from './service';

export interface CoverageNode {
  readonly label: string;
  readonly kind: 'project' | 'document' | 'step' | 'substep' | 'principle';
  readonly status?: CoverageStatus;
  /** A short description beside the label: a document's kind, a project's counts. */
  readonly description?: string;
  readonly location?: Location;
  readonly children: readonly CoverageNode[];
}

export function coverageTree(run: WorkspaceRun, k: Knowledge, lang: Lang, name: (uri: string) => string): CoverageNode[] {
  const facts = new Map(run.reports.map((r) => [r.uri, r.facts]));
  const inProject = new Set(run.projects.flatMap((p) => p.documents));
  const documentNode = (f: DocumentFacts): CoverageNode => ({
    label: name(f.uri),
    kind: 'document',
    ...(f.kindName ? { description: f.kindName } : {}),
    location: { uri: f.uri, span: f.anchor },
    children: itemNodes(k, lang, (group, id) => {
      const item = f.coverage[group][id];
      return { status: item?.status ?? 'missing', location: { uri: f.uri, span: item?.evidence[0]?.span ?? f.anchor } };
    }),
  });
  const projects = run.projects.map((p) => projectNode(p, k, lang, facts, documentNode));
  return [...projects, ...run.reports.filter((r) => !inProject.has(r.uri)).map((r) => documentNode(r.facts))];
}

function projectNode(project: ProjectCoverage, k: Knowledge, lang: Lang, facts: ReadonlyMap<string, DocumentFacts>, documentNode: (f: DocumentFacts) => CoverageNode): CoverageNode {
  const members = project.documents.map((uri) => facts.get(uri)).filter((f): f is DocumentFacts => f !== undefined);
  const first = members[0];
  const addressed = k.principles.filter((p) => project.principles[p.id]?.status === 'addressed').length;
  return {
    label: project.name,
    kind: 'project',
    description: `${addressed}/${k.principles.length}`,
    children: [
      ...members.map(documentNode),
      ...itemNodes(k, lang, (group, id) => {
        const item = project[group][id];
        const location = item?.evidence[0] ?? (first ? { uri: first.uri, span: first.anchor } : undefined);
        return { status: item?.status ?? 'missing', ...(location ? { location } : {}) };
      }),
    ],
  };
}

type Lookup = (group: 'principles' | 'substeps' | 'steps', id: string) => { status: CoverageStatus; location?: Location };

/** The four steps with their sub-steps, then the eight principles. */
function itemNodes(k: Knowledge, lang: Lang, lookup: Lookup): CoverageNode[] {
  const node = (kind: CoverageNode['kind'], label: string, found: ReturnType<Lookup>, children: CoverageNode[] = []): CoverageNode => ({
    label,
    kind,
    status: found.status,
    ...(found.location ? { location: found.location } : {}),
    children,
  });
  return [
    ...k.steps.map((step) => node('step', textIn(step.names, lang), lookup('steps', step.id), step.substeps.map((s) => node('substep', textIn(s.names, lang), lookup('substeps', s.id))))),
    ...k.principles.map((p) => node('principle', textIn(p.names, lang), lookup('principles', p.id))),
  ];
}
