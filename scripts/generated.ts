/**
 * Files derived from the rule registry and the knowledge base. `npm run generate` writes them;
 * test/generated.test.ts fails when a committed copy has drifted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/engine/index';

export const ROOT = join(import.meta.dirname, '..');

/** Path relative to the repository root -> expected content. */
export function generatedFiles(): Record<string, string> {
  return {
    'server/schemas/pimrc.schema.json': pimrcSchema(),
    'README.md': readmeWithRulesTable(),
  };
}

function pimrcSchema(): string {
  const path = join(ROOT, 'server', 'schemas', 'pimrc.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  schema.properties.rules.properties = Object.fromEntries(
    rules.map((r) => [r.id, { description: `${r.description} Default: ${r.defaultSeverity}.`, $ref: '#/$defs/setting' }]),
  );
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const START = '<!-- rules:start (generated from the rule registry by `npm run generate`) -->';
const END = '<!-- rules:end -->';

function readmeWithRulesTable(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = [
    START,
    '| rule | default | what it reports |',
    '|---|---|---|',
    ...rules.map((r) => `| <a id="rule-${r.id}"></a>\`${r.id}\` | ${r.defaultSeverity}${r.finalSeverity ? ` (${r.finalSeverity} when final)` : ''} | ${r.description.replace(/\|/g, '\\|')} |`),
    END,
  ].join('\n');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) return readme;
  return readme.slice(0, start) + table + readme.slice(end + END.length);
}
