/**
 * The end-to-end suite: the .vsix in a real VS Code workbench (code-server in headless Chromium)
 * and the server in headless Neovim. Needs `npm run build` (and the code-server tools, prepared
 * by scripts/e2e/prepare-code-server.sh). Usage: node scripts/run-e2e.mjs [substring filter...]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2);
const dir = join('test', 'e2e');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.ts') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .map((f) => join(dir, f));
if (files.length === 0) {
  console.error('No end-to-end test file matches.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
