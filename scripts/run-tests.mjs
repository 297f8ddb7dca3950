/**
 * Runs every test/**\/*.test.ts (except the editor end-to-end suites) with node:test and tsx.
 * Node 20's test runner takes no globs, so the files are listed here.
 * Usage: node scripts/run-tests.mjs [substring filter...]
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2);
const root = 'test';
const skipDirs = new Set(['e2e', 'fixtures', 'node_modules']);

function collect(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skipDirs.has(entry.name) ? [] : collect(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = collect(root)
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error(`No test files under ${root}/ match ${filters.join(', ') || '*.test.ts'}.`);
  process.exit(1);
}
console.log(`Running ${files.length} test file(s): ${files.map((f) => relative(root, f)).join(', ')}`);
// A test that hangs fails after this long instead of holding the run; the slowest file takes about 30 s.
const TEST_TIMEOUT_MS = 120_000;
// The servers and CLIs the tests start keep their code cache here, not in the user's cache folder.
const codeCache = mkdtempSync(join(tmpdir(), 'pim-test-code-cache-'));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-timeout=${TEST_TIMEOUT_MS}`, ...files], {
  stdio: 'inherit',
  env: { ...process.env, PIM_COMPILE_CACHE: process.env.PIM_COMPILE_CACHE ?? codeCache },
});
rmSync(codeCache, { recursive: true, force: true });
process.exit(result.status ?? 1);
