import type { Severity } from '../../service/index';
import type { LocatedFinding } from '../lint-files';
import { printable } from './printable';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

/**
 * Human-readable output, grouped by file, as eslint's and markdownlint's stylish formats.
 * `hiddenByQuiet` counts the findings --quiet left out, so that "No problems" is never said over them.
 */
export function formatStylish(findings: readonly LocatedFinding[], filesChecked: number, hiddenByQuiet = 0): string {
  const byFile = new Map<string, LocatedFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(printable(file));
    const width = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    for (const f of list) lines.push(`  ${`${f.line}:${f.column}`.padEnd(width)}  ${LABEL[f.severity].padEnd(7)}  ${printable(f.message)}  ${printable(f.ruleId)}`);
    lines.push('');
  }
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const summary = `${findings.length} problem${findings.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos, ${count('hint')} hints) in ${filesChecked} PIM document${filesChecked === 1 ? '' : 's'}`;
  lines.push(findings.length === 0 ? `No ${hiddenByQuiet > 0 ? 'errors' : 'problems'} in ${filesChecked} PIM document${filesChecked === 1 ? '' : 's'}.` : summary);
  if (hiddenByQuiet > 0) lines.push(`--quiet left out ${hiddenByQuiet} finding${hiddenByQuiet === 1 ? '' : 's'} below error level.`);
  return `${lines.join('\n')}\n`;
}
