/** A host with no disk: files in a map, for service tests. Counts reads, so tests can see what the store saves. */
import type { FileType, PimHost } from '../../server/src/service/host';

export interface MemoryHost extends PimHost {
  readonly files: Map<string, string>;
  readonly reads: string[];
  /** Change or add a file and tell the service, as a file watcher would. */
  write(uri: string, text: string): void;
  remove(uri: string): void;
}

export function memoryHost(files: Record<string, string>): MemoryHost {
  const map = new Map(Object.entries(files));
  const reads: string[] = [];
  const listeners = new Set<(uris: readonly string[]) => void>();
  const isDirectory = (uri: string): boolean => [...map.keys()].some((file) => file.startsWith(`${uri.replace(/\/+$/, '')}/`));
  return {
    files: map,
    reads,
    async readFile(uri) {
      reads.push(uri);
      return map.get(uri);
    },
    async stat(uri) {
      if (map.has(uri)) return { type: 'file', size: (map.get(uri) as string).length };
      return isDirectory(uri) ? { type: 'directory', size: 0 } : undefined;
    },
    async readDirectory(uri) {
      const prefix = `${uri.replace(/\/+$/, '')}/`;
      const entries = new Map<string, FileType>();
      for (const file of map.keys()) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        entries.set(decodeURIComponent(name as string), rest.length > 0 ? 'directory' : 'file');
      }
      return [...entries];
    },
    onDidChangeFiles(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    write(uri, text) {
      map.set(uri, text);
      for (const listener of listeners) listener([uri]);
    },
    remove(uri) {
      map.delete(uri);
      for (const listener of listeners) listener([uri]);
    },
  };
}
