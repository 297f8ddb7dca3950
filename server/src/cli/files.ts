/** Turns command-line paths, folders and globs into the Markdown files to check. */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export interface Target {
  readonly path: string;
  /** Named on the command line: checked as a PIM document even without front matter. */
  readonly explicit: boolean;
}

export interface Expansion {
  readonly targets: readonly Target[];
  /** Arguments that name nothing: a usage error. */
  readonly missing: readonly string[];
}

const MARKDOWN = /\.(md|markdown|mdx)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function expandArguments(args: readonly string[], cwd: string): Expansion {
  const targets = new Map<string, Target>();
  const missing: string[] = [];
  const add = (path: string, explicit: boolean): void => {
    const existing = targets.get(path);
    if (!existing || (explicit && !existing.explicit)) targets.set(path, { path, explicit });
  };
  for (const arg of args) {
    if (picomatch.scan(arg).isGlob) {
      const { base } = picomatch.scan(arg);
      const root = resolve(cwd, base || '.');
      const match = picomatch(arg.replace(/\\/g, '/'), { dot: false });
      for (const file of walk(root)) if (match(toPosix(relative(cwd, file)))) add(file, false);
      continue;
    }
    const path = resolve(cwd, arg);
    const kind = statKind(path);
    if (kind === 'file') add(path, true);
    else if (kind === 'dir') for (const file of walk(path)) add(file, false);
    else missing.push(arg);
  }
  return { targets: [...targets.values()].sort((a, b) => a.path.localeCompare(b.path)), missing };
}

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) yield* walk(path);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && MARKDOWN.test(entry.name)) yield path;
  }
}

/** Anything there but a folder is a file to read: reading it says why it cannot be (a link to nothing, a device). */
function statKind(path: string): 'file' | 'dir' | undefined {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return isThere(path) ? 'file' : undefined;
  }
}

function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
