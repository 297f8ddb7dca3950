/**
 * Wires the LSP handlers. Each one finds the document, asks the engine through the shared
 * Analysis, and converts; no PIM logic lives here.
 */
import { existsSync, readFileSync } from 'node:fs';
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
import { completeAt, hoverAt, KnowledgeError, outline, rules, summarize, type Knowledge } from '../engine/index';
import { ruleDocUrl, TOOL_URL } from '../rule-docs';
import { ConfigResolver } from '../config/pimrc';
import { DocumentAnalyses, filePath } from './analyses';
import { codeActions, OPEN_RULE_DOCS_COMMAND } from './code-actions';
import { FIX_ALL_KIND, rangeOf, toCompletionItem, toDocumentSymbol } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { SettingsStore } from './settings';
import { lintWorkspace } from './workspace-lint';
import { COVERAGE_REQUEST, LINT_WORKSPACE_REQUEST, type CoverageResponse } from './protocol';

export interface ServerHost {
  readonly loadKnowledge: () => Knowledge;
  /** The folder of the rule pages (docs/rules/<rule id>.md), for diagnostic links. */
  readonly ruleDocsDir: string;
}

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const configs = new ConfigResolver({ readFile: readTextOrUndefined }, rules.map((r) => r.id));
  const knowledge = loadOrReport(connection, host);
  const analyses = knowledge ? new DocumentAnalyses(knowledge, settings, configs) : undefined;
  const docUrl = ruleDocLinks(host.ruleDocsDir, new Set(rules.map((r) => r.id)));
  // Code lenses show the coverage of the last lint: ask clients that can to fetch them again.
  const refreshLenses = (): void => {
    if (lensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };
  const publisher = analyses ? new DiagnosticsPublisher(connection, documents, analyses, settings, docUrl, refreshLenses) : undefined;
  let workspaceFolders: string[] = [];
  let watchDynamically = false;
  let configurationDynamically = false;
  let lensRefresh = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    settings.usePull(capabilities.workspace?.configuration === true);
    watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationDynamically = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    lensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => filePath(f.uri)).filter((p): p is string => p !== undefined);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [filePath(params.rootUri)].filter((p): p is string => p !== undefined);
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
    if (watchDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.pimrc.json' }] });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    analyses?.invalidate();
    publisher?.scheduleAll();
  });
  connection.onDidChangeWatchedFiles(() => {
    analyses?.invalidate();
    publisher?.scheduleAll();
  });

  documents.onDidOpen((e) => publisher?.schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => publisher?.schedule(e.document.uri));
  documents.onDidClose((e) => {
    analyses?.forget(e.document.uri);
    settings.forget(e.document.uri);
    publisher?.clear(e.document.uri);
  });

  /** The current analysis of a PIM document, or undefined: no answers where nobody asked. */
  const pimResult = async (uri: string) => {
    const document = documents.get(uri);
    const result = document ? await analyses?.resultFor(document) : undefined;
    return document && result?.analysis.isPim ? { document, result } : undefined;
  };

  connection.onHover(async (params) => {
    const found = await pimResult(params.textDocument.uri);
    if (!found) return null;
    const hover = hoverAt(found.result.analysis, found.document.offsetAt(params.position));
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: rangeOf(found.document, hover.span) } : null;
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const result = document ? await analyses?.resultFor(document) : undefined;
    if (!document || !result) return [];
    const offset = document.offsetAt(params.position);
    const inFrontMatter = result.analysis.model.frontMatter && offset <= result.analysis.model.frontMatter.span.end;
    // Outside PIM documents only the front matter offers `pim:`, so a document can become one.
    if (!result.analysis.isPim && !inFrontMatter) return [];
    return completeAt(result.analysis, offset).map((item) => toCompletionItem(document, item));
  });

  connection.onCodeAction(async (params) => {
    const found = await pimResult(params.textDocument.uri);
    return found ? codeActions(found.document, found.result, params) : [];
  });

  connection.onCodeLens(async (params) => {
    const found = await pimResult(params.textDocument.uri);
    if (!found) return [];
    const summary = summarize(found.result.analysis);
    return [{ range: rangeOf(found.document, summary.anchor), command: { title: summary.title, command: 'pim.showCoverage', arguments: [found.document.uri] } }];
  });

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const result = document ? await analyses?.resultFor(document) : undefined;
    return document && result ? outline(result.analysis).map((item) => toDocumentSymbol(document, item)) : [];
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== OPEN_RULE_DOCS_COMMAND) return;
    const ruleId = String(params.arguments?.[0] ?? '');
    await connection.window.showDocument({ uri: docUrl(ruleId), external: false });
  });

  connection.onRequest(COVERAGE_REQUEST, async (params: { uri: string }): Promise<CoverageResponse | null> => {
    const found = await pimResult(params.uri);
    if (!found) return null;
    const summary = summarize(found.result.analysis);
    return { ...summary, anchor: rangeOf(found.document, summary.anchor), gaps: summary.gaps.map((g) => ({ label: g.label, ref: g.ref, range: rangeOf(found.document, g.span) })) };
  });

  connection.onRequest(LINT_WORKSPACE_REQUEST, async () => {
    if (!knowledge) return { files: 0, problems: 0 };
    return lintWorkspace(connection, workspaceFolders, knowledge, configs, (uri) => documents.get(uri) !== undefined, docUrl);
  });

  documents.listen(connection);
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

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
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
