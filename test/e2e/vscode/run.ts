/**
 * npm run test:vscode: the extension API suite in a desktop VS Code via @vscode/test-electron.
 * Runs where VSCODE_EXECUTABLE points to a local VS Code, or where VS Code can be downloaded.
 * Otherwise it says that it did not run, and why, and exits with 77 ("not run", not a pass).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const OUT = join(ROOT, 'out', 'e2e-vscode', 'suite');
const NOT_RUN = 77;
const VERSION = '1.100.3';

async function downloadable(): Promise<string | undefined> {
  try {
    const response = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(5000) });
    return response.ok ? undefined : `update.code.visualstudio.com answered ${response.status}`;
  } catch (error) {
    return `update.code.visualstudio.com cannot be reached (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)})`;
  }
}

const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
  const reason = await downloadable();
  if (reason) {
    console.error(`NOT RUN: the @vscode/test-electron suite needs a desktop VS Code. VSCODE_EXECUTABLE is not set and ${reason}.`);
    console.error('Set VSCODE_EXECUTABLE to a local VS Code (on Linux without a display, run under xvfb-run), or run where VS Code can be downloaded.');
    console.error('The same checks run against code-server in `npm run test:e2e`.');
    process.exit(NOT_RUN);
  }
}

await build({
  entryPoints: [join(import.meta.dirname, 'suite', 'index.ts'), join(import.meta.dirname, 'suite', 'extension.test.ts')],
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  bundle: false,
  logLevel: 'warning',
});
await runTests({
  ...(executable ? { vscodeExecutablePath: executable } : { version: VERSION }),
  extensionDevelopmentPath: ROOT,
  extensionTestsPath: join(OUT, 'index.cjs'),
  launchArgs: [join(ROOT, 'test', 'e2e', 'fixtures'), '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
});
