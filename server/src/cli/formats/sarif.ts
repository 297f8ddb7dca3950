import { ruleSource, type Knowledge, type Rule, type Severity } from '../../service/index';
import type { LocatedFinding } from '../lint-files';
import { ruleDocUrl, TOOL_NAME, TOOL_URL } from '../../rule-docs';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A relative URI reference for a `/`-separated path: every segment percent-encoded, so `#`, `?` and `%` stay part of the name. */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, rule metadata, paths relative to the
 * checkout. Each rule's help cites the PIM source of its requirement, and its properties say how
 * sure that requirement is. Reports are in English, like the rule documentation.
 */
/** A finding of no rule of the registry: what it says, and how severe it is by default. */
export interface ExtraRule {
  readonly id: string;
  readonly description: string;
  readonly level: 'error' | 'warning';
}

export function formatSarif(findings: readonly LocatedFinding[], rules: readonly Rule[], knowledge: Knowledge, extraRules: readonly ExtraRule[]): string {
  const descriptors = [...rules.map((rule) => ruleDescriptor(rule, knowledge)), ...extraRules.map(extraDescriptor)];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: knowledge.version, informationUri: TOOL_URL, rules: descriptors } },
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

function ruleDescriptor(rule: Rule, knowledge: Knowledge) {
  const source = ruleSource(knowledge, rule, 'en');
  const helpUri = ruleDocUrl(rule.id);
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\n${source.summary}\n\nHow to fix it: ${rule.howToFix}\n\nDocumentation: ${helpUri}`,
      markdown: `${rule.description}\n\n${source.markdown}\n\n**How to fix it:** ${rule.howToFix}\n\n[Documentation](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: {
      source: rule.source,
      certainty: source.certainty,
      sources: source.citations.map((c) => ({ title: c.entry.title, ...(c.entry.url ? { url: c.entry.url } : {}), ...(c.locator ? { locator: c.locator } : {}) })),
    },
  };
}

/** Findings of no rule (an invalid configuration, an internal error, a declined document) have no page and no PIM source. */
function extraDescriptor(rule: ExtraRule) {
  return { id: rule.id, shortDescription: { text: rule.description }, defaultConfiguration: { level: rule.level } };
}
