/** Requests the VS Code client (or any client) can send beyond standard LSP. */
import type { Range } from 'vscode-languageserver';

export const COVERAGE_REQUEST = 'pim/coverage';
export const LINT_WORKSPACE_REQUEST = 'pim/lintWorkspace';

export interface CoverageResponse {
  readonly kind?: string;
  readonly kindName?: string;
  readonly principles: { readonly addressed: number; readonly expected: number };
  readonly process: { readonly addressed: number; readonly expected: number };
  readonly missingSections: number;
  readonly title: string;
  readonly anchor: Range;
  readonly gaps: readonly { readonly label: string; readonly ref: string; readonly range: Range }[];
}

export interface LintWorkspaceResponse {
  readonly files: number;
  readonly problems: number;
}
