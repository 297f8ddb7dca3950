/**
 * Pure: runs the rules over an Analysis. Each rule is isolated: one that throws becomes a single
 * `internal-error` finding and the others still run. Severity follows the rule's default, then
 * the document's status, then configuration; inline comments suppress last.
 */
import type { Analysis } from './analysis/analysis';
import { message } from './knowledge/lookup';
import { positionOf } from './model/build-model';
import type { Rule, RuleContext, Report } from './rules/define-rule';
import { readSuppressions } from './suppressions';
import { lineEndAt } from './text/lines';
import { SEVERITIES, type Finding, type Severity, type Span } from './types';
import { LIMITS } from './limits';
import { runToEnd, type Steps } from './steps';
import type { Decline } from './model/guard';

export const INTERNAL_ERROR = 'internal-error';
/** A document too big, or shaped so that parsing it would take too long: one finding says why, and nothing else is checked. */
export const DOCUMENT_DECLINED = 'document-declined';
/** Stands for the findings left out beyond `LIMITS.maxFindings`. */
export const TOO_MANY_FINDINGS = 'too-many-findings';

export function lint(analysis: Analysis, rules: readonly Rule[]): Finding[] {
  return runToEnd(lintInSteps(analysis, rules));
}

/** `lint`, one step per rule. */
export function* lintInSteps(analysis: Analysis, rules: readonly Rule[]): Steps<Finding[]> {
  if (!analysis.isPim) return [];
  const anchor = documentAnchor(analysis);
  if (analysis.declined) return [declinedFinding(analysis, analysis.declined, anchor)];
  const findings: Finding[] = [];
  if (analysis.model.parseError !== undefined) findings.push(parseFailure(analysis.model.parseError, anchor));
  for (const rule of rules) {
    const setting = analysis.options.rules?.[rule.id];
    if (setting === 'off' || (rule.usesKind && analysis.kindUnknown)) continue;
    const reports: Report[] = [];
    const context: RuleContext = {
      analysis,
      lang: analysis.language,
      anchor,
      report: (report) => reports.push(report),
      message: (key, params) => message(analysis.knowledge, key, analysis.language, params),
    };
    try {
      const steps = rule.check(context);
      if (steps) yield* steps;
    } catch (error) {
      findings.push(internalError(rule, error, anchor));
      continue;
    }
    for (const report of reports) findings.push(toFinding(rule, report, analysis, setting));
    yield;
  }
  const suppressions = readSuppressions(analysis.model);
  const kept = findings.filter((f) => f.ruleId === INTERNAL_ERROR || !suppressions.isSuppressed(f.ruleId, positionOf(analysis.model, f.span.start).line));
  return capped(kept, LIMITS.maxFindings, analysis, anchor).sort(byPlace);
}

const byPlace = (a: Finding, b: Finding): number => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId);

/**
 * The most severe findings, first in the document among equals, up to the limit: an editor or a
 * report with tens of thousands of findings helps nobody. One more finding says how many are left
 * out and which rule makes most of them.
 */
function capped(findings: Finding[], limit: number, analysis: Analysis, anchor: Span): Finding[] {
  if (findings.length <= limit) return findings;
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);
  const ranked = [...findings].sort((a, b) => rank(a) - rank(b) || byPlace(a, b));
  const left = ranked.slice(limit);
  const [rule, ruleCount] = mostFrequentRule(left);
  const lang = analysis.language;
  const params = { limit: formatCount(limit, lang), count: formatCount(left.length, lang), rule, ruleCount: formatCount(ruleCount, lang) };
  // As severe as the worst finding left out, so that --quiet and exit codes still see it.
  const severity = left[0]?.severity ?? 'info';
  return [...ranked.slice(0, limit), { ruleId: TOO_MANY_FINDINGS, severity, message: message(analysis.knowledge, TOO_MANY_FINDINGS, lang, params), span: anchor, refs: [] }];
}

function mostFrequentRule(findings: readonly Finding[]): [string, number] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
}

function declinedFinding(analysis: Analysis, decline: Decline, anchor: Span): Finding {
  const lang = analysis.language;
  const k = analysis.knowledge;
  const params: Record<string, string> =
    decline.reason === 'size'
      ? { size: formatSize(k, decline.measured, lang, Math.ceil), limit: formatSize(k, decline.limit, lang, Math.floor), bytes: formatCount(decline.limit, lang) }
      : { count: formatCount(decline.measured, lang), limit: formatCount(decline.limit, lang) };
  return { ruleId: DOCUMENT_DECLINED, severity: 'warning', message: message(k, `${DOCUMENT_DECLINED}.${decline.reason}`, lang, params), span: clampSpan(decline.span ?? anchor, analysis.text.length), refs: [] };
}

function formatCount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** Sizes as file managers show them, to one decimal: a size rounded up and a limit down, so that a size over the limit never looks equal to it. */
function formatSize(k: Analysis['knowledge'], bytes: number, lang: Analysis['language'], round: (n: number) => number): string {
  const [unit, size] = bytes >= 1024 * 1024 ? (['unit.megabytes', 1024 * 1024] as const) : bytes >= 1024 ? (['unit.kilobytes', 1024] as const) : (['unit.bytes', 1] as const);
  const value = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(round((bytes / size) * 10) / 10);
  return message(k, unit, lang, { value });
}

function toFinding(rule: Rule, report: Report, analysis: Analysis, setting: Severity | undefined): Finding {
  const length = analysis.text.length;
  const span = clampSpan(report.span, length);
  return {
    ruleId: rule.id,
    severity: setting ?? severityFor(rule, report, analysis.status),
    message: report.message,
    span,
    refs: report.refs ?? rule.refs,
    ...(report.related && report.related.length > 0 ? { related: report.related.map((r) => ({ ...r, span: clampSpan(r.span, length) })) } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
  };
}

/** Drafts may lack things, so missing items drop one level; a final document must have them. */
function severityFor(rule: Rule, report: Report, status: Analysis['status']): Severity {
  const base = report.severity ?? rule.defaultSeverity;
  if (status === 'final' && rule.finalSeverity) return rule.finalSeverity;
  if (status === 'draft' && rule.missingItem) return SEVERITIES[Math.min(SEVERITIES.indexOf(base) + 1, SEVERITIES.length - 1)] as Severity;
  return base;
}

function internalError(rule: Rule, error: unknown, anchor: Span): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR,
    severity: 'warning',
    message: `The rule "${rule.id}" failed on this document (${reason}); the other rules still ran, and the failure is a bug to report to the PIM Language Tools team.`,
    span: anchor,
    refs: [],
  };
}

function parseFailure(reason: string, anchor: Span): Finding {
  return {
    ruleId: INTERNAL_ERROR,
    severity: 'warning',
    message: `The Markdown parser failed on this document (${reason}), so it was checked as if empty; simplify the structure around the failure and report the bug to the PIM Language Tools team.`,
    span: anchor,
    refs: [],
  };
}

/** Document-level findings sit on the title, else on the `pim:` key, else at the start. */
function documentAnchor(analysis: Analysis): Span {
  const title = analysis.model.sections.find((s) => s.heading && s.level === 1) ?? analysis.model.sections.find((s) => s.heading);
  if (title?.heading) return title.heading;
  if (analysis.declaration) return analysis.declaration.keySpan;
  return { start: 0, end: lineEndAt(analysis.text, 0) };
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
