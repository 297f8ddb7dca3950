/**
 * The service's public face: what the language server and `pim-lint` may use. They reach the
 * engine only through here; the engine's trees and Analysis never come out.
 */
export { createPimService, PimService, type CheckOptions, type DocumentReport, type EditorOptions, type PimServiceOptions, type WorkspaceOptions, type WorkspaceRun } from './service';
export { DocumentStore, DISK_VERSION, type StoreStats } from './store';
export type { DocumentFacts, Location, RelatedLocation, RecipientMention, ServiceFinding } from './facts';
export { PROJECT_RULE, type ProjectCoverage, type ProjectItem } from './projects';
export { CONFIG_FILE_NAME, CONFIG_PROBLEM, MAX_CONFIG_SIZE } from './config';
export { NO_CONFIG, type ConfigProblemReport, type ConfigSource, type DocumentConfig, type ProjectDefinition } from './config-source';
export { NEVER_CANCELLED, type CancellationToken, type Disposable, type FileStat, type FileType, type PimHost, type ProgressReporter, type Scheduler } from './host';
export { isInside, uriBasename, uriDirname, uriJoin, uriRelative } from './uri';
export {
  INTERNAL_ERROR,
  DOCUMENT_DECLINED,
  TOO_MANY_FINDINGS,
  KnowledgeError,
  LIMITS,
  lineStartsOf,
  parseAnswer,
  type ParseAnswer,
  message,
  positionOf,
  rules,
  ruleSource,
  SEVERITIES,
  textIn,
  type CompletionInfo,
  type CompletionKind,
  type Coverage,
  type CoverageStatus,
  type CoverageSummary,
  type Edit,
  type Fix,
  type Gap,
  type HoverInfo,
  type ItemCoverage,
  type Knowledge,
  type Lang,
  type OutlineItem,
  type Rule,
  type RuleSetting,
  type Severity,
  type Span,
} from '../engine/index';
export { coverageReportHtml, type ReportDocument, type ReportInput } from './report';
export { coverageTree, type CoverageNode } from './coverage-tree';
