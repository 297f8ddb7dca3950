import type { LocatedFinding } from '../lint-files';

/** JUnit XML: a test suite per file, a failing test case per finding, a passing one for a clean file. */
export function formatJunit(findings: readonly LocatedFinding[], files: readonly string[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites = files.map((file) => ({ file, list: findings.filter((f) => f.file === file) }));
  const total = suites.reduce((sum, s) => sum + Math.max(1, s.list.length), 0);
  out.push(`<testsuites name="pim-lint" tests="${total}" failures="${findings.length}">`);
  for (const { file, list } of suites) {
    out.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, list.length)}" failures="${list.length}" errors="0">`);
    if (list.length === 0) out.push(`    <testcase classname="${xml(file)}" name="PIM document"/>`);
    for (const f of list) {
      out.push(`    <testcase classname="${xml(file)}" name="${xml(`${f.line}:${f.column} ${f.ruleId}`)}">`);
      out.push(`      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
