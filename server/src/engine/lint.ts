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

export const INTERNAL_ERROR = 'internal-error';

export function lint(analysis: Analysis, rules: readonly Rule[]): Finding[] {
  if (!analysis.isPim) return [];
  const anchor = documentAnchor(analysis);
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
      rule.check(context);
    } catch (error) {
      findings.push(internalError(rule, error, anchor));
      continue;
    }
    for (const report of reports) findings.push(toFinding(rule, report, analysis, setting));
  }
  const suppressions = readSuppressions(analysis.model);
  return findings
    .filter((f) => f.ruleId === INTERNAL_ERROR || !suppressions.isSuppressed(f.ruleId, positionOf(analysis.model, f.span.start).line))
    .sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
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
