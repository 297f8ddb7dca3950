/** Requests the VS Code client (or any client) can send beyond standard LSP. */
import type { Location, Range } from 'vscode-languageserver';
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

export const COVERAGE_TREE_REQUEST = 'pim/coverageTree';
export const REPORT_REQUEST = 'pim/report';

/** A node of the "PIM Coverage" view: projects, documents, steps and principles, with where to go. */
export interface CoverageTreeNode {
  readonly label: string;
  readonly kind: 'project' | 'document' | 'step' | 'substep' | 'principle';
  readonly status?: 'addressed' | 'weak' | 'missing';
  readonly description?: string;
  readonly location?: Location;
  readonly children: readonly CoverageTreeNode[];
}

export interface ReportResponse {
  /** The report page, with `data-uri` and `data-line` on every link to a document. */
  readonly html: string;
}
