/** The file system as the language service sees it: URIs in, text and stats out, all asynchronous. */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FileType, PimHost } from './service/host';

/** The OS path of a file: URI, or undefined for any other scheme (an unsaved buffer, a remote file). */
export function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function nodeHost(): PimHost {
  return {
    async readFile(uri) {
      const path = fsPath(uri);
      if (!path) return undefined;
      try {
        return await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    async stat(uri) {
      const path = fsPath(uri);
      if (!path) return undefined;
      try {
        const link = (await lstat(path)).isSymbolicLink();
        const info = await stat(path);
        return { type: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other', size: info.size, ...(link ? { symbolicLink: true } : {}) };
      } catch {
        return undefined;
      }
    },
    async readDirectory(uri) {
      const path = fsPath(uri);
      if (!path) return [];
      try {
        const entries = await readdir(path, { withFileTypes: true });
        return entries.map((e) => [e.name, (e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other') as FileType] as const);
      } catch {
        return [];
      }
    },
  };
}
