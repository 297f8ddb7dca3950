/** The workspace views of the editor: the "PIM Coverage" tree and the coverage report, from one run of the service. */
import { randomBytes } from 'node:crypto';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { coverageReportHtml, coverageTree, uriBasename, type CoverageNode, type PimService } from '../service/index';
import { rangeResolver } from './diagnostics';
import type { CoverageTreeNode, ReportResponse } from './protocol';
import type { SettingsStore } from './settings';

export async function coverageTreeResponse(service: PimService, documents: TextDocuments<TextDocument>, settings: SettingsStore, token: CancellationToken): Promise<CoverageTreeNode[]> {
  const run = await service.lintDocuments(await service.workspaceDocuments(), { token });
  const language = (await settings.forDocument(run.reports[0]?.uri ?? '')).language;
  const lang = language === 'auto' ? (run.reports[0]?.language ?? 'en') : language;
  const range = rangeResolver(documents, service);
  const convert = (node: CoverageNode): CoverageTreeNode => ({
    label: node.label,
    kind: node.kind,
    ...(node.status ? { status: node.status } : {}),
    ...(node.description ? { description: node.description } : {}),
    ...(node.location ? { location: { uri: node.location.uri, range: range(node.location.uri, node.location.span) } } : {}),
    children: node.children.map(convert),
  });
  return coverageTree(run, service.knowledge, lang, workspaceName(service)).map(convert);
}

/** Script and policy for the webview: nothing loads from outside; a click on a link asks the editor to open the place. */
const WEBVIEW_HEAD = (nonce: string): string =>
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">` +
  `<script nonce="${nonce}">const vscode = acquireVsCodeApi(); document.addEventListener('click', (e) => { const a = e.target.closest('a[data-uri]'); if (!a) return; e.preventDefault(); vscode.postMessage({ uri: a.dataset.uri, line: Number(a.dataset.line || 1) }); });</script>`;

export async function reportResponse(service: PimService, token: CancellationToken): Promise<ReportResponse> {
  const run = await service.lintDocuments(await service.workspaceDocuments(), { token });
  const name = workspaceName(service);
  const documents = run.reports.map((r) => ({ facts: r.facts, findings: r.findings, name: name(r.uri), href: r.uri, text: service.text(r.uri) ?? '' }));
  const nonce = randomBytes(16).toString('base64url');
  const html = coverageReportHtml({
    knowledge: service.knowledge,
    language: run.reports[0]?.language ?? 'en',
    documents,
    projects: run.projects,
    generated: new Date().toISOString().slice(0, 10),
    version: service.knowledge.version,
    head: WEBVIEW_HEAD(nonce),
  });
  return { html };
}

/** Documents by their path inside a workspace folder, else by their file name. */
function workspaceName(service: PimService): (uri: string) => string {
  return (uri) => service.workspaceRelativePath(uri) ?? uriBasename(uri);
}
