/**
 * The launchers' code cache (server/src/launch/compile-cache.ts): a bundle run once leaves V8's
 * bytecode for the next run; a cache that does not fit, is not the user's own file, or cannot be
 * written never stops the bundle from running.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileCacheDir } from '../../server/src/launch/compile-cache';
import { startTestClient } from '../helpers/lsp-client';

function bundleIn(dir: string, body = 'module.exports = { answer: 6 * 7, dir: __dirname, file: __filename, sep: require("node:path").sep };'): string {
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, body);
  return file;
}

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.cache'));

const MODULE = fileURLToPath(new URL('../../server/src/launch/compile-cache.ts', import.meta.url));

/**
 * Runs the bundle in a process of its own, as the launchers do, and writes the cache at once if the
 * run should leave one. Within one process V8 keeps what it compiled and would not look at the cache again.
 */
function runBundleAlone(file: string, cacheDir: string | undefined, refresh = false, then = ''): { outcome: string; exports: unknown } {
  const driver = `const { runBundle } = require(${JSON.stringify(MODULE)}); const run = runBundle(${JSON.stringify(file)}, { cacheDir: ${JSON.stringify(cacheDir)}, refresh: ${refresh} }); ${then}; process.stdout.write(JSON.stringify({ outcome: run.outcome, exports: run.exports }));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', driver], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { outcome: string; exports: unknown };
}

test('a bundle run once is compiled and leaves its cache; the next run uses it and gets the same exports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-cc-'));
  const cacheDir = join(dir, 'cache');
  const file = bundleIn(dir);
  const first = runBundleAlone(file, cacheDir);
  assert.equal(first.outcome, 'compiled');
  assert.deepEqual(first.exports, { answer: 42, dir, file, sep });
  assert.equal(cacheFiles(cacheDir).length, 1, 'no cache written');
  const second = runBundleAlone(file, cacheDir);
  assert.equal(second.outcome, 'used');
  assert.deepEqual(second.exports, first.exports);
  rmSync(dir, { recursive: true, force: true });
});

test('a new build of the bundle is compiled afresh and its cache replaces the old build’s', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-cc-'));
  const cacheDir = join(dir, 'cache');
  runBundleAlone(bundleIn(dir), cacheDir);
  const before = cacheFiles(cacheDir);
  const rebuilt = runBundleAlone(bundleIn(dir, 'module.exports = { answer: 43 };'), cacheDir);
  assert.equal(rebuilt.outcome, 'compiled');
  assert.deepEqual(rebuilt.exports, { answer: 43 });
  const after = cacheFiles(cacheDir);
  assert.equal(after.length, 1);
  assert.notDeepEqual(after, before);
  rmSync(dir, { recursive: true, force: true });
});

test('a rebuild of the same length never runs the bytecode of the build before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-cc-'));
  const cacheDir = join(dir, 'cache');
  // A long bundle, as the real ones are: the changed character is one among 100,000.
  const build = (version: string) => `// ${'x'.repeat(100_000)}\nmodule.exports = { version: "${version}" };`;
  assert.deepEqual(runBundleAlone(bundleIn(dir, build('0.1.0')), cacheDir).exports, { version: '0.1.0' });
  const rebuilt = runBundleAlone(bundleIn(dir, build('0.1.1')), cacheDir);
  assert.equal(rebuilt.outcome, 'compiled');
  assert.deepEqual(rebuilt.exports, { version: '0.1.1' });
  rmSync(dir, { recursive: true, force: true });
});

test('a bundle that opens with a #! line runs, from the cache too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-cc-'));
  const cacheDir = join(dir, 'cache');
  const file = bundleIn(dir, '#!/usr/bin/env node\nmodule.exports = { line: new Error().stack.split("\\n")[1].split(":").at(-2) };');
  assert.deepEqual(runBundleAlone(file, cacheDir).exports, { line: '2' });
  assert.equal(runBundleAlone(file, cacheDir).outcome, 'used');
  rmSync(dir, { recursive: true, force: true });
});

test('a used cache is written again, where asked, once a run has compiled much more of the bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-cc-'));
  const cacheDir = join(dir, 'cache');
  // Functions V8 compiles only when they are first called, as an analysis is compiled long after the server started.
  const inner = Array.from({ length: 300 }, (_, i) => `function f${i}(x) { let s = 0; for (let k = 0; k < x; k++) s += k * ${i}; return s; }`).join('\n');
  const file = bundleIn(dir, `module.exports = { answer: 42, later() { ${inner}\n return [${Array.from({ length: 300 }, (_, i) => `f${i}(3)`).join(', ')}].length; } };`);
  const sizeOfCache = () => statSync(join(cacheDir, cacheFiles(cacheDir)[0] as string)).size;
  assert.equal(runBundleAlone(file, cacheDir).outcome, 'compiled');
  const started = sizeOfCache();
  assert.equal(runBundleAlone(file, cacheDir, false, 'run.exports.later()').outcome, 'used');
  assert.equal(sizeOfCache(), started, 'a cache was written again without being asked to');
  assert.equal(runBundleAlone(file, cacheDir, true).outcome, 'used');
  assert.equal(sizeOfCache(), started, 'a run that compiled nothing more wrote the cache again');
  assert.equal(runBundleAlone(file, cacheDir, true, 'run.exports.later()').outcome, 'used');
  const grown = sizeOfCache();
  assert.ok(grown > started * 1.5, `the cache did not grow with what the run compiled: ${started} -> ${grown} bytes`);
  assert.equal(runBundleAlone(file, cacheDir, true, 'run.exports.later()').outcome, 'used');
  assert.equal(sizeOfCache(), grown);
  rmSync(dir, { recursive: true, force: true });
});

test('a cache V8 rejects is compiled over and rewritten; the bundle runs either way', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-cc-'));
  const cacheDir = join(dir, 'cache');
  const file = bundleIn(dir);
  runBundleAlone(file, cacheDir);
  const [name] = cacheFiles(cacheDir) as [string];
  writeFileSync(join(cacheDir, name), Buffer.from('not bytecode at all'));
  const rejected = runBundleAlone(file, cacheDir);
  assert.equal(rejected.outcome, 'rejected');
  assert.equal((rejected.exports as { answer: number }).answer, 42);
  assert.equal(runBundleAlone(file, cacheDir).outcome, 'used');
  rmSync(dir, { recursive: true, force: true });
});

test('a cache file that is a symbolic link is not read, even to a cache that fits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-cc-'));
  const file = bundleIn(dir);
  const valid = join(dir, 'valid');
  runBundleAlone(file, valid);
  const [name] = cacheFiles(valid) as [string];
  assert.equal(runBundleAlone(file, valid).outcome, 'used');
  const linked = join(dir, 'linked');
  mkdirSync(linked);
  symlinkSync(join(valid, name), join(linked, name));
  assert.equal(runBundleAlone(file, linked).outcome, 'compiled');
  rmSync(dir, { recursive: true, force: true });
});

test('with the cache turned off, or a cache folder that cannot be made, the bundle still runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-cc-'));
  const file = bundleIn(dir);
  const off = runBundleAlone(file, undefined);
  assert.equal(off.outcome, 'off');
  assert.equal((off.exports as { answer: number }).answer, 42);
  const blocked = join(dir, 'a-file');
  writeFileSync(blocked, '');
  // The child writes the cache before it answers: it exits cleanly though the folder cannot be made.
  assert.equal(runBundleAlone(file, join(blocked, 'cache')).outcome, 'compiled');
  rmSync(dir, { recursive: true, force: true });
});

test('the cache folder: PIM_COMPILE_CACHE, else the per-user cache folder of each platform', () => {
  assert.equal(compileCacheDir({ PIM_COMPILE_CACHE: 'off' }, 'linux', '/home/u'), undefined);
  assert.equal(compileCacheDir({ PIM_COMPILE_CACHE: '0' }, 'linux', '/home/u'), undefined);
  assert.equal(compileCacheDir({ PIM_COMPILE_CACHE: '/srv/cache' }, 'linux', '/home/u'), '/srv/cache');
  assert.equal(compileCacheDir({}, 'linux', '/home/u'), join('/home/u', '.cache', 'pim-language-tools'));
  assert.equal(compileCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u'), join('/x', 'pim-language-tools'));
  assert.equal(compileCacheDir({}, 'darwin', '/Users/u'), join('/Users/u', 'Library', 'Caches', 'pim-language-tools'));
  assert.equal(compileCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'), join('C:\\Users\\u\\AppData\\Local', 'pim-language-tools'));
  assert.equal(compileCacheDir({}, 'win32', 'C:\\Users\\u'), undefined);
});

test('the cache a language server leaves after it has run a while is one the next start uses', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'pim-cc-server-'));
  const env = { ...process.env, PIM_COMPILE_CACHE: cacheDir };
  const first = await startTestClient(null, undefined, env);
  // Past the second after which the server starts collecting its heap when idle (server/src/main.ts).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await first.stop();
  const [name] = cacheFiles(cacheDir) as [string];
  const written = statSync(join(cacheDir, name)).mtimeMs;
  // A start that rejected the cache would compile and write it again on exit.
  const second = await startTestClient(null, undefined, env);
  await second.stop();
  assert.equal(statSync(join(cacheDir, name)).mtimeMs, written, 'the second start rejected the cache the first one left');
  rmSync(cacheDir, { recursive: true, force: true });
});

test('the language server leaves its cache when it exits, and starts from it the next time', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'pim-cc-server-'));
  const env = { ...process.env, PIM_COMPILE_CACHE: cacheDir };
  const first = await startTestClient(null, undefined, env);
  await first.stop();
  assert.deepEqual(
    cacheFiles(cacheDir).map((name) => name.split('-')[0]),
    ['server'],
    'no server-main.cjs cache after a clean exit',
  );
  const [name] = cacheFiles(cacheDir) as [string];
  const written = statSync(join(cacheDir, name)).mtimeMs;
  // A start that used the cache leaves it as it was; one that compiled would write it again on exit.
  const second = await startTestClient(null, undefined, env);
  await second.stop();
  assert.deepEqual(cacheFiles(cacheDir), [name]);
  assert.equal(statSync(join(cacheDir, name)).mtimeMs, written, 'the second start did not use the cache');
  rmSync(cacheDir, { recursive: true, force: true });
});
