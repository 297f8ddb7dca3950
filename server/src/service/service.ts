/**
 * The PIM language service: the one seam between the engine and its users. The language server,
 * `pim-lint` and the tests each create one with their own host; it answers in plain data whose
 * locations are `{ uri, span }`, and keeps the parsed documents in its store. It imports no
 * `node:*`, no LSP and no VS Code module, so a browser host can follow.
 */
import {
  analyzeInSteps,
  completeAt,
  hoverAt,
  LIMITS,
  outline,
  rules,
  type CompletionInfo,
  type CoverageSummary,
  type HoverInfo,
  type Knowledge,
  type Lang,
  type LintOptions,
  type OutlineItem,
  parseAnswer,
  type ParseAnswer,
  type RuleSetting,
  runToEnd,
  type Steps,
} from '../engine/index';
import { ConfigResolver } from './config';
import type { ConfigProblemReport, DocumentConfig } from './config-source';
import { factsOf, type DocumentFacts, type ServiceFinding } from './facts';
import { NEVER_CANCELLED, type CancellationToken, type Disposable, type PimHost, type ProgressReporter, type Scheduler } from './host';
import { findingsInProject, PROJECT_RULE, projectConsistency, projectCoverage, type Project, type ProjectCoverage } from './projects';
import { DISK_VERSION, DocumentStore, type StoredDocument, type StoredResult } from './store';
import { uriJoin, uriRelative } from './uri';

/** What the editor's settings add for one document. */
export interface EditorOptions {
  readonly enable: boolean;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly language?: Lang;
  /** `pim.maxDocumentSize`: bytes above which a document is declined, where no `.pimrc.json` says otherwise. */
  readonly maxDocumentSize?: number;
}

export interface PimServiceOptions {
  readonly knowledge: Knowledge;
  readonly host: PimHost;
  /** Editor settings per document; none from the command line. */
  readonly editorOptions?: (uri: string) => Promise<EditorOptions>;
  /** Open documents whose full analysis is kept (the others keep their facts); `MAX_ANALYSES` by default. */
  readonly maxAnalyses?: number;
}

/** How one document is to be checked, beyond its configuration. */
export interface CheckOptions {
  /** Named by the user (on the command line): checked as a PIM document even without `pim:`. */
  readonly explicit?: boolean;
  /** The kind of documents that declare none, instead of inferring it. */
  readonly kind?: string;
}

export interface DocumentReport {
  readonly uri: string;
  readonly version: number;
  readonly language: Lang;
  /** The document's findings within its projects. */
  readonly findings: readonly ServiceFinding[];
  readonly facts: DocumentFacts;
  /** The configuration file that applies and its problems, if it is invalid. */
  readonly configUri?: string;
  readonly configProblems: readonly ConfigProblemReport[];
  /** The projects the document belongs to. */
  readonly projects: readonly string[];
}

export interface WorkspaceOptions {
  readonly token?: CancellationToken;
  readonly progress?: ProgressReporter;
  /** How each document is checked (named on the command line or found in a folder). */
  readonly check?: (uri: string) => CheckOptions;
}

export interface WorkspaceRun {
  readonly reports: readonly DocumentReport[];
  readonly projects: readonly ProjectCoverage[];
  /** Configuration files with problems, once each. */
  readonly configProblems: readonly ConfigProblemReport[];
  readonly cancelled: boolean;
}

const MARKDOWN = /\.(md|markdown|mdx)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
/** A cheap look before parsing a file nobody named: front matter with a `pim` key line. The analysis decides. */
const MAY_DECLARE_PIM = /^\uFEFF?---[ \t]*[\r\n]/;
const PIM_KEY_LINE = /^pim[ \t]*:/m;

/** An analysis dropped because a newer version of its document arrived meanwhile. */
const OVERTAKEN = Symbol('overtaken');

interface Checked {
  readonly result: StoredResult;
  readonly config: DocumentConfig;
  readonly options: LintOptions;
}

/**
 * Runs steps to the end, all at once without a scheduler; with one, in slices of `sliceMs`,
 * letting other work in after each and giving up (undefined) when `overtaken` says so. Long texts
 * to parse go to the scheduler's parser, and the slice ends while they are parsed.
 */
async function runInSlices<T>(steps: Steps<T>, scheduler: Scheduler | undefined, overtaken: () => boolean): Promise<{ readonly value: T } | undefined> {
  if (!scheduler) return { value: runToEnd(steps) };
  let sliceStart = scheduler.now();
  let answer: ParseAnswer | undefined;
  for (;;) {
    const next = steps.next(answer);
    answer = undefined;
    if (next.done) return { value: next.value };
    const text = next.value?.parse;
    if (text !== undefined && scheduler.parse && text.length >= (scheduler.parseElsewhereFrom ?? 0)) answer = await scheduler.parse(text);
    else {
      if (text !== undefined) answer = parseAnswer(text);
      if (scheduler.now() - sliceStart < scheduler.sliceMs) continue;
      await scheduler.yield();
    }
    if (overtaken()) {
      steps.return(undefined as never);
      return undefined;
    }
    sliceStart = scheduler.now();
  }
}

export class PimService {
  /** Every document the service knows, open or read from disk; visible so that tests and the status can see it. */
  readonly store: DocumentStore;
  readonly knowledge: Knowledge;
  private readonly host: PimHost;
  /** `.pimrc.json` files, read through the host; emptied when one of them changes. */
  private readonly config: ConfigResolver;
  private readonly editorOptions: ((uri: string) => Promise<EditorOptions>) | undefined;
  private folders: readonly string[] = [];
  /** How the documents of the last run were to be checked: their project peers are checked the same way. */
  private checks: (uri: string) => CheckOptions = () => ({});
  private workspaceFiles: Promise<string[]> | undefined;
  private readonly subscription: Disposable | undefined;
  /** Analyses under way, by URI: whoever asks for the same version meanwhile waits for the same run. */
  private readonly running = new Map<string, { readonly document: StoredDocument; readonly optionsKey: string; readonly result: Promise<StoredResult | typeof OVERTAKEN> }>();
  /** Analyses finished, and dropped because a newer version overtook them: for the status and for tests. */
  private readonly counts = { finished: 0, overtaken: 0 };

  constructor(options: PimServiceOptions) {
    this.knowledge = options.knowledge;
    this.store = new DocumentStore(options.maxAnalyses);
    this.host = options.host;
    this.config = new ConfigResolver({ host: options.host, ruleIds: [...rules.map((r) => r.id), PROJECT_RULE], folders: () => this.folders });
    this.editorOptions = options.editorOptions;
    this.subscription = options.host.onDidChangeFiles?.((uris) => this.filesChanged(uris));
  }

  dispose(): void {
    this.subscription?.dispose();
  }

  /** The folders projects are looked for in, and that `extends` in a configuration may not leave. */
  setWorkspaceFolders(folders: readonly string[]): void {
    this.folders = [...folders];
    this.workspaceFiles = undefined;
    this.configurationChanged();
  }

  /** The documents projects are looked for in, when they are known already (the files of one `pim-lint` run). */
  setWorkspaceDocuments(uris: readonly string[]): void {
    this.workspaceFiles = Promise.resolve([...uris]);
  }

  /** An editor buffer: its text wins over the file's until it is closed. */
  openDocument(uri: string, version: number, text: string): void {
    this.store.set({ uri, version, text, open: true });
  }

  changeDocument(uri: string, version: number, text: string): void {
    this.openDocument(uri, version, text);
  }

  closeDocument(uri: string): void {
    this.store.delete(uri);
  }

  /** Files changed outside the editor: forget what was read of them, and of the workspace's file list. */
  filesChanged(uris: readonly string[]): void {
    if (uris.some((uri) => this.config.isSource(uri))) this.configurationChanged();
    for (const uri of uris) if (!this.store.get(uri)?.open) this.store.delete(uri);
    if (this.folders.length > 0) this.workspaceFiles = undefined;
  }

  /** Settings or a configuration file changed: every result must be worked out again. */
  configurationChanged(): void {
    this.config.invalidate();
    this.store.invalidateResults();
  }

  /** The findings of one document within its projects; undefined when it is not a PIM document or the tools are off for it. */
  async report(uri: string, check?: CheckOptions, token: CancellationToken = NEVER_CANCELLED): Promise<DocumentReport | undefined> {
    const checked = await this.check(uri, check ?? this.checks(uri));
    if (!checked?.result.facts.isPim || token.isCancellationRequested) return undefined;
    const projects = await this.projectsOf(uri, checked.result.facts, checked.config, token);
    let findings: readonly ServiceFinding[] = checked.result.facts.findings;
    for (const project of projects) findings = findingsInProject({ ...checked.result.facts, findings }, project, this.knowledge);
    const consistency = withSetting(
      projects.flatMap((p) => projectConsistency(p, this.knowledge)).filter((f) => f.uri === uri),
      checked.options.rules?.[PROJECT_RULE],
    );
    return {
      uri,
      version: checked.result.facts.version,
      language: checked.result.facts.language,
      findings: [...findings, ...consistency],
      facts: checked.result.facts,
      ...(checked.config.configUri ? { configUri: checked.config.configUri } : {}),
      configProblems: checked.config.problems,
      projects: projects.map((p) => p.name),
    };
  }

  async hover(uri: string, offset: number): Promise<HoverInfo | undefined> {
    const analysis = await this.openAnalysis(uri);
    return analysis?.isPim ? hoverAt(analysis, offset) : undefined;
  }

  /** Completion; outside PIM documents only the front matter offers `pim:`, so that a document can become one. */
  async completion(uri: string, offset: number): Promise<CompletionInfo[]> {
    const analysis = await this.openAnalysis(uri);
    if (!analysis) return [];
    const frontMatter = analysis.model.frontMatter;
    if (!analysis.isPim && !(frontMatter && offset <= frontMatter.span.end)) return [];
    return completeAt(analysis, offset);
  }

  async symbols(uri: string): Promise<OutlineItem[]> {
    const analysis = await this.openAnalysis(uri);
    return analysis ? outline(analysis) : [];
  }

  async summary(uri: string): Promise<CoverageSummary | undefined> {
    const checked = await this.check(uri, {});
    return checked?.result.facts.isPim ? checked.result.facts.summary : undefined;
  }

  /** Line starts of a document the service holds, to turn spans into lines and columns. */
  lineStarts(uri: string): readonly number[] | undefined {
    return this.store.latest(uri)?.facts.lineStarts;
  }

  /** Text of a document the service holds (an open buffer or the file as read). */
  text(uri: string): string | undefined {
    return this.store.get(uri)?.text;
  }

  /** The other documents of the projects a document belongs to: their findings change with it. */
  async projectPeers(uri: string): Promise<string[]> {
    const checked = await this.check(uri, {});
    if (!checked?.result.facts.isPim) return [];
    const projects = await this.projectsOf(uri, checked.result.facts, checked.config, NEVER_CANCELLED);
    return [...new Set(projects.flatMap((p) => p.members.map((m) => m.uri)))].filter((u) => u !== uri);
  }

  /** A document's path inside the workspace folder that holds it. */
  workspaceRelativePath(uri: string): string | undefined {
    for (const folder of this.folders) {
      const path = uriRelative(folder, uri);
      if (path !== undefined) return path;
    }
    return undefined;
  }

  /** Markdown files under the workspace folders (cached until files change). */
  workspaceDocuments(): Promise<string[]> {
    this.workspaceFiles ??= this.discover(this.folders, NEVER_CANCELLED);
    return this.workspaceFiles;
  }

  /** Markdown files under folders, or the files themselves; hidden folders and dependencies are skipped. */
  async discover(roots: readonly string[], token: CancellationToken = NEVER_CANCELLED): Promise<string[]> {
    const found = new Set<string>();
    const walk = async (folder: string): Promise<void> => {
      if (token.isCancellationRequested) return;
      const entries = [...(await this.host.readDirectory(folder))].sort(([a], [b]) => a.localeCompare(b));
      for (const [name, type] of entries) {
        const child = uriJoin(folder, name);
        if (type === 'directory' && !SKIPPED_DIRECTORIES.has(name) && !name.startsWith('.')) await walk(child);
        else if (type === 'file' && MARKDOWN.test(name)) found.add(child);
      }
    };
    for (const root of roots) {
      const stat = await this.host.stat(root);
      if (stat?.type === 'directory') await walk(root);
      else if (stat?.type === 'file') found.add(root);
    }
    return [...found].sort();
  }

  /**
   * Every given document (or the workspace's), with project coverage: `pim-lint`, the editor's
   * "lint workspace" and the report all call this. Stops between documents when cancelled.
   */
  async lintDocuments(uris: readonly string[], options: WorkspaceOptions = {}): Promise<WorkspaceRun> {
    const token = options.token ?? NEVER_CANCELLED;
    if (options.check) this.checks = options.check;
    const reports: DocumentReport[] = [];
    const problems = new Map<string, readonly ConfigProblemReport[]>();
    const projects = new Map<string, Project>();
    const scope = new Set(uris);
    let done = 0;
    options.progress?.(done, uris.length);
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      const report = await this.report(uri, this.checks(uri), token);
      options.progress?.(++done, uris.length, uri);
      const config = await this.config.forDocument(uri);
      if (config.configUri && config.problems.length > 0) problems.set(config.configUri, config.problems);
      if (!report) continue;
      reports.push(report);
      for (const project of await this.projectsOf(uri, report.facts, config, token)) if (!projects.has(project.name)) projects.set(project.name, project);
    }
    const coverage = [...projects.values()].map((p) => projectCoverage({ ...p, members: p.members.filter((m) => scope.has(m.uri)) }, this.knowledge));
    return { reports, projects: coverage, configProblems: [...problems.values()].flat(), cancelled: token.isCancellationRequested };
  }

  /** What the store holds, and how many analyses ran to the end or were overtaken: for the status and for tests. */
  stats() {
    return { ...this.store.stats(), ...this.counts };
  }

  /** An open document's analysis, for hover, completion and symbols. */
  private async openAnalysis(uri: string) {
    const document = this.store.get(uri);
    if (!document?.open) return undefined;
    return (await this.check(uri, {}))?.result.analysis;
  }

  /**
   * The document's facts for its current version, reading it through the host when it is not
   * open. An analysis that a newer version overtakes is dropped, and the newer one analysed.
   */
  private async check(uri: string, check: CheckOptions): Promise<Checked | undefined> {
    for (;;) {
      const checked = await this.checkVersion(uri, check);
      if (checked !== OVERTAKEN) return checked;
    }
  }

  private async checkVersion(uri: string, check: CheckOptions): Promise<Checked | undefined | typeof OVERTAKEN> {
    const editor = this.editorOptions ? await this.editorOptions(uri) : undefined;
    if (editor && !editor.enable) return undefined;
    const config = await this.config.forDocument(uri);
    if (!check.explicit && config.isIgnored && !this.store.get(uri)?.open) return undefined;
    // The workspace's configuration wins over a personal setting, as for rules: the CLI and the editor then agree.
    const maxDocumentSize = config.maxDocumentSize ?? editor?.maxDocumentSize ?? LIMITS.maxDocumentSize;
    const stored = this.store.get(uri);
    // The beginning of a file read when it was too big is read again whole once the limit allows it.
    const current = stored?.byteLength !== undefined && stored.byteLength <= maxDocumentSize ? undefined : stored;
    const document = current ?? (await this.readFromDisk(uri, check.explicit === true || config.isDocument, maxDocumentSize));
    if (!document) return undefined;
    const language = editor?.language ?? config.language;
    const options: LintOptions = {
      rules: { ...editor?.rules, ...config.rules },
      treatAsPim: check.explicit === true || config.isDocument,
      ...(language ? { language } : {}),
      ...(check.kind ? { kind: check.kind } : {}),
      maxDocumentSize,
      ...(document.byteLength !== undefined ? { documentSize: document.byteLength } : {}),
    };
    const optionsKey = JSON.stringify(options);
    const result = this.store.cached(uri, optionsKey) ?? (await this.analyse(document, optionsKey, options));
    return result === OVERTAKEN ? OVERTAKEN : { result, config, options };
  }

  /**
   * Analyses one version, once however many ask for it meanwhile (a lint and a hover on the same
   * version share the run). With a scheduler the analysis runs in slices, and stops at the end of
   * a slice when the store holds a newer version by then.
   */
  private analyse(document: StoredDocument, optionsKey: string, options: LintOptions): Promise<StoredResult | typeof OVERTAKEN> {
    const running = this.running.get(document.uri);
    if (running?.document === document && running.optionsKey === optionsKey) return running.result;
    // Only an editor buffer changes version by version: a file read from disk has nothing to reuse.
    const reuse = document.open ? this.store.reusable(document.uri) : undefined;
    const steps = analyzeInSteps(document.text, this.knowledge, options, reuse);
    const overtaken = (): boolean => this.store.get(document.uri) !== document;
    const result = runInSlices(steps, this.host.scheduler, overtaken).then((done): StoredResult | typeof OVERTAKEN => {
      if (!done) {
        this.counts.overtaken++;
        return OVERTAKEN;
      }
      const { analysis, findings } = done.value;
      const stored = { optionsKey, facts: factsOf(document.uri, document.version, analysis, findings), ...(document.open ? { analysis } : {}) };
      this.counts.finished++;
      return this.store.put(document, stored) ? stored : OVERTAKEN;
    });
    const entry = { document, optionsKey, result };
    this.running.set(document.uri, entry);
    const forget = (): void => {
      if (this.running.get(document.uri) === entry) this.running.delete(document.uri);
    };
    void result.then(forget, forget);
    return result;
  }

  /**
   * A file nobody named is read only when it may declare `pim:` or a configuration makes it a
   * document; of a file too big to check, only the beginning is read, where its front matter is.
   */
  private async readFromDisk(uri: string, wanted: boolean, maxDocumentSize: number) {
    const size = (await this.host.stat(uri))?.size ?? 0;
    const tooBig = size > maxDocumentSize;
    const raw = await this.host.readFile(uri, tooBig ? LIMITS.frontMatterScan : undefined);
    if (raw === undefined) return undefined;
    // Editors drop a byte order mark: without it, lines and columns are the ones the editor shows.
    const text = raw.replace(/^\uFEFF/, '');
    if (!wanted && !(MAY_DECLARE_PIM.test(text) && PIM_KEY_LINE.test(text))) return undefined;
    const document = { uri, version: DISK_VERSION, text, open: false, ...(tooBig ? { byteLength: size } : {}) };
    this.store.set(document);
    return document;
  }

  /** The projects of a document: those it declares with `pim.project`, and those of the configuration whose globs match it. */
  private async projectsOf(uri: string, facts: DocumentFacts, config: DocumentConfig, token: CancellationToken): Promise<Project[]> {
    const names = new Set<string>();
    if (facts.project) names.add(facts.project.name);
    for (const definition of config.projects) if (definition.matches(uri)) names.add(definition.name);
    if (names.size === 0) return [];
    const candidates = await this.workspaceDocuments();
    const projects: Project[] = [];
    for (const name of names) {
      const definition = config.projects.find((p) => p.name === name);
      const members: DocumentFacts[] = [];
      for (const candidate of new Set([uri, ...candidates])) {
        if (token.isCancellationRequested) break;
        const other = candidate === uri ? facts : (await this.check(candidate, this.checks(candidate)))?.result.facts;
        if (!other?.isPim) continue;
        if (other.project?.name === name || definition?.matches(candidate)) members.push(other);
      }
      members.sort((a, b) => a.uri.localeCompare(b.uri));
      projects.push({ name, ...(definition?.purpose ? { purpose: definition.purpose } : {}), members });
    }
    return projects;
  }
}

/** A configured severity for project findings, which no single document's rules produce. */
function withSetting(findings: readonly ServiceFinding[], setting: RuleSetting | undefined): ServiceFinding[] {
  if (setting === 'off') return [];
  return setting ? findings.map((f) => ({ ...f, severity: setting })) : [...findings];
}

export function createPimService(options: PimServiceOptions): PimService {
  return new PimService(options);
}
