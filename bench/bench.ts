/**
 * npm run bench: the speed and memory figures the product aims at, measured, not asserted.
 * - engine: full analysis and incremental re-analysis of a 5,000-line SOP;
 * - language server: edit-to-diagnostics latency on that SOP over stdio, and the server's memory;
 * - CLI: pim-lint against markdownlint-cli2 on the same folder of documents.
 * Needs `npm run build`. Prints a table; exits 0 whatever the numbers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../server/src/engine/index';
import { bundledKnowledge } from '../server/src/bundled-knowledge';
import { startTestClient } from '../test/helpers/lsp-client';
import { largeSop } from './make-large-sop';

const ROOT = join(import.meta.dirname, '..');
const EDITS = 60;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
const ms = (n: number): string => `${n.toFixed(1)} ms`;

/** Places in the text where a user types: spread over the whole document. */
function editOffsets(text: string, count: number): number[] {
  return Array.from({ length: count }, (_, i) => text.indexOf('the monitor records', Math.floor((text.length * (i % 20)) / 20)));
}

function engineFigures(text: string): Record<string, string> {
  const k = bundledKnowledge();
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    analyze(text, k);
    cold.push(performance.now() - t);
  }
  let current = text;
  let previous = analyze(current, k).analysis;
  const warm: number[] = [];
  for (const offset of editOffsets(current, EDITS)) {
    current = `${current.slice(0, offset)}x${current.slice(offset)}`;
    const t = performance.now();
    previous = analyze(current, k, {}, previous).analysis;
    warm.push(performance.now() - t);
  }
  return { 'engine: full analysis, median of 5': ms(percentile(cold, 50)), 'engine: re-analysis after a keystroke, p50': ms(percentile(warm, 50)), 'engine: re-analysis after a keystroke, p95': ms(percentile(warm, 95)) };
}

async function serverFigures(text: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'pim-bench-'));
  const client = await startTestClient(pathToFileURL(dir).href);
  try {
    client.settings = { enable: true, debounceMs: 0 };
    const uri = pathToFileURL(join(dir, 'sop.md')).href;
    const opened = performance.now();
    client.open(uri, text);
    await client.diagnostics(uri, (_, v) => v === 1);
    const firstLint = performance.now() - opened;
    const latencies: number[] = [];
    let version = 1;
    const lines = text.split('\n');
    for (const offset of editOffsets(text, EDITS)) {
      const line = text.slice(0, offset).split('\n').length - 1;
      const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
      version++;
      const sent = performance.now();
      client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
      const expected = version;
      await client.diagnostics(uri, (_, v) => v === expected);
      latencies.push(performance.now() - sent);
    }
    void lines;
    const rss = serverRss();
    return {
      'server: first diagnostics after opening': ms(firstLint),
      'server: edit to diagnostics (debounce 0), p50': ms(percentile(latencies, 50)),
      'server: edit to diagnostics (debounce 0), p95': ms(percentile(latencies, 95)),
      'server: resident memory with the SOP open': rss,
    };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RSS of the newest pim language server process (Linux /proc). */
function serverRss(): string {
  try {
    const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    const servers = pids.filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/server.cjs');
      } catch {
        return false;
      }
    });
    const pid = servers.sort((a, b) => Number(b) - Number(a))[0];
    const line = pid ? readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS')) : undefined;
    return line ? `${Math.round(Number(line.replace(/\D+/g, '')) / 1024)} MB` : 'n/a';
  } catch {
    return 'n/a';
  }
}

function cliFigures(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'pim-bench-cli-'));
  try {
    const sources = [...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'examples', f)), ...readdirSync(join(ROOT, 'test', 'fixtures', 'documents')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'test', 'fixtures', 'documents', f))];
    let count = 0;
    for (let copy = 0; count < 300; copy++) {
      for (const source of sources) {
        writeFileSync(join(dir, `${copy}-${count}.md`), readFileSync(source, 'utf8'));
        count++;
      }
    }
    writeFileSync(join(dir, 'big-sop.md'), largeSop(5000));
    const time = (command: string, args: string[]): number => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        spawnSync(command, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
        runs.push(performance.now() - t);
      }
      return percentile(runs, 50);
    };
    const pim = time(process.execPath, [join(ROOT, 'bin', 'pim-lint.cjs'), '.', '-f', 'json']);
    const markdownlint = time(process.execPath, [join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.md']);
    return {
      [`CLI: pim-lint on ${count + 1} files (one of 5,000 lines), median of 3`]: ms(pim),
      [`CLI: markdownlint-cli2 on the same files, median of 3`]: ms(markdownlint),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const text = largeSop(5000);
const figures = { ...engineFigures(text), ...(await serverFigures(text)), ...cliFigures() };
const width = Math.max(...Object.keys(figures).map((k) => k.length));
console.log(`5,000-line SOP: ${text.split('\n').length} lines, ${Math.round(text.length / 1024)} KB; node ${process.version}\n`);
for (const [label, value] of Object.entries(figures)) console.log(`${label.padEnd(width)}  ${value}`);
