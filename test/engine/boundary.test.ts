/**
 * The engine and the language service are pure: no editor, LSP or Node module may be imported
 * under server/src/engine or server/src/service. The server and the CLI reach the engine only
 * through the service.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '..', '..', 'server', 'src');
const ENGINE = join(SRC, 'engine');
const SERVICE = join(SRC, 'service');
const FORBIDDEN = [/^vscode/, /^node:/, /^(fs|path|os|child_process|url|util|process|net|http|https|crypto|stream|events|worker_threads)(\/|$)/];
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

export function forbiddenImports(code: string): string[] {
  return [...code.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter((spec) => FORBIDDEN.some((re) => re.test(spec)));
}

test('the boundary check catches a forbidden import', () => {
  assert.deepEqual(forbiddenImports(`import { readFileSync } from 'node:fs';\nimport type { Range } from 'vscode-languageserver';\nimport x from './x';`), ['node:fs', 'vscode-languageserver']);
});

test('no engine or service file imports vscode, an LSP package or a Node module', () => {
  const files = [...sources(ENGINE), ...sources(SERVICE)];
  assert.ok(files.length > 3, 'engine sources not found');
  const offenders = files.flatMap((file) => forbiddenImports(readFileSync(file, 'utf8')).map((spec) => `${file}: ${spec}`));
  assert.deepEqual(offenders, []);
});

test('the engine and the service do not use Node globals', () => {
  const offenders = [...sources(ENGINE), ...sources(SERVICE)].filter((file) => /\b(process\.(env|argv|exit|cwd|stdout|stderr|platform)|Buffer\.|__dirname|require\()/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the language server and the CLI only translate: they reach the engine through the service', () => {
  const deep = [join(SRC, 'lsp'), join(SRC, 'cli')].flatMap((dir) =>
    sources(dir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
        .filter((spec) => spec.includes('/engine/') || spec.endsWith('/engine'))
        .map((spec) => `${file}: ${spec}`),
    ),
  );
  assert.deepEqual(deep, []);
});
