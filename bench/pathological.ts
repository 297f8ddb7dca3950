/**
 * npm run bench:pathological: each pathological document through the CLI (wall time, peak
 * memory, outcome) and through the language server (time to its diagnostics, and how long a
 * hover on another document waits meanwhile: the time the server's event loop is blocked).
 * The budget: the CLI finishes within 10 s and 500 MB, or declines within 1 s with one finding.
 * Needs `npm run build`. Measured, not asserted: prints a table and exits 0.
 * `-- <substring>` runs the matching inputs only; `--no-server` skips the server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestClient } from '../test/helpers/lsp-client';
import { PATHOLOGICAL_INPUTS } from './pathological-inputs';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'pim-lint.cjs');
/** A CLI run that takes longer is stopped and reported as such. */
const CLI_TIMEOUT_MS = 120_000;
const SERVER_TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const withServer = !args.includes('--no-server');
const filters = args.filter((a) => !a.startsWith('--'));
const inputs = PATHOLOGICAL_INPUTS.filter((input) => filters.length === 0 || filters.some((f) => input.name.includes(f)));

interface CliFigures {
  readonly ms: number;
  readonly maxRssMb: number | undefined;
  readonly outcome: string;
}

/** The CLI's peak resident memory, written by a preload when it exits. */
const MEASURE = `const fs = require('node:fs'); process.on('exit', () => fs.writeFileSync(process.env.PIM_BENCH_RUSAGE, String(process.resourceUsage().maxRSS)));`;

async function cliRun(dir: string, file: string): Promise<CliFigures> {
  const preload = join(dir, 'measure.cjs');
  const usage = join(dir, 'rusage');
  writeFileSync(preload, MEASURE);
  rmSync(usage, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', preload, CLI, file, '-f', 'json'], { cwd: dir, env: { ...process.env, PIM_BENCH_RUSAGE: usage } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, CLI_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  const ms = performance.now() - started;
  let maxRssMb: number | undefined;
  try {
    maxRssMb = Math.round(Number(readFileSync(usage, 'utf8')) / 1024);
  } catch {
    maxRssMb = undefined;
  }
  if (timedOut) return { ms, maxRssMb, outcome: `stopped after ${CLI_TIMEOUT_MS / 1000} s` };
  return { ms, maxRssMb, outcome: describe(stdout, stderr, code) };
}

function describe(stdout: string, stderr: string, code: number | null): string {
  try {
    const findings = JSON.parse(stdout) as { ruleId: string; line: number; message: string }[];
    const declined = findings.find((f) => f.ruleId === 'document-declined');
    if (declined) return `declined (${findings.length} finding): line ${declined.line}: ${declined.message.split(',')[0]}`;
    const internal = findings.filter((f) => f.ruleId === 'internal-error').length;
    return `checked: ${findings.length} findings${internal ? `, ${internal} internal errors` : ''} (exit ${code})`;
  } catch {
    return `exit ${code}: ${stderr.split('\n')[0]?.slice(0, 80) ?? ''}`;
  }
}

async function serverRun(dir: string, name: string, text: string): Promise<{ firstMs: number; hoverMs: number } | string> {
  const client = await startTestClient(pathToFileURL(dir).href);
  try {
    client.settings = { enable: true, debounceMs: 0 };
    const small = pathToFileURL(join(dir, 'small.md')).href;
    client.open(small, '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\nInformed consent is sought.\n');
    await client.diagnostics(small);
    const uri = pathToFileURL(join(dir, `${name}.md`)).href;
    const opened = performance.now();
    client.open(uri, text);
    // Sent right behind the big document: it waits as long as the server is busy with it.
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 6, character: 2 } }).then(() => performance.now() - opened);
    await client.diagnostics(uri, () => true, SERVER_TIMEOUT_MS);
    const firstMs = performance.now() - opened;
    return { firstMs, hoverMs: await hover };
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 80) : String(error);
  } finally {
    await client.stop();
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const dir = mkdtempSync(join(tmpdir(), 'pim-pathological-'));
console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
const rows: string[][] = [['input', 'size', 'CLI time', 'CLI peak memory', 'CLI outcome', ...(withServer ? ['server: diagnostics after', 'server: hover waits'] : [])]];
try {
  for (const input of inputs) {
    const text = input.make();
    const file = join(dir, 'doc.md');
    writeFileSync(file, text);
    const cli = await cliRun(dir, file);
    const row = [`${input.name}${input.budget ? ' *' : ''}`, `${(Buffer.byteLength(text) / (1024 * 1024)).toFixed(2)} MB`, seconds(cli.ms), cli.maxRssMb === undefined ? 'n/a' : `${cli.maxRssMb} MB`, cli.outcome];
    if (withServer) {
      const server = await serverRun(dir, 'doc', text);
      row.push(...(typeof server === 'string' ? [server, ''] : [seconds(server.firstMs), seconds(server.hoverMs)]));
    }
    rows.push(row);
    console.log(row.join(' | '));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('\n* from the budgets of issue 11: finish within 10 s and 500 MB, or decline within 1 s with one finding.\n');
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
