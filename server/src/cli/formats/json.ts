import type { LocatedFinding } from '../lint-files';

/** One array of findings; lines and columns start at 1. A stable contract for scripts. */
export function formatJson(findings: readonly LocatedFinding[]): string {
  return `${JSON.stringify(
    findings.map(({ file, ruleId, severity, message, line, column, endLine, endColumn, refs }) => ({ file, ruleId, severity, message, line, column, endLine, endColumn, refs })),
    null,
    2,
  )}\n`;
}
