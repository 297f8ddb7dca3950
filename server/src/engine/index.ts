/**
 * The engine's public face. Pure: takes text, knowledge and options; returns plain data with
 * UTF-16 offsets. The language server and the CLI only translate what comes out of here.
 */
import { Analysis, parseInSteps } from './analysis/analysis';
import type { Knowledge } from './knowledge/load';
import { lintInSteps } from './lint';
import { runToEnd, type Steps } from './steps';
import { rules } from './rules/index';
import type { Finding, LintOptions } from './types';

export { Analysis } from './analysis/analysis';
export { loadKnowledge, KnowledgeError, type Knowledge } from './knowledge/load';
export { rules, type Rule } from './rules/index';
export { INTERNAL_ERROR, DOCUMENT_DECLINED, TOO_MANY_FINDINGS } from './lint';
export { LIMITS } from './limits';
export { parseAnswer, runToEnd, type ParseAnswer, type Steps } from './steps';
export { positionOf } from './model/build-model';
export { lineStartsOf } from './text/lines';
export * from './types';

/**
 * Analyses and lints one document version; keep the Analysis to answer hovers and completion on
 * the same version, and pass it as `previous` for the next version so unchanged parts are reused.
 */
export function analyze(text: string, knowledge: Knowledge, options: LintOptions = {}, previous?: Analysis | 'whole'): AnalyzeResult {
  return runToEnd(analyzeInSteps(text, knowledge, options, previous));
}

export interface AnalyzeResult {
  readonly analysis: Analysis;
  readonly findings: Finding[];
}

/**
 * `analyze` as short steps: parsing chunk by chunk, the evidence of each chunk, then each rule.
 * A caller that must stay responsive runs some steps at a time and drops the rest when the text
 * has changed meanwhile.
 */
export function* analyzeInSteps(text: string, knowledge: Knowledge, options: LintOptions = {}, previous?: Analysis | 'whole'): Steps<AnalyzeResult> {
  const analysis = new Analysis(text, knowledge, options, yield* parseInSteps(text, options, previous));
  yield* analysis.computeInSteps();
  return { analysis, findings: yield* lintInSteps(analysis, rules) };
}
export { hoverAt, type HoverInfo } from './features/hover';
export { completeAt, type CompletionInfo, type CompletionKind } from './features/completion';
export { outline, type OutlineItem } from './features/outline';
export { summarize, type CoverageSummary, type Gap } from './features/summary';
export { ruleSource, provenanceMarkdown, type RuleSource } from './features/provenance';
export { message, textIn } from './knowledge/lookup';
