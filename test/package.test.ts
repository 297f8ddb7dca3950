/** The .vsix: what goes in, and how big it is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from '../server/src/engine/index';
import { TOOL_URL } from '../server/src/rule-docs';

const ROOT = join(import.meta.dirname, '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

test('the .vsix holds the bundles, knowledge, schemas, snippets, grammar and rule pages, and no node_modules or tests', () => {
  const listed = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = listed.stdout.trim().split('\n');
  const rulePages = rules.map((r) => `docs/rules/${r.id}.md`);
  for (const required of ['dist/server.cjs', 'dist/server-main.cjs', 'dist/parse-worker.cjs', 'dist/extension.cjs', 'server/knowledge/glossary.json', 'server/schemas/pimrc.schema.json', 'snippets/pim.code-snippets', 'syntaxes/pim.injection.tmLanguage.json', 'package.nls.fr.json', 'README.md', ...rulePages]) {
    assert.ok(files.includes(required), `${required} is not packaged`);
  }
  assert.deepEqual(
    files.filter((f) => /node_modules|^test\/|\.test\.|\.ts$|\.map$|^examples\//.test(f)),
    [],
  );
});

test('the .vsix is smaller than 2 MB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-vsix-'));
  try {
    const out = join(dir, 'pim.vsix');
    const packed = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr + packed.stdout);
    const size = statSync(out).size;
    assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the rule pages\' web address is the repository of package.json', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
  assert.equal(TOOL_URL, manifest.repository.url.replace(/\.git$/, ''));
});
