/** Lints files from disk with the engine, using the nearest .pimrc.json of each. */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze, lineStartsOf, positionOf, rules, type Analysis, type Finding, type Knowledge, type Lang, type Severity } from '../engine/index';
import { coverageOf, type FileCoverage } from './coverage-report';
import { ConfigResolver, CONFIG_PROBLEM, type ConfigProblem } from '../config/pimrc';
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
  /** Present when coverage was asked for. */
  readonly coverage?: FileCoverage;
}

export interface LintRun {
  readonly files: readonly FileResult[];
  /** Invalid .pimrc.json files, reported as findings on those files. */
  readonly configProblems: readonly LocatedFinding[];
}

export interface LintFilesOptions {
  readonly cwd: string;
  readonly knowledge: Knowledge;
  readonly kind?: string;
  readonly withCoverage?: boolean;
}

/** Bigger files are not documents anyone writes by hand; skipping them keeps a folder run predictable. */
const MAX_BYTES = 20 * 1024 * 1024;
/** A cheap look before parsing: front matter with a `pim` key line. The analysis decides. */
const MAY_DECLARE_PIM = /^---[ \t]*[\r\n]/;
const PIM_KEY_LINE = /^pim[ \t]*:/m;

export function lintFiles(targets: readonly Target[], options: LintFilesOptions): LintRun {
  const resolver = new ConfigResolver({ readFile: readTextOrUndefined }, rules.map((r) => r.id));
  const files: FileResult[] = [];
  const problemsByFile = new Map<string, readonly ConfigProblem[]>();
  for (const target of targets) {
    const checked = checkFile(target, resolver, options.knowledge, options.kind);
    if (checked.configFile && checked.configProblems.length > 0) problemsByFile.set(checked.configFile, checked.configProblems);
    if (!checked.result) continue;
    const { analysis, findings } = checked.result;
    const file = displayPath(target.path, options.cwd);
    const coverage = options.withCoverage ? coverageOf(file, analysis) : undefined;
    files.push({ file, findings: findings.map((f) => locate(file, f, analysis)), language: analysis.language, ...(coverage ? { coverage } : {}) });
  }
  const configProblems = [...problemsByFile].flatMap(([file, problems]) => problems.map((p) => locateProblem(displayPath(file, options.cwd), p)));
  return { files, configProblems };
}

export interface CheckedFile {
  /** Absent when the file is ignored, too big, or not a PIM document. */
  readonly result?: { readonly analysis: Analysis; readonly findings: readonly Finding[] };
  readonly configFile?: string;
  readonly configProblems: readonly ConfigProblem[];
}

/** One file from disk, with the nearest .pimrc.json: the CLI and the server's "lint workspace" share it. */
export function checkFile(target: Target, resolver: ConfigResolver, knowledge: Knowledge, kind?: string): CheckedFile {
  const { config, file: configFile, problems } = resolver.forDocument(target.path);
  const base = { ...(configFile ? { configFile } : {}), configProblems: problems };
  if (!target.explicit && config.isIgnored(target.path)) return base;
  if (statSync(target.path).size > MAX_BYTES) return base;
  // Editors drop a byte order mark: without it, lines and columns are the ones the editor shows.
  const text = readFileSync(target.path, 'utf8').replace(/^\uFEFF/, '');
  const treatAsPim = target.explicit || config.isDocument(target.path);
  if (!treatAsPim && !(MAY_DECLARE_PIM.test(text) && PIM_KEY_LINE.test(text))) return base;
  const result = analyze(text, knowledge, {
    rules: config.rules,
    treatAsPim,
    ...(config.language ? { language: config.language } : {}),
    ...(kind ? { kind } : {}),
  });
  return result.analysis.isPim ? { ...base, result } : base;
}

function locate(file: string, finding: Finding, analysis: Analysis): LocatedFinding {
  const start = positionOf(analysis.model, finding.span.start);
  const end = positionOf(analysis.model, finding.span.end);
  return { file, ruleId: finding.ruleId, severity: finding.severity, message: finding.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, refs: finding.refs };
}

function locateProblem(file: string, problem: ConfigProblem): LocatedFinding {
  const lineStarts = lineStartsOf(problem.text);
  const start = positionOf({ lineStarts }, problem.start);
  const end = positionOf({ lineStarts }, problem.end);
  return { file, ruleId: CONFIG_PROBLEM, severity: 'error', message: problem.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, refs: [] };
}

export function displayPath(path: string, cwd: string): string {
  return toPosix(relative(cwd, path)) || '.';
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
