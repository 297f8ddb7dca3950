import type { Rule, Severity } from '../../engine/index';
import type { LocatedFinding } from '../lint-files';
import { ruleDocUrl, TOOL_NAME, TOOL_URL } from '../../rule-docs';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A relative URI reference for a `/`-separated path: every segment percent-encoded, so `#`, `?` and `%` stay part of the name. */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0, as GitHub code scanning reads it: one run, rule metadata, paths relative to the checkout. */
export function formatSarif(findings: readonly LocatedFinding[], rules: readonly Rule[], version: string, extraRuleIds: readonly string[]): string {
  const descriptors = [
    ...rules.map((r) => ({ id: r.id, description: r.description, level: LEVEL[r.defaultSeverity] })),
    ...extraRuleIds.map((id) => ({ id, description: `${id}`, level: 'error' as const })),
  ];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            informationUri: TOOL_URL,
            rules: descriptors.map((d) => ({
              id: d.id,
              shortDescription: { text: d.description },
              helpUri: ruleDocUrl(d.id),
              defaultConfiguration: { level: d.level },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...(f.refs.length > 0 ? { properties: { refs: f.refs } } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
