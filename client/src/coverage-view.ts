/** The "PIM Coverage" view in the Explorer: the server's coverage tree, refreshed as diagnostics change. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COVERAGE_TREE_REQUEST, type CoverageTreeNode } from '../../server/src/lsp/protocol';

export const REVEAL_COMMAND = 'pim.revealLocation';

const ICON: Readonly<Record<NonNullable<CoverageTreeNode['status']>, vscode.ThemeIcon>> = {
  addressed: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  weak: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
};
const KIND_ICON: Readonly<Record<'project' | 'document', vscode.ThemeIcon>> = { project: new vscode.ThemeIcon('folder-library'), document: new vscode.ThemeIcon('markdown') };

export class CoverageView implements vscode.TreeDataProvider<CoverageTreeNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<CoverageTreeNode[]> | undefined;
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly languageClient: LanguageClient) {}

  /** Diagnostics arrive in bursts while typing: refresh once they settle. */
  refreshSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refresh(), 750);
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire();
  }

  getChildren(node?: CoverageTreeNode): Promise<CoverageTreeNode[]> | CoverageTreeNode[] {
    if (node) return [...node.children];
    this.roots ??= this.languageClient.sendRequest<CoverageTreeNode[]>(COVERAGE_TREE_REQUEST, {}).catch(() => []);
    return this.roots;
  }

  getTreeItem(node: CoverageTreeNode): vscode.TreeItem {
    const collapsed = node.kind === 'project' || node.kind === 'document' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, node.children.length > 0 ? (node.kind === 'step' ? vscode.TreeItemCollapsibleState.Collapsed : collapsed) : vscode.TreeItemCollapsibleState.None);
    item.description = node.description ?? (node.status ? statusText(node.status) : undefined);
    item.iconPath = node.status ? ICON[node.status] : node.kind === 'project' || node.kind === 'document' ? KIND_ICON[node.kind] : undefined;
    item.contextValue = `pim.${node.kind}`;
    item.tooltip = node.status ? `${node.label}: ${statusText(node.status)}` : node.label;
    if (node.location) item.command = { title: vscode.l10n.t('Go to the evidence'), command: REVEAL_COMMAND, arguments: [node.location.uri, node.location.range] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.changed.dispose();
  }
}

function statusText(status: NonNullable<CoverageTreeNode['status']>): string {
  return status === 'addressed' ? vscode.l10n.t('addressed') : status === 'weak' ? vscode.l10n.t('mentioned in passing') : vscode.l10n.t('missing');
}

/** Opens a document at a range: the evidence of an item, or where a missing one belongs. */
export async function revealLocation(uri: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
  if (!range) return;
  const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(target.start, target.start);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
