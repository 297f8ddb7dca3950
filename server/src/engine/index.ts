/**
 * The engine's public face. Pure: takes text, knowledge and options; returns plain data with
 * UTF-16 offsets. The language server and the CLI only translate what comes out of here.
 */
import { Analysis } from './analysis/analysis';
import type { Knowledge } from './knowledge/load';
import { lint } from './lint';
import { rules } from './rules/index';
import type { Finding, LintOptions } from './types';

export { Analysis } from './analysis/analysis';
export { loadKnowledge, KnowledgeError, type Knowledge } from './knowledge/load';
export { rules, type Rule } from './rules/index';
export { INTERNAL_ERROR, DOCUMENT_DECLINED, TOO_MANY_FINDINGS } from './lint';
export { LIMITS } from './limits';
export { positionOf } from './model/build-model';
export { lineStartsOf } from './text/lines';
export * from './types';

/**
 * Analyses and lints one document version; keep the Analysis to answer hovers and completion on
 * the same version, and pass it as `previous` for the next version so unchanged parts are reused.
 */
export function analyze(text: string, knowledge: Knowledge, options: LintOptions = {}, previous?: Analysis | 'whole'): { analysis: Analysis; findings: Finding[] } {
  const analysis = new Analysis(text, knowledge, options, previous);
  return { analysis, findings: lint(analysis, rules) };
}
export { hoverAt, type HoverInfo } from './features/hover';
export { completeAt, type CompletionInfo, type CompletionKind } from './features/completion';
export { outline, type OutlineItem } from './features/outline';
export { summarize, type CoverageSummary, type Gap } from './features/summary';
export { ruleSource, provenanceMarkdown, type RuleSource } from './features/provenance';
export { message, textIn } from './knowledge/lookup';
