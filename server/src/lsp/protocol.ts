/** Requests the VS Code client (or any client) can send beyond standard LSP. */
import type { Range } from 'vscode-languageserver';
import type { CoverageSummary } from '../service/index';

export const COVERAGE_REQUEST = 'pim/coverage';
export const LINT_WORKSPACE_REQUEST = 'pim/lintWorkspace';

/** The engine's coverage summary, with LSP ranges instead of offsets. */
export type CoverageResponse = Omit<CoverageSummary, 'anchor' | 'gaps'> & {
  readonly anchor: Range;
  readonly gaps: readonly { readonly label: string; readonly ref: string; readonly range: Range }[];
};

export interface LintWorkspaceResponse {
  readonly files: number;
  readonly problems: number;
  /** The user stopped it before every document was checked. */
  readonly cancelled: boolean;
}
