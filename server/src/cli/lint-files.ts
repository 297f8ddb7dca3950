/** Lints files from disk through the language service, with the nearest .pimrc.json of each. */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fsPath, nodeHost } from '../node-host';
import { CONFIG_PROBLEM, createPimService, lineStartsOf, positionOf, type ConfigProblemReport, type DocumentReport, type Knowledge, type Lang, type PimService, type ProjectCoverage, type ServiceFinding, type Severity, type WorkspaceRun } from '../service/index';
import { coverageOf, projectCoverageOf, type FileCoverage, type ProjectCoverageReport } from './coverage-report';
import { toPosix, type Target } from './files';

/** A finding with 1-based lines and columns, as every output format prints it. */
export interface LocatedFinding {
  readonly file: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly refs: readonly string[];
}

/** Plain data, so that it can come back from a worker thread. */
export interface FileResult {
  /** Path relative to the working directory, with `/` separators. */
  readonly file: string;
  readonly findings: readonly LocatedFinding[];
  readonly language: Lang;
  /** The projects the document belongs to. */
  readonly projects: readonly string[];
  /** Present when coverage was asked for. */
  readonly coverage?: FileCoverage;
}

export interface LintRun {
  readonly files: readonly FileResult[];
  /** Coverage of the projects among the files, when coverage was asked for. */
  readonly projects: readonly ProjectCoverageReport[];
  /** Invalid .pimrc.json files, reported as findings on those files. */
  readonly configProblems: readonly LocatedFinding[];
  readonly unreadable: readonly UnreadableFile[];
}

/** A file that could not be read: the run goes on without it, and the CLI says so. */
export interface UnreadableFile {
  readonly file: string;
  readonly reason: string;
}

export interface LintFilesOptions {
  readonly cwd: string;
  readonly knowledge: Knowledge;
  readonly kind?: string;
  readonly withCoverage?: boolean;
}

/** The service on the local disk; `extends` in a configuration stays inside the run's workspace. */
export function cliService(knowledge: Knowledge, cwd: string, onReadError?: (uri: string, reason: string) => void): PimService {
  const service = createPimService({ knowledge, host: nodeHost(onReadError ? { onReadError } : {}) });
  service.setWorkspaceFolders([pathToFileURL(workspaceOf(cwd)).href]);
  return service;
}

/** The git repository the command runs in, else the working directory: what a pipeline checks out. */
export function workspaceOf(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

export async function lintFiles(targets: readonly Target[], options: LintFilesOptions): Promise<LintRun> {
  const { service, run, display, unreadable } = await checkTargets(targets, options);
  const files = run.reports.map((report) => fileResult(report, display, service, options.withCoverage === true));
  const projects = options.withCoverage ? run.projects.map((project: ProjectCoverage) => projectCoverageOf(project, display, service)) : [];
  const configProblems = run.configProblems.map((p) => locateProblem(display(p.uri), p));
  return { files, projects, configProblems, unreadable };
}

/** The service's run over the files, and how to name them relative to the working directory. */
export async function checkTargets(
  targets: readonly Target[],
  options: LintFilesOptions,
): Promise<{ service: PimService; run: WorkspaceRun; display: (uri: string) => string; unreadable: readonly UnreadableFile[] }> {
  const failures = new Map<string, string>();
  const service = cliService(options.knowledge, options.cwd, (uri, reason) => failures.set(uri, reason));
  // Files too big to check are not skipped: the service reads their beginning, and each gets one finding.
  const explicit = new Map(targets.map((t) => [pathToFileURL(t.path).href, t.explicit]));
  const uris = [...explicit.keys()];
  // The projects of one run are made of its files.
  service.setWorkspaceDocuments(uris);
  const run = await service.lintDocuments(uris, { check: (uri) => ({ explicit: explicit.get(uri) === true, ...(options.kind ? { kind: options.kind } : {}) }) });
  const display = (uri: string): string => displayPath(fsPath(uri) ?? uri, options.cwd);
  const unreadable = [...failures].map(([uri, reason]) => ({ file: display(uri), reason }));
  return { service, run, display, unreadable };
}

function fileResult(report: DocumentReport, display: (uri: string) => string, service: PimService, withCoverage: boolean): FileResult {
  const file = display(report.uri);
  const coverage = withCoverage ? coverageOf(file, report.facts, service.text(report.uri) ?? '') : undefined;
  return {
    file,
    findings: report.findings.map((f) => locate(file, f, report.facts.lineStarts)),
    language: report.language,
    projects: report.projects,
    ...(coverage ? { coverage } : {}),
  };
}

function locate(file: string, finding: ServiceFinding, lineStarts: readonly number[]): LocatedFinding {
  const start = positionOf({ lineStarts }, finding.span.start);
  const end = positionOf({ lineStarts }, finding.span.end);
  return { file, ruleId: finding.ruleId, severity: finding.severity, message: finding.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, refs: finding.refs };
}

function locateProblem(file: string, problem: ConfigProblemReport): LocatedFinding {
  const lineStarts = lineStartsOf(problem.text);
  const start = positionOf({ lineStarts }, problem.span.start);
  const end = positionOf({ lineStarts }, problem.span.end);
  return { file, ruleId: CONFIG_PROBLEM, severity: 'error', message: problem.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, refs: [] };
}

export function displayPath(path: string, cwd: string): string {
  return toPosix(relative(cwd, path)) || '.';
}
