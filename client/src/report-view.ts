/** "PIM: Show coverage report": the report pim-lint writes, in a webview; its links open the documents. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_REQUEST, type ReportResponse } from '../../server/src/lsp/protocol';
import { revealLocation } from './coverage-view';

let panel: vscode.WebviewPanel | undefined;

export async function showReport(languageClient: LanguageClient): Promise<void> {
  const response = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('PIM: preparing the coverage report'), cancellable: true },
    (_progress, token) => languageClient.sendRequest<ReportResponse>(REPORT_REQUEST, {}, token),
  );
  if (!panel) {
    panel = vscode.window.createWebviewPanel('pim.report', vscode.l10n.t('PIM coverage report'), vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage((message: { uri?: unknown; line?: unknown }) => {
      if (typeof message.uri !== 'string') return;
      const line = Math.max(0, (typeof message.line === 'number' ? message.line : 1) - 1);
      void revealLocation(message.uri, { start: { line, character: 0 }, end: { line, character: 0 } });
    });
  }
  panel.webview.html = response.html;
  panel.reveal(vscode.ViewColumn.Beside);
}
