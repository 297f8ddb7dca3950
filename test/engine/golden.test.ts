/** Team-written documents with the findings and coverage expected of them, kept beside them as golden files. */
import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, positionOf, type Finding } from '../../server/src/engine/index';
import { assertGolden } from '../helpers/golden';
import { knowledge } from '../helpers/knowledge';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'documents');

function render(findings: readonly Finding[], model: Parameters<typeof positionOf>[0]): string {
  return findings
    .map((f) => {
      const start = positionOf(model, f.span.start);
      const end = positionOf(model, f.span.end);
      const fix = f.fix ? `\n    fix (${f.fix.safe ? 'safe' : 'review'}): ${f.fix.title}` : '';
      return `${start.line}:${start.column}-${end.line}:${end.column} ${f.severity} ${f.ruleId} ${f.message}\n    refs: ${f.refs.join(' ') || '-'}${fix}`;
    })
    .join('\n')
    .concat('\n');
}

for (const name of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
  test(`golden findings and coverage: ${name}`, () => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const { analysis, findings } = analyze(text, knowledge);
    const coverage = analysis.isPim
      ? Object.entries({ ...prefix('principle', analysis.coverage.principles), ...prefix('substep', analysis.coverage.substeps) })
          .map(([id, item]) => `${item.status.padEnd(9)} ${id}`)
          .join('\n')
      : '(not a PIM document)';
    const header = `language: ${analysis.language}; kind: ${analysis.kind?.id ?? '-'} (${analysis.kindSource}); status: ${analysis.status ?? '-'}`;
    assertGolden(join(DIR, name.replace(/\.md$/, '.expected')), `${header}\n\n# findings\n${render(findings, analysis.model)}\n# coverage\n${coverage}\n`);
  });
}

function prefix<T>(kind: string, map: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).map(([id, v]) => [`${kind}:${id}`, v]));
}
