/**
 * Wires the LSP handlers. Each one tells the language service about the editor's documents, asks
 * it, and converts the answer; no PIM logic lives here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl, TOOL_URL } from '../rule-docs';
import { nodeHost, nodeScheduler } from '../node-host';
import { createPimService, KnowledgeError, rules, type Knowledge, type PimService } from '../service/index';
import { codeActions, OPEN_RULE_DOCS_COMMAND } from './code-actions';
import { FIX_ALL_KIND, rangeOf, toCompletionItem, toDocumentSymbol } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { SettingsStore } from './settings';
import { lintWorkspace } from './workspace-lint';
import { COVERAGE_REQUEST, COVERAGE_TREE_REQUEST, LINT_WORKSPACE_REQUEST, REPORT_REQUEST, type CoverageResponse } from './protocol';
import { coverageTreeResponse, reportResponse } from './workspace-views';

export interface ServerHost {
  readonly loadKnowledge: () => Knowledge;
  /** The folder of the rule pages (docs/rules/<rule id>.md), for diagnostic links. */
  readonly ruleDocsDir: string;
  /** The parsing thread's script (`dist/parse-worker.cjs`); without it, long chunks are parsed on the main thread. */
  readonly parseWorkerFile?: string;
}

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const knowledge = loadOrReport(connection, host);
  const service = knowledge ? createService(knowledge, settings, host.parseWorkerFile) : undefined;
  const docUrl = ruleDocLinks(host.ruleDocsDir, new Set(rules.map((r) => r.id)));
  // Code lenses show the coverage of the last lint: ask clients that can to fetch them again.
  const refreshLenses = (): void => {
    if (lensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };
  const publisher = service ? new DiagnosticsPublisher(connection, documents, service, settings, docUrl, refreshLenses) : undefined;
  let watchDynamically = false;
  let configurationDynamically = false;
  let lensRefresh = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    settings.usePull(capabilities.workspace?.configuration === true);
    watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationDynamically = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    lensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    const folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    service?.setWorkspaceFolders(folders.length > 0 ? folders : params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', ':', ' '], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        executeCommandProvider: { commands: [OPEN_RULE_DOCS_COMMAND] },
      },
      serverInfo: { name: 'pim-language-server', version: knowledge?.version ?? 'unknown' },
    };
  });

  connection.onInitialized(() => {
    if (configurationDynamically) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    // Any JSON file may be one that a .pimrc.json extends; the service keeps only the changes that matter.
    if (watchDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.json' }, { globPattern: '**/*.{md,markdown,mdx}' }] });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    service?.configurationChanged();
    publisher?.scheduleAll();
  });
  connection.onDidChangeWatchedFiles((change) => {
    service?.filesChanged(change.changes.map((c) => c.uri));
    publisher?.scheduleAll();
  });

  documents.onDidOpen((e) => {
    service?.openDocument(e.document.uri, e.document.version, e.document.getText());
    publisher?.schedule(e.document.uri, true);
  });
  documents.onDidChangeContent((e) => {
    service?.changeDocument(e.document.uri, e.document.version, e.document.getText());
    publisher?.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    service?.closeDocument(e.document.uri);
    settings.forget(e.document.uri);
    publisher?.clear(e.document.uri);
  });

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const hover = document ? await service?.hover(document.uri, document.offsetAt(params.position)) : undefined;
    return document && hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: rangeOf(document, hover.span) } : null;
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !service) return [];
    return (await service.completion(document.uri, document.offsetAt(params.position))).map((item) => toCompletionItem(document, item));
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const report = document ? await service?.report(document.uri) : undefined;
    return document && report && service ? codeActions(document, report, service.knowledge, params) : [];
  });

  connection.onCodeLens(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const summary = document ? await service?.summary(document.uri) : undefined;
    if (!document || !summary) return [];
    return [{ range: rangeOf(document, summary.anchor), command: { title: summary.title, command: 'pim.showCoverage', arguments: [document.uri] } }];
  });

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document && service ? (await service.symbols(document.uri)).map((item) => toDocumentSymbol(document, item)) : [];
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== OPEN_RULE_DOCS_COMMAND) return;
    const ruleId = String(params.arguments?.[0] ?? '');
    await connection.window.showDocument({ uri: docUrl(ruleId), external: false });
  });

  connection.onRequest(COVERAGE_REQUEST, async (params: { uri: string }): Promise<CoverageResponse | null> => {
    const document = documents.get(params.uri);
    const summary = document ? await service?.summary(document.uri) : undefined;
    if (!document || !summary) return null;
    return { ...summary, anchor: rangeOf(document, summary.anchor), gaps: summary.gaps.map((g) => ({ label: g.label, ref: g.ref, range: rangeOf(document, g.span) })) };
  });

  connection.onRequest(COVERAGE_TREE_REQUEST, async (_params: unknown, token) => (service && publisher ? coverageTreeResponse(service, documents, settings, token) : []));
  connection.onRequest(REPORT_REQUEST, async (_params: unknown, token) => (service ? reportResponse(service, token) : { html: '' }));

  connection.onRequest(LINT_WORKSPACE_REQUEST, async (_params: unknown, token) => {
    if (!service || !publisher) return { files: 0, problems: 0, cancelled: false };
    return lintWorkspace(connection, service, publisher, token);
  });

  documents.listen(connection);
}

/** The service on the local disk, with the editor's settings for each document. */
function createService(knowledge: Knowledge, settings: SettingsStore, parseWorkerFile: string | undefined): PimService {
  return createPimService({
    knowledge,
    host: nodeHost({ scheduler: nodeScheduler(parseWorkerFile) }),
    editorOptions: async (uri) => {
      const s = await settings.forDocument(uri);
      return { enable: s.enable, rules: s.rules, maxDocumentSize: s.maxDocumentSize, ...(s.language !== 'auto' ? { language: s.language } : {}) };
    },
  });
}

function loadOrReport(connection: Connection, host: ServerHost): Knowledge | undefined {
  try {
    return host.loadKnowledge();
  } catch (error) {
    const text = error instanceof KnowledgeError ? error.message : `The PIM knowledge base could not be loaded: ${String(error)}`;
    connection.console.error(text);
    void connection.window.showErrorMessage(`PIM Language Tools: ${text.split('\n')[0]} See the output channel for every problem.`);
    return undefined;
  }
}

/** The rule pages ship next to the bundle's folder, in the npm package, the .vsix and a checkout alike. */
export function defaultRuleDocsDir(bundleDir: string): string {
  return join(bundleDir, '..', 'docs', 'rules');
}

/**
 * A rule's shipped page as a file: URL, so that it opens offline in the editor; the repository's
 * copy when it is not there. Ids of no rule (an invalid configuration, an internal error) have no
 * page: the repository, where such bugs are reported.
 */
function ruleDocLinks(docsDir: string, ruleIds: ReadonlySet<string>): (ruleId: string) => string {
  const links = new Map<string, string>();
  const link = (ruleId: string): string => {
    const page = join(docsDir, `${ruleId}.md`);
    if (existsSync(page)) return pathToFileURL(page).href;
    return ruleIds.has(ruleId) ? ruleDocUrl(ruleId) : TOOL_URL;
  };
  return (ruleId) => {
    if (!links.has(ruleId)) links.set(ruleId, link(ruleId));
    return links.get(ruleId) as string;
  };
}
