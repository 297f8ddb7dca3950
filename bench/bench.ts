/**
 * npm run bench [-- --json] [--runs <n>] [--memory-only | --editing-only] [files or folders of real documents...]
 *
 * The speed and memory figures of the performance targets, measured, not asserted: each is the
 * median of several runs, with the smallest and the largest. The language server is the bundled
 * one, spoken to over stdio as an editor does; the CLI is timed as a whole process against
 * markdownlint-cli2 on the same file. Documents are generated (bench/documents.ts); extra files
 * or folders are linted too. Needs `npm run build`. Exits 0 whatever the numbers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../server/src/engine/index';
import { bundledKnowledge } from '../server/src/bundled-knowledge';
import { startTestClient, type TestClient } from '../test/helpers/lsp-client';
import { allHeadingsAtLevel3, deepLists, eslintChangelog, frenchDocument, handbook, largeSop, longTables, pandocChangelog, scalingDocument, smallDocuments, spanishDocument } from './documents';

const ROOT = join(import.meta.dirname, '..');
const MARKDOWNLINT = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const PIM_LINT = join(ROOT, 'bin', 'pim-lint.cjs');
/** Keystrokes per editing run, and hover and completion requests per run. */
const EDITS = 60;
/**
 * The first keystrokes after a document is opened run code V8 has not optimised yet (re-analysis
 * differs from the first analysis); the editing run types this many more, and reports their p95
 * beside the figure, as steady typing.
 */
const STEADY_EDITS = 60;
const REQUESTS = 100;
const OPEN_DOCUMENTS = 1000;
const SCALING_LINES = [1000, 3000, 10_000, 30_000, 100_000];
/**
 * How long the closed server is watched for its memory to settle, sampling every SETTLE_STEP_MS:
 * the server's idle collections end 12.5 s into a quiet stretch (server/src/idle-memory.ts).
 */
const SETTLE_MS = 16_000;
const SETTLE_STEP_MS = 250;

interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function stat(values: readonly number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) return ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function times<T>(runs: number, measure: (run: number) => T): T[] {
  return Array.from({ length: runs }, (_, run) => measure(run));
}

async function timesAsync<T>(runs: number, measure: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure(run));
  return results;
}

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

/** Offset and LSP position of every occurrence of the phrases, spread evenly, `count` of them. */
function spreadPositions(text: string, phrases: readonly string[], count: number, inside = 0): { offset: number; line: number; character: number }[] {
  const found: number[] = [];
  for (const phrase of phrases) for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) found.push(at + Math.min(inside, phrase.length));
  found.sort((a, b) => a - b);
  const picked = Array.from({ length: Math.min(count, found.length) }, (_, i) => found[Math.floor((i * found.length) / Math.min(count, found.length))] as number);
  return picked.map((offset) => ({ offset, ...lspPosition(text, offset) }));
}

function lspPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, character: offset - lineStart };
}

async function withServer<T>(use: (client: TestClient, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pim-bench-'));
  const client = await startTestClient(pathToFileURL(dir).href);
  client.settings = { enable: true, debounceMs: 0 };
  try {
    return await use(client, dir);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The server answers a request only after it has handled every notification sent before it. */
async function barrier(client: TestClient, uri: string): Promise<void> {
  await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
}

function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS'));
  return Number(line?.replace(/\D+/g, '') ?? NaN) / 1024;
}

/** One start: `initialize` sent to answered. */
async function serverStart(): Promise<number> {
  const started = performance.now();
  const client = await startTestClient(null);
  const ready = performance.now() - started;
  await client.stop();
  return ready;
}

/**
 * The first start in a fresh code cache folder compiles the server and leaves the cache (see
 * server/src/launch/compile-cache.ts); `runs` starts after it are the figure, as every start is
 * after the first.
 */
async function serverReady(runs: number): Promise<{ first: number; later: number[] }> {
  const first = await serverStart();
  return { first, later: await timesAsync(runs, serverStart) };
}

interface EditingRun {
  readonly firstDiagnostics: number;
  readonly editP95: number;
  readonly editP50: number;
  /** p95 of the STEADY_EDITS keystrokes typed after the EDITS of the figure. */
  readonly steadyEditP95: number;
  readonly hoverP95: number;
  readonly completionP95: number;
  readonly diagnostics: number;
}

/** One server: open the document, type a character at a time throughout it, then ask for hovers and completions. */
async function editingRun(text: string): Promise<EditingRun> {
  return withServer(async (client, dir) => {
    const uri = pathToFileURL(join(dir, 'sop.md')).href;
    const opened = performance.now();
    client.open(uri, text);
    const first = await client.diagnostics(uri, (_, v) => v === 1);
    const firstDiagnostics = performance.now() - opened;
    const latencies: number[] = [];
    let version = 1;
    // The figure's keystrokes and the steady ones, each spread through the whole document.
    const positions = spreadPositions(text, ['the monitor records', 'consent', 'referral'], EDITS + STEADY_EDITS);
    const figure = positions.filter((_, i) => i % 2 === 0).slice(0, EDITS);
    const steady = positions.filter((_, i) => i % 2 === 1).slice(0, STEADY_EDITS);
    for (const { line, character } of [...figure, ...steady]) {
      version++;
      const expected = version;
      const sent = performance.now();
      client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
      await client.diagnostics(uri, (_, v) => v === expected);
      latencies.push(performance.now() - sent);
    }
    const steadyLatencies = latencies.splice(EDITS);
    // Hovers and completions on the last version, whose analysis the diagnostics already made.
    const current = text;
    const hover = await requestLatencies(client, uri, 'textDocument/hover', spreadPositions(current, ['informed consent', 'do no harm', 'referral pathway', 'data protection', '## '], REQUESTS, 3));
    const completion = await requestLatencies(client, uri, 'textDocument/completion', [
      ...spreadPositions(current, ['kind: '], 5, 6),
      ...spreadPositions(current, ['\n## '], REQUESTS / 2, 3),
      ...spreadPositions(current, [' the ', ' data '], REQUESTS / 2, 3),
    ]);
    return { firstDiagnostics, editP95: percentile(latencies, 95), editP50: percentile(latencies, 50), steadyEditP95: percentile(steadyLatencies, 95), hoverP95: percentile(hover, 95), completionP95: percentile(completion, 95), diagnostics: first.length };
  });
}

/** A PIM document whose kind is to be inferred: the longest analysis there is. */
const DECLARED_PIM = '---\npim:\n  status: draft\n---\n';

/**
 * The longest a request waits while the server analyses a long document: a small document is
 * hovered again and again while a 1 MB handbook is opened, and again while an edit in its middle
 * is linted. A server that analysed in one piece would keep the hover waiting seconds.
 */
async function responsivenessRun(text: string): Promise<number> {
  return withServer(async (client, dir) => {
    const small = pathToFileURL(join(dir, 'small.md')).href;
    const smallText = smallDocuments()[0] as string;
    client.open(small, smallText);
    await client.diagnostics(small, (_, v) => v === 1);
    const position = lspPosition(smallText, Math.floor(smallText.length / 2));
    const big = pathToFileURL(join(dir, 'handbook.md')).href;
    const waits: number[] = [];
    const hoverUntil = async (published: Promise<unknown>): Promise<void> => {
      let done = false;
      void published.then(() => (done = true));
      while (!done) {
        const sent = performance.now();
        await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position });
        waits.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    client.open(big, text);
    await hoverUntil(client.diagnostics(big, (_, v) => v === 1));
    const middle = lspPosition(text, Math.floor(text.length / 2));
    client.change(big, 2, [{ range: { start: middle, end: middle }, text: 'x' }]);
    await hoverUntil(client.diagnostics(big, (_, v) => v === 2));
    return Math.max(...waits);
  });
}

async function requestLatencies(client: TestClient, uri: string, method: string, positions: readonly { line: number; character: number }[]): Promise<number[]> {
  const latencies: number[] = [];
  for (const position of positions) {
    const sent = performance.now();
    await client.connection.sendRequest(method, { textDocument: { uri }, position });
    latencies.push(performance.now() - sent);
  }
  return latencies;
}

interface MemoryRun {
  readonly idle: number;
  readonly open: number;
  readonly closed: number;
}

/** Resident memory of a server at rest, with 1,000 real-size documents open, and after they are all closed. */
async function memoryRun(): Promise<MemoryRun> {
  return withServer(async (client, dir) => {
    const idle = rssMB(client.pid);
    const documents = smallDocuments();
    const uris = Array.from({ length: OPEN_DOCUMENTS }, (_, i) => pathToFileURL(join(dir, `doc-${i}.md`)).href);
    uris.forEach((uri, i) => client.open(uri, `${documents[i % documents.length]}\nNote ${i} of the bench.\n`));
    await Promise.all(uris.map((uri) => client.diagnostics(uri, (_, v) => v === 1, 120_000)));
    const open = rssMB(client.pid);
    for (const uri of uris) client.close(uri);
    await barrier(client, uris[0] as string);
    // Memory is given back when the collector runs: watch it settle, as an editor left alone would.
    const samples: number[] = [];
    for (let waited = 0; waited < SETTLE_MS; waited += SETTLE_STEP_MS) {
      await new Promise((done) => setTimeout(done, SETTLE_STEP_MS));
      samples.push(rssMB(client.pid));
    }
    return { idle, open, closed: samples[samples.length - 1] as number };
  });
}

interface CliRun {
  readonly pim: number;
  readonly markdownlint: number;
}

function wholeProcess(args: readonly string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return performance.now() - started;
}

/** pim-lint and markdownlint-cli2 on one file each, alternately, so that a busy machine slows both alike. */
function cliRuns(files: readonly string[], runs: number): Map<string, CliRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pim-bench-cli-'));
  const results = new Map<string, CliRun[]>();
  try {
    for (let run = 0; run < runs; run++) {
      for (const file of files) {
        progress(`CLI run ${run + 1}/${runs}: ${basename(file)}`);
        const pim = wholeProcess([PIM_LINT, file, '-f', 'json'], dir);
        const markdownlint = wholeProcess([MARKDOWNLINT, file], dir);
        results.set(file, [...(results.get(file) ?? []), { pim, markdownlint }]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** Least-squares slope of log(time) over log(lines): 1 is linear. */
function exponent(points: readonly { lines: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.lines));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((sum, x, i) => sum + (x - mx) * ((ys[i] as number) - my), 0);
  const den = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return num / den;
}

/** Lint time of one whole document, as the CLI lints it, at sizes from 1k to 100k lines. */
/** The 100,000-line document is above the default size limit: the limit is raised so that the analysis itself is timed. */
const SCALING_OPTIONS = { maxDocumentSize: 64 * 1024 * 1024 };

function scalingRun(texts: readonly { lines: number; text: string }[]): { exponent: number; points: { lines: number; ms: number }[] } {
  const k = bundledKnowledge();
  analyze(texts[0]?.text ?? '', k, SCALING_OPTIONS);
  const points = texts.map(({ lines, text }) => {
    const started = performance.now();
    analyze(text, k, SCALING_OPTIONS);
    return { lines, ms: performance.now() - started };
  });
  return { exponent: exponent(points), points };
}

/** In process: one whole analysis (the CLI's), and re-analysis after single keystrokes throughout (the editor's). */
function engineShape(text: string, runs: number): { whole: Stat; keystrokeP95: Stat } {
  const k = bundledKnowledge();
  const whole = times(runs, () => {
    const started = performance.now();
    analyze(text, k);
    return performance.now() - started;
  });
  const keystrokes = times(runs, () => {
    let current = text;
    let previous = analyze(current, k).analysis;
    const latencies: number[] = [];
    for (const { offset } of spreadPositions(text, ['. ', ', '], EDITS / 2)) {
      current = `${current.slice(0, offset)}x${current.slice(offset)}`;
      const started = performance.now();
      previous = analyze(current, k, {}, previous).analysis;
      latencies.push(performance.now() - started);
    }
    return percentile(latencies, 95);
  });
  return { whole: stat(whole), keystrokeP95: stat(keystrokes) };
}

function markdownFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const full = resolve(path);
    if (!statSync(full).isDirectory()) return [full];
    return markdownFiles(readdirSync(full).map((name) => join(full, name))).filter((f) => f.endsWith('.md'));
  });
}

function parseArguments(argv: readonly string[]): { json: boolean; runs: number; memoryOnly: boolean; editingOnly: boolean; extra: string[] } {
  const args = [...argv];
  const options = { json: false, runs: 3, memoryOnly: false, editingOnly: false, extra: [] as string[] };
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--json') options.json = true;
    else if (arg === '--runs') options.runs = Math.max(1, Number(args.shift()));
    else if (arg === '--memory-only') options.memoryOnly = true;
    else if (arg === '--editing-only') options.editingOnly = true;
    else options.extra.push(arg);
  }
  return options;
}

const format = (s: Stat, digits = 0, unit = ' ms'): string => `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

/** `--memory-only`: the memory figures alone, which a change to what the server keeps is about. */
async function printMemoryOnly(runs: number): Promise<void> {
  const memory = await timesAsync(runs, () => memoryRun());
  const idle = stat(memory.map((m) => m.idle));
  const open = stat(memory.map((m) => m.open));
  const closed = stat(memory.map((m) => m.closed));
  console.log(`RSS idle ${format(idle, 0, ' MB')}, with ${OPEN_DOCUMENTS} documents open ${format(open, 0, ' MB')}, after closing them ${format(closed, 0, ' MB')}`);
}

/** `--editing-only`: the figures of typing in the server, which a change to the analysis is about. */
async function printEditingOnly(runs: number, sop: string): Promise<void> {
  const rows: [string, Stat][] = [];
  for (const [label, text] of [['##', sop], ['###', allHeadingsAtLevel3(sop)]] as const) {
    const list = await timesAsync(runs, () => editingRun(text));
    rows.push([`edit p95, ${label} sections`, stat(list.map((r) => r.editP95))], [`steady typing p95, ${label} sections`, stat(list.map((r) => r.steadyEditP95))], [`first diagnostics, ${label} sections`, stat(list.map((r) => r.firstDiagnostics))]);
  }
  rows.push(['longest wait for a hover while a 1 MB handbook is linted', stat(await timesAsync(runs, () => responsivenessRun(DECLARED_PIM + handbook())))]);
  for (const [label, value] of rows) console.log(`${label.padEnd(60)}  ${format(value)}`);
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const runs = options.runs;
  const extraFiles = markdownFiles(options.extra);
  const sop = largeSop(5000);
  const sopH3 = allHeadingsAtLevel3(sop);
  if (options.memoryOnly) return printMemoryOnly(runs);
  if (options.editingOnly) return printEditingOnly(runs, sop);

  progress('server start');
  const starts = await serverReady(2 * runs + 1);
  const ready = stat(starts.later);
  const editing: Record<'h2' | 'h3', EditingRun[]> = { h2: [], h3: [] };
  for (const [shape, text] of [['h2', sop], ['h3', sopH3]] as const) {
    editing[shape] = await timesAsync(runs, async (run) => {
      progress(`editing the 5,000-line SOP (${shape === 'h2' ? '##' : '###'} sections), run ${run + 1}/${runs}`);
      return editingRun(text);
    });
  }
  const responsiveness = await timesAsync(runs, async (run) => {
    progress(`requests while a 1 MB handbook is analysed, run ${run + 1}/${runs}`);
    return responsivenessRun(DECLARED_PIM + handbook());
  });
  const memory = await timesAsync(runs, async (run) => {
    progress(`memory with ${OPEN_DOCUMENTS} documents, run ${run + 1}/${runs}`);
    return memoryRun();
  });

  const cliDir = mkdtempSync(join(tmpdir(), 'pim-bench-files-'));
  const generated = { 'handbook.md': handbook(), 'eslint-changelog.md': eslintChangelog(), 'pandoc-changelog.md': pandocChangelog() };
  const cliFiles = [...Object.entries(generated).map(([name, text]) => {
    writeFileSync(join(cliDir, name), text);
    return join(cliDir, name);
  }), ...extraFiles];
  const sizes = new Map(cliFiles.map((file) => [file, Math.round(statSync(file).size / 1024)]));
  const cli = cliRuns(cliFiles, runs);
  rmSync(cliDir, { recursive: true, force: true });

  const scalingTexts = SCALING_LINES.map((lines) => ({ lines, text: scalingDocument(lines) }));
  const scaling = times(runs, (run) => {
    progress(`scaling 1k to 100k lines, run ${run + 1}/${runs}`);
    return scalingRun(scalingTexts);
  });

  const shapes: Record<string, string> = { '## sections': sop, '### only': sopH3, 'deep lists': deepLists(), 'long tables': longTables(), French: frenchDocument(), Spanish: spanishDocument() };
  for (const file of extraFiles) shapes[basename(file)] = readFileSync(file, 'utf8');
  const engine = Object.entries(shapes).map(([name, text]) => {
    progress(`engine, ${name}`);
    return { name, lines: text.split('\n').length, kb: Math.round(text.length / 1024), ...engineShape(text, runs) };
  });

  const cliRatios = Object.fromEntries(
    [...cli].map(([file, list]) => [
      basename(file),
      { ...stat(list.map((r) => r.pim / r.markdownlint)), pimMs: stat(list.map((r) => r.pim)), markdownlintMs: stat(list.map((r) => r.markdownlint)), kb: sizes.get(file) },
    ]),
  );
  const result = {
    editP95Ms: stat(editing.h2.map((r) => r.editP95)),
    editP95MsH3: stat(editing.h3.map((r) => r.editP95)),
    firstDiagnosticsMs: stat(editing.h2.map((r) => r.firstDiagnostics)),
    serverReadyMs: ready,
    longestWaitMs: stat(responsiveness),
    rssIdleMB: stat(memory.map((m) => m.idle)),
    rssOpenMB: stat(memory.map((m) => m.open)),
    rssClosedMB: stat(memory.map((m) => m.closed)),
    cliVsMarkdownlint: cliRatios,
    hoverP95Ms: stat(editing.h2.map((r) => r.hoverP95)),
    completionP95Ms: stat(editing.h2.map((r) => r.completionP95)),
    scalingExponent: stat(scaling.map((s) => s.exponent)),
    details: {
      node: process.version,
      runs,
      serverReadyFirstStartMs: Math.round(starts.first),
      editP50Ms: stat(editing.h2.map((r) => r.editP50)),
      editP50MsH3: stat(editing.h3.map((r) => r.editP50)),
      steadyEditP95Ms: stat(editing.h2.map((r) => r.steadyEditP95)),
      steadyEditP95MsH3: stat(editing.h3.map((r) => r.steadyEditP95)),
      firstDiagnosticsMsH3: stat(editing.h3.map((r) => r.firstDiagnostics)),
      diagnosticsOnOpen: editing.h2[0]?.diagnostics,
      scalingMs: SCALING_LINES.map((lines, i) => ({ lines, ...stat(scaling.map((s) => s.points[i]?.ms as number)) })),
      engine,
    },
  };
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const rows: [string, string, string][] = [
    ['edit to diagnostics, 5,000-line SOP with ## sections, p95', format(result.editP95Ms), '≤ 30 ms'],
    ['the same text with every heading at ###, p95', format(result.editP95MsH3), '≤ 30 ms'],
    [`the next ${STEADY_EDITS} keystrokes (steady typing), p95, ## / ###`, `${format(result.details.steadyEditP95Ms)} / ${format(result.details.steadyEditP95MsH3)}`, ''],
    ['first diagnostics after opening it', format(result.firstDiagnosticsMs), '≤ 400 ms'],
    ['server ready (initialize answered)', format(result.serverReadyMs), '≤ 200 ms'],
    ['the same, first start (no code cache yet)', `${result.details.serverReadyFirstStartMs} ms`, ''],
    ['longest wait for a hover while a 1 MB handbook is linted', format(result.longestWaitMs), '≤ 200 ms'],
    ['RSS idle', format(result.rssIdleMB, 0, ' MB'), ''],
    [`RSS with ${OPEN_DOCUMENTS} documents open`, format(result.rssOpenMB, 0, ' MB'), '≤ 120 MB'],
    ['RSS after closing them', format(result.rssClosedMB, 0, ' MB'), '≤ idle + 20%'],
    ...Object.entries(cliRatios).map(([file, r]): [string, string, string] => [`pim-lint / markdownlint-cli2, ${file} (${r.kb} KB)`, `${format(r, 2, '')}; ${format(r.pimMs)} / ${format(r.markdownlintMs)}`, '≤ 1.0']),
    ['hover p95, 5,000-line SOP', format(result.hoverP95Ms, 1), '≤ 10 ms'],
    ['completion p95, 5,000-line SOP', format(result.completionP95Ms, 1), '≤ 10 ms'],
    ['scaling exponent of lint time, 1k to 100k lines', format(result.scalingExponent, 2, ''), '≤ 1.05'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`node ${process.version}, median (min–max) of ${runs} runs (server start: ${2 * runs + 1})\n`);
  for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value}${target ? `   target ${target}` : ''}`);
  console.log('\nscaling, whole analysis:');
  for (const p of result.details.scalingMs) console.log(`  ${String(p.lines).padStart(7)} lines  ${format(p)}`);
  console.log('\nengine in process: whole analysis (CLI) and re-analysis after a keystroke, p95 (editor):');
  for (const e of engine) console.log(`  ${`${e.name} (${e.lines} lines, ${e.kb} KB)`.padEnd(width - 2)}  ${format(e.whole)}; ${format(e.keystrokeP95)}`);
}

// Every server and CLI run of the bench starts from one fresh code cache folder: what a user's first start compiles, the next ones reuse.
const codeCache = mkdtempSync(join(tmpdir(), 'pim-bench-code-cache-'));
process.env.PIM_COMPILE_CACHE = codeCache;
try {
  await main();
} finally {
  rmSync(codeCache, { recursive: true, force: true });
}
