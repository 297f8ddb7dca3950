import type { Severity } from '../../service/index';
import type { LocatedFinding } from '../lint-files';
import { printable } from './printable';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands, one line per finding, which the runner turns into annotations
 * on the lines of a pull request. Paths are relative to the working directory: run from the checkout.
 */
export function formatGithub(findings: readonly LocatedFinding[]): string {
  return findings.map((f) => `${annotation(f)}\n`).join('');
}

function annotation(finding: LocatedFinding): string {
  const properties: [string, string | number][] = [
    ['file', finding.file],
    ['line', finding.line],
    ['col', finding.column],
  ];
  // GitHub takes an end column only on a one-line annotation. A finding over a whole section stays
  // on its first line (the heading), where the reviewer looks, rather than spanning the section.
  if (finding.endLine === finding.line) properties.push(['endColumn', finding.endColumn]);
  properties.push(['title', finding.ruleId]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(printable(String(value), true))}`).join(',');
  return `::${COMMAND[finding.severity]} ${list}::${escapeData(printable(finding.message, true))}`;
}

/** As @actions/core escapes a command's message: a line break would end the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also end at `,` (the next property) and `:` (the message). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
