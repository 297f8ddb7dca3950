/** The pim-lint command line: parses arguments, runs the engine, prints, returns the exit code. */
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { bundledKnowledge } from '../bundled-knowledge';
import { CONFIG_PROBLEM, coverageReportHtml, DOCUMENT_DECLINED, INTERNAL_ERROR, TOO_MANY_FINDINGS, KnowledgeError, rules, type Knowledge } from '../service/index';
import { formatCoverageJson, formatCoverageMarkdown, type FileCoverage } from './coverage-report';
import { expandArguments, toPosix, type Target } from './files';
import { fsPath } from '../node-host';
import { formatCodeQuality } from './formats/codequality';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatSarif, type ExtraRule } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import { checkTargets, lintFiles, type LintRun, type LocatedFinding, type UnreadableFile } from './lint-files';
import { knowledgeAsJson } from './print-knowledge';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

const LINT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'codequality'] as const;
const COVERAGE_FORMATS = ['json', 'markdown'] as const;
const REPORT_FORMATS = ['html'] as const;
/** Findings the registry has no rule for, described in SARIF so that viewers can show them. */
const EXTRA_RULES: readonly ExtraRule[] = [
  { id: CONFIG_PROBLEM, description: 'A .pimrc.json file (or a file it extends) is invalid; the defaults apply until it is fixed.', level: 'error' },
  { id: INTERNAL_ERROR, description: 'A rule failed on this document; the other rules still ran.', level: 'error' },
  { id: DOCUMENT_DECLINED, description: 'The document was not checked: it is larger than maxDocumentSize, or shaped so that parsing it would take too long.', level: 'warning' },
  { id: TOO_MANY_FINDINGS, description: 'More findings than are reported for one document; the most severe are shown.', level: 'warning' },
];

const USAGE = `Usage:
  pim-lint [options] <paths, folders or globs...>      check PIM documents
  pim-lint coverage [options] <paths...>                which principles and process steps each document covers
  pim-lint report [options] <paths...>                  the coverage report as one self-contained HTML page
  pim-lint --print-knowledge                            print the PIM knowledge base as JSON

Files named on the command line are checked as PIM documents even without front matter.
Files found in folders or by globs are checked when they declare \`pim:\` in their front
matter or match "documents" in the nearest .pimrc.json.

Options:
  -f, --format <name>   lint: stylish (default), json, sarif, junit, github (workflow annotations),
                        codequality (GitLab Code Quality); coverage: json (default), markdown; report: html
  -o, --output <file>   write the report to a file instead of standard output
  --kind <id>           document kind for files that declare none (instead of inferring it)
  --project <name>      coverage: only the documents of this project, and its coverage across them
  --quiet               report errors only
  --max-warnings <n>    exit with 1 when there are more than n warnings (counted even with --quiet)
  --declared-only       check named files only when they declare pim: or match the config, as files
                        found in folders (for pre-commit, which names every changed Markdown file)
  --print-knowledge     print the whole PIM knowledge base as JSON
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no errors, 1 errors found or more warnings than --max-warnings allows,
2 usage or configuration failure.`;

interface Options {
  command: 'lint' | 'coverage' | 'report' | 'knowledge' | 'help' | 'version';
  format?: string;
  output?: string;
  kind?: string;
  project?: string;
  quiet: boolean;
  maxWarnings?: number;
  declaredOnly: boolean;
  paths: string[];
}

class UsageError extends Error {}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseArguments(argv);
    if (options.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    const knowledge = bundledKnowledge();
    switch (options.command) {
      case 'version':
        io.stdout(`pim-lint ${knowledge.version}\n`);
        return EXIT_OK;
      case 'knowledge':
        return emit(io, options, `${knowledgeAsJson(knowledge)}\n`, EXIT_OK);
      case 'coverage':
        return await coverageCommand(options, knowledge, io);
      case 'report':
        return await reportCommand(options, knowledge, io);
      default:
        return await lintCommand(options, knowledge, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`pim-lint: ${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof KnowledgeError) {
      io.stderr(`pim-lint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function parseArguments(argv: readonly string[]): Options {
  const options: Options = { command: 'lint', quiet: false, declaredOnly: false, paths: [] };
  const args = [...argv];
  if (args[0] === 'coverage' || args[0] === 'report') {
    options.command = args[0];
    args.shift();
  }
  const value = (flag: string): string => {
    const next = args.shift();
    if (next === undefined || next.startsWith('-')) throw new UsageError(`${flag} needs a value.`);
    return next;
  };
  while (args.length > 0) {
    const arg = args.shift() as string;
    const inlineValue = /^(--[\w-]+)=(.*)$/s.exec(arg);
    if (inlineValue) {
      // `--format=json` is `--format json`, as in ESLint and markdownlint.
      args.unshift(inlineValue[1] as string, inlineValue[2] as string);
      continue;
    }
    if (arg === '-h' || arg === '--help') return { ...options, command: 'help' };
    if (arg === '-v' || arg === '--version') return { ...options, command: 'version' };
    if (arg === '--print-knowledge') options.command = 'knowledge';
    else if (arg === '-f' || arg === '--format') options.format = value(arg);
    else if (arg === '-o' || arg === '--output') options.output = value(arg);
    else if (arg === '--kind') options.kind = value(arg);
    else if (arg === '--project') options.project = value(arg);
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--max-warnings') options.maxWarnings = warningLimit(value(arg));
    else if (arg === '--declared-only') options.declaredOnly = true;
    else if (arg === '--') options.paths.push(...args.splice(0));
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}.`);
    else options.paths.push(arg);
  }
  const formats: readonly string[] = options.command === 'coverage' ? COVERAGE_FORMATS : options.command === 'report' ? REPORT_FORMATS : LINT_FORMATS;
  if (options.format !== undefined && options.command !== 'knowledge' && !formats.includes(options.format)) {
    throw new UsageError(`unknown format "${options.format}"; use one of: ${formats.join(', ')}.`);
  }
  if (options.project !== undefined && options.command !== 'coverage') throw new UsageError('--project applies to `pim-lint coverage`.');
  if ((options.command === 'coverage' || options.command === 'report') && (options.quiet || options.maxWarnings !== undefined)) {
    throw new UsageError(`--quiet and --max-warnings apply to linting; leave them out of \`pim-lint ${options.command}\`.`);
  }
  if ((options.command === 'lint' || options.command === 'coverage' || options.command === 'report') && options.paths.length === 0) throw new UsageError('no files, folders or globs given.');
  return options;
}

function warningLimit(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings needs a whole number of warnings, such as 0 or 10, not "${text}".`);
  return Number(text);
}

function selectTargets(options: Options, knowledge: Knowledge, io: CliIo): Target[] {
  if (options.kind !== undefined && !knowledge.kinds.some((k) => k.id === options.kind)) {
    throw new UsageError(`unknown kind "${options.kind}"; use one of: ${knowledge.kinds.map((k) => k.id).join(', ')}.`);
  }
  const { targets, missing } = expandArguments(options.paths, io.cwd);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}.`);
  // --declared-only selects named files as if they had been found in a folder.
  return options.declaredOnly ? targets.map((t) => ({ ...t, explicit: false })) : [...targets];
}

function collect(options: Options, knowledge: Knowledge, io: CliIo): Promise<LintRun> {
  const targets = selectTargets(options, knowledge, io);
  return lintFiles(targets, { cwd: io.cwd, knowledge, withCoverage: options.command === 'coverage', ...(options.kind ? { kind: options.kind } : {}) });
}

/** The HTML report, with links relative to where it is written, so that it opens the files next to it. */
async function reportCommand(options: Options, knowledge: Knowledge, io: CliIo): Promise<number> {
  const targets = selectTargets(options, knowledge, io);
  const { service, run, display, unreadable } = await checkTargets(targets, { cwd: io.cwd, knowledge, ...(options.kind ? { kind: options.kind } : {}) });
  const outputDir = options.output ? dirname(resolve(io.cwd, options.output)) : io.cwd;
  const documents = run.reports.map((report) => {
    const path = fsPath(report.uri) ?? report.uri;
    return { facts: report.facts, findings: report.findings, name: display(report.uri), href: toPosix(relative(outputDir, path)).split('/').map(encodeURIComponent).join('/'), text: service.text(report.uri) ?? '' };
  });
  for (const problem of run.configProblems) io.stderr(`${display(problem.uri)}: ${problem.message}\n`);
  const language = run.reports[0]?.language ?? 'en';
  const html = coverageReportHtml({ knowledge, language, documents, projects: run.projects, generated: new Date().toISOString().slice(0, 10), version: knowledge.version });
  return emit(io, options, html, reportUnreadable(unreadable, io) || run.configProblems.length > 0 ? EXIT_USAGE : EXIT_OK);
}

async function lintCommand(options: Options, knowledge: Knowledge, io: CliIo): Promise<number> {
  const run = await collect(options, knowledge, io);
  const allFindings: LocatedFinding[] = [...run.configProblems, ...run.files.flatMap((f) => f.findings)];
  const findings = options.quiet ? allFindings.filter((f) => f.severity === 'error') : allFindings;
  let report: string;
  switch (options.format ?? 'stylish') {
    case 'json':
      report = formatJson(findings);
      break;
    case 'sarif':
      report = formatSarif(findings, rules, knowledge, EXTRA_RULES);
      break;
    case 'junit':
      report = formatJunit(findings, [...new Set([...run.configProblems.map((p) => p.file), ...run.files.map((f) => f.file)])]);
      break;
    case 'github':
      report = formatGithub(findings);
      break;
    case 'codequality':
      report = formatCodeQuality(findings);
      break;
    default:
      report = formatStylish(findings, run.files.length, allFindings.length - findings.length);
  }
  return emit(io, options, report, lintExitCode(run, allFindings, options.maxWarnings, io));
}

/** One line per file that could not be read, with what to do; true when there was one (exit code 2). */
function reportUnreadable(unreadable: readonly UnreadableFile[], io: CliIo): boolean {
  for (const { file, reason } of unreadable) io.stderr(`pim-lint: ${file} cannot be read (${reason}); make it a readable file or leave it out of the paths given.\n`);
  return unreadable.length > 0;
}

/** Warnings count against --max-warnings even when --quiet hides them: the limit is on the documents, not on the report. */
function lintExitCode(run: LintRun, findings: readonly LocatedFinding[], maxWarnings: number | undefined, io: CliIo): number {
  if (reportUnreadable(run.unreadable, io) || run.configProblems.length > 0) return EXIT_USAGE;
  if (findings.some((f) => f.severity === 'error')) return EXIT_ERRORS;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`pim-lint: ${warnings} warnings, more than the ${maxWarnings} that --max-warnings allows; fix some of them or raise the limit.\n`);
    return EXIT_ERRORS;
  }
  return EXIT_OK;
}

async function coverageCommand(options: Options, knowledge: Knowledge, io: CliIo): Promise<number> {
  const run = await collect(options, knowledge, io);
  const project = options.project;
  if (project !== undefined && !run.projects.some((p) => p.name === project)) {
    const known = run.projects.map((p) => `"${p.name}"`);
    throw new UsageError(`no project "${project}" among these files; ${known.length > 0 ? `use one of: ${known.join(', ')}` : 'declare it in .pimrc.json "projects" or with pim.project in the documents'}.`);
  }
  const inScope = project === undefined ? run.files : run.files.filter((f) => f.projects.includes(project));
  const files = inScope.map((f) => f.coverage).filter((c): c is FileCoverage => c !== undefined);
  const projects = project === undefined ? run.projects : run.projects.filter((p) => p.name === project);
  for (const problem of run.configProblems) io.stderr(`${problem.file}:${problem.line}:${problem.column} ${problem.message}\n`);
  const language = run.files[0]?.language ?? 'en';
  const report = options.format === 'markdown' ? formatCoverageMarkdown(files, knowledge, language, projects) : formatCoverageJson(files, projects);
  return emit(io, options, report, reportUnreadable(run.unreadable, io) || run.configProblems.length > 0 ? EXIT_USAGE : EXIT_OK);
}

function emit(io: CliIo, options: Options, report: string, code: number): number {
  if (!options.output) {
    io.stdout(report);
    return code;
  }
  const path = resolve(io.cwd, options.output);
  try {
    writeFileSync(path, report);
  } catch (error) {
    io.stderr(`pim-lint: cannot write the report to ${options.output} (${writeErrorReason(error, path)}); choose a writable path with -o, or leave -o out to print the report.\n`);
    return EXIT_USAGE;
  }
  return code;
}

function writeErrorReason(error: unknown, path: string): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return `the folder ${dirname(path)} does not exist`;
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
