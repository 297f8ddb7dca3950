/**
 * A real VS Code workbench for end-to-end tests: code-server (VS Code 1.100) serving a fixture
 * folder with our .vsix installed, rendered by Debian's Chromium through playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const OUTPUT = join(ROOT, 'test-output', 'e2e');
const CODE_SERVER_VERSION = '4.100.3';
const CHROMIUM = process.env.PIM_CHROMIUM ?? '/usr/bin/chromium';

export function codeServerBin(): string {
  const bin = process.env.PIM_CODE_SERVER ?? join(process.env.PIM_E2E_TOOLS ?? join(homedir(), '.cache', 'pim-language-tools', 'e2e'), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) throw new Error(`code-server is not at ${bin}; run scripts/e2e/prepare-code-server.sh (or set PIM_CODE_SERVER)`);
  return bin;
}

/** Packs the current build into a .vsix for the test run. */
export function packageVsix(): string {
  mkdirSync(OUTPUT, { recursive: true });
  const vsix = join(OUTPUT, 'pim-language-tools.vsix');
  const packed = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`vsce package failed:\n${packed.stdout}\n${packed.stderr}`);
  return vsix;
}

export interface Workbench {
  readonly page: Page;
  readonly workspace: string;
  readonly userData: string;
  /** Saves a screenshot under test-output/e2e/<name>.png. */
  shot(name: string): Promise<void>;
  /** Copies logs (code-server, extension host, the PIM output channel) to test-output/e2e/<label>-logs. */
  saveLogs(label: string): void;
  readonly serverLog: () => string;
  stop(): Promise<void>;
}

export interface WorkbenchOptions {
  readonly vsix: string;
  readonly fixtures: string;
  /** false: the folder opens in restricted mode (Workspace Trust on, never prompt). */
  readonly trusted: boolean;
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const base = mkdtempSync(join(tmpdir(), 'pim-e2e-'));
  const [userData, extensions, workspace] = ['user-data', 'extensions', 'workspace'].map((d) => join(base, d)) as [string, string, string];
  cpSync(options.fixtures, workspace, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  // Pre-set settings so that no welcome page, tip, survey or trust dialog blocks the tests.
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': !options.trusted,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'always',
      'security.workspace.trust.untrustedFiles': 'open',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'chat.commandCenter.enabled': false,
      'editor.hover.delay': 100,
      'workbench.reduceMotion': 'on',
      'pim.debounceMs': 100,
    }),
  );
  const bin = codeServerBin();
  const installed = spawnSync(bin, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', options.vsix], { encoding: 'utf8' });
  if (installed.status !== 0) throw new Error(`installing the .vsix failed:\n${installed.stdout}\n${installed.stderr}`);

  const port = await freePort();
  let log = '';
  const server: ChildProcess = spawn(bin, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: join(base, 'config') },
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, () => log);

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 90_000 });
  mkdirSync(OUTPUT, { recursive: true });

  return {
    page,
    workspace,
    userData,
    serverLog: () => log,
    async shot(name) {
      await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
    },
    saveLogs(label) {
      const target = join(OUTPUT, `${label}-logs`);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, 'code-server.log'), log);
      const logs = join(userData, 'logs');
      if (existsSync(logs)) cpSync(logs, join(target, 'vscode'), { recursive: true });
    },
    async stop() {
      await browser.close().catch(() => undefined);
      server.kill('SIGTERM');
      await new Promise((resolve) => (server.exitCode !== null ? resolve(undefined) : server.once('exit', resolve)));
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** The text of every log file of the PIM output channel, for failure reports. */
export function pimOutputChannel(userData: string): string {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.includes('PIM Language Tools')) found.push(path);
    }
  };
  if (existsSync(join(userData, 'logs'))) visit(join(userData, 'logs'));
  return found.join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within 60 s:\n${log()}`);
}
