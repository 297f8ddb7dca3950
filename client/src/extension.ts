/**
 * The VS Code client: starts the bundled language server over IPC and adds what only VS Code
 * has: commands, a status bar item, the coverage quick pick, the "PIM Coverage" view and the
 * report webview. No PIM logic lives here.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CoverageView, REVEAL_COMMAND, revealLocation } from './coverage-view';
import { CrashPolicy, type CrashNotice } from './crash-policy';
import { showReport } from './report-view';
import { COVERAGE_REQUEST, LINT_WORKSPACE_REQUEST, type CoverageResponse, type LintWorkspaceResponse } from '../../server/src/lsp/protocol';

export interface PimExtensionApi {
  readonly client: LanguageClient;
  readonly coverageView: CoverageView;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PimExtensionApi> {
  const output = vscode.window.createOutputChannel('PIM Language Tools');
  const crashes = new CrashPolicy();
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'pim' },
    outputChannel: output,
    errorHandler: crashHandler(crashes, output),
  };
  const languageClient = new LanguageClient('pim', 'PIM Language Tools', serverOptions, clientOptions);
  client = languageClient;

  const status = vscode.window.createStatusBarItem('pim.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'PIM coverage';
  status.command = 'pim.showCoverage';
  const refreshStatus = (): void => void updateStatus(languageClient, status);
  const coverageView = new CoverageView(languageClient);

  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('pim.restartServer', async () => {
      crashes.reset();
      await languageClient.restart();
      refreshStatus();
    }),
    vscode.commands.registerCommand('pim.showCoverage', (uri?: string) => showCoverage(languageClient, uri)),
    vscode.commands.registerCommand('pim.lintWorkspace', () => lintWorkspace(languageClient)),
    vscode.commands.registerCommand('pim.showReport', () => showReport(languageClient)),
    vscode.commands.registerCommand('pim.refreshCoverage', () => coverageView.refresh()),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealLocation),
    coverageView,
    vscode.window.createTreeView('pimCoverage', { treeDataProvider: coverageView, showCollapseAll: true }),
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) refreshStatus();
      coverageView.refreshSoon();
    }),
  );
  await languageClient.start();
  refreshStatus();
  if (vscode.workspace.getConfiguration('pim').get<boolean>('lintWorkspaceOnStartup') === true) void lintWorkspace(languageClient);
  return { client: languageClient, coverageView };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/**
 * The server died: restart it under the crash policy, and tell the user at most once per outcome,
 * with a button to the log, instead of the client's own message on every crash.
 */
function crashHandler(crashes: CrashPolicy, output: vscode.OutputChannel): ErrorHandler {
  return {
    // Errors while writing or reading usually precede a close, which decides.
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const decision = crashes.serverClosed();
      if (decision.notice) void tellCrash(decision.notice, crashes, output);
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
}

async function tellCrash(notice: CrashNotice, crashes: CrashPolicy, output: vscode.OutputChannel): Promise<void> {
  const showLog = vscode.l10n.t('Show log');
  const text =
    notice === 'restarted'
      ? vscode.l10n.t('The PIM language server stopped unexpectedly and was restarted; its log is in the "PIM Language Tools" output channel.')
      : vscode.l10n.t(
          'The PIM language server stopped {0} times within {1} minutes, so it is no longer restarted; read its log in the "PIM Language Tools" output channel, then run "PIM: Restart server".',
          crashes.maxCrashes + 1,
          crashes.windowMs / 60_000,
        );
  const show = notice === 'restarted' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  if ((await show(text, showLog)) === showLog) output.show();
}

async function coverageOf(languageClient: LanguageClient, uri: string): Promise<CoverageResponse | null> {
  try {
    return await languageClient.sendRequest<CoverageResponse | null>(COVERAGE_REQUEST, { uri });
  } catch {
    return null;
  }
}

async function updateStatus(languageClient: LanguageClient, status: vscode.StatusBarItem): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const coverage = document?.languageId === 'markdown' ? await coverageOf(languageClient, document.uri.toString()) : null;
  if (!coverage) {
    status.hide();
    return;
  }
  const kind = coverage.kindName ?? vscode.l10n.t('no kind declared');
  status.text = `$(checklist) PIM: ${kind} · ${coverage.principles.addressed}/${coverage.principles.expected} · ${coverage.process.addressed}/${coverage.process.expected}`;
  status.tooltip = coverage.title;
  status.show();
}

async function showCoverage(languageClient: LanguageClient, uriArgument?: string): Promise<void> {
  const uri = uriArgument ?? vscode.window.activeTextEditor?.document.uri.toString();
  const coverage = uri ? await coverageOf(languageClient, uri) : null;
  if (!uri || !coverage) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document is not a PIM document: declare `pim: {kind: …}` in its front matter.'));
    return;
  }
  if (coverage.gaps.length === 0) {
    void vscode.window.showInformationMessage(coverage.title);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    coverage.gaps.map((gap) => ({ label: gap.label, description: gap.ref, gap })),
    { title: coverage.title, placeHolder: vscode.l10n.t('Pick a gap to jump to it') },
  );
  if (!picked) return;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  const { start, end } = picked.gap.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The server reports its progress, which the user can cancel. */
async function lintWorkspace(languageClient: LanguageClient): Promise<void> {
  const result = await languageClient.sendRequest<LintWorkspaceResponse>(LINT_WORKSPACE_REQUEST, {});
  const text = result.cancelled
    ? vscode.l10n.t('PIM: stopped after {0} documents, {1} problems (see the Problems panel).', result.files, result.problems)
    : vscode.l10n.t('PIM: {0} documents checked, {1} problems (see the Problems panel).', result.files, result.problems);
  void vscode.window.showInformationMessage(text);
}
