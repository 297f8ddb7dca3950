/**
 * Runs a CommonJS bundle with V8's code cache, so that a process that has run before starts
 * without compiling its megabytes of JavaScript again. Node 20 has no compile cache of its own
 * (`module.enableCompileCache` came with Node 22), so the launchers of the language server and
 * of the CLI keep one: the bytecode V8 made for the bundle, written after a run and handed back to
 * V8 on the next. V8 checks it against the source and its own version and flags, and compiles
 * afresh when it does not fit; a cache that cannot be read or written only costs that.
 *
 * The cache lives in the user's own cache folder (never a shared temporary one: bytecode is code),
 * is read only as a regular file the user owns, and can be moved or turned off with
 * `PIM_COMPILE_CACHE` (a folder, or `off`).
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export type CacheOutcome = 'used' | 'compiled' | 'rejected' | 'off';

export interface RunOptions {
  /** Where cache files go; `undefined` turns the cache off. */
  readonly cacheDir: string | undefined;
  /**
   * Write the cache after each of these many milliseconds too, not only at exit: a long-running
   * server may end in a way that runs no exit handler.
   */
  readonly writeAfterMs?: readonly number[];
  /**
   * Write a cache that was used again (at exit and at those times) when the bytecode has grown by
   * a tenth since: a server whose earlier run only started leaves a cache without the analysis, which
   * V8 then compiles on every first analysis. For a long-running process, which can afford to
   * serialise its bytecode to compare.
   */
  readonly refresh?: boolean;
}

/** How much more bytecode than the cache holds makes a used cache worth writing again. */
const REFRESH_GROWTH = 1.1;

export interface BundleRun {
  readonly outcome: CacheOutcome;
  /** What the bundle put in `module.exports`. */
  readonly exports: unknown;
  /** Writes the cache now if this run should leave one (tests; otherwise the timer or exit does it). */
  readonly writeCache: () => void;
}

/** Loads `file` as `require(file)` would, from the code cache when one fits. */
export function runBundle(file: string, options: RunOptions): BundleRun {
  const bytes = readFileSync(file);
  // A `#!` line is read by V8 only at the very start of a script, and the wrapper comes before it.
  const source = bytes.toString('utf8').replace(/^#!.*/, '');
  const cacheFile = options.cacheDir === undefined ? undefined : join(options.cacheDir, cacheName(file, bytes));
  const cachedData = cacheFile === undefined ? undefined : readOwnFile(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const outcome: CacheOutcome = cacheFile === undefined ? 'off' : !cachedData ? 'compiled' : script.cachedDataRejected ? 'rejected' : 'used';
  let pending = outcome === 'compiled' || outcome === 'rejected';
  // The size of the bytecode in the cache file, to tell whether a refresh would add to it.
  let cached = outcome === 'used' ? (cachedData?.length ?? 0) : 0;
  const writeCache = (): void => {
    if (cacheFile === undefined || !(pending || options.refresh)) return;
    const data = script.createCachedData();
    if (!pending && data.length < cached * REFRESH_GROWTH) return;
    pending = false;
    cached = data.length;
    writeCacheFile(cacheFile, runtimePrefix(file), data);
  };
  if (cacheFile !== undefined && (pending || options.refresh)) {
    process.once('exit', writeCache);
    for (const ms of options.writeAfterMs ?? []) setTimeout(writeCache, ms).unref();
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { outcome, exports: module.exports, writeCache };
}

/** The folder for cache files: `PIM_COMPILE_CACHE`, else the platform's per-user cache folder; `undefined` when turned off. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string | undefined {
  const chosen = env.PIM_COMPILE_CACHE;
  if (chosen !== undefined && chosen !== '') return ['off', '0', 'false'].includes(chosen.toLowerCase()) ? undefined : chosen;
  const base = platform === 'win32' ? env.LOCALAPPDATA : platform === 'darwin' ? join(home, 'Library', 'Caches') : env.XDG_CACHE_HOME || join(home, '.cache');
  return base ? join(base, 'pim-language-tools') : undefined;
}

/**
 * One file per bundle, runtime and build of the bundle: VS Code's runtime and the system's Node
 * keep a cache each instead of overwriting each other's. V8 tells sources apart by their length
 * only, so the name carries a hash of the whole bundle: a rebuild of the same length (a version
 * number changed) must never run the bytecode of the build before.
 */
function cacheName(file: string, bytes: Buffer): string {
  return `${runtimePrefix(file)}${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}.cache`;
}

function runtimePrefix(file: string): string {
  return `${basename(file)}-${process.version}-${process.arch}-`;
}

/** The file's bytes if it is a regular file of the current user (no symbolic link, nobody else's); else undefined. */
function readOwnFile(file: string): Buffer | undefined {
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || (process.getuid !== undefined && stat.uid !== process.getuid())) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all (a temporary file renamed), and removes the caches of older builds on this runtime. */
function writeCacheFile(file: string, prefix: string, data: Buffer): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
    for (const name of readdirSync(dir)) if (name !== basename(file) && name.startsWith(prefix) && name.endsWith('.cache')) rmSync(join(dir, name), { force: true });
  } catch {
    // A read-only or full disk: the next start compiles, as this one did.
  }
}
