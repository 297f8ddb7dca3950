/** The file system as the language service sees it: URIs in, text and stats out, all asynchronous. */
import { existsSync } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { setImmediate } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseAnswer, type FileType, type ParseAnswer, type PimHost, type Scheduler } from './service/index';

/** The OS path of a file: URI, or undefined for any other scheme (an unsaved buffer, a remote file). */
export function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export interface NodeHostOptions {
  /** A file that could not be read, and why in a few words: the CLI reports it, the server reads on. */
  readonly onReadError?: (uri: string, reason: string) => void;
  /** Long analyses in slices (the language server); the CLI wants them done at once. */
  readonly scheduler?: Scheduler;
}

/**
 * Slices short enough that, with the longest step of an analysis (about 100 ms on a 1 MB
 * handbook), the server never keeps a message waiting for long;
 * `setImmediate` lets the messages that arrived meanwhile be read before the next slice. Chunks
 * of 16 KB or more are parsed in the worker thread of `workerFile`, when it is there: the parser
 * can take seconds on one block (a 1 MB paragraph, a table of 50,000 cells).
 */
export function nodeScheduler(workerFile?: string): Scheduler {
  const worker = workerFile && existsSync(workerFile) ? new ParseWorker(workerFile) : undefined;
  return {
    now: () => performance.now(),
    yield: () => new Promise((resolve) => setImmediate(resolve)),
    sliceMs: 10,
    ...(worker ? { parse: (text: string) => worker.parse(text), parseElsewhereFrom: 16 * 1024 } : {}),
  };
}

/**
 * A parsing thread, started on first use; it never keeps the process alive. If it fails, what it
 * was asked is parsed in place and so is everything after: slower to answer, never wrong.
 */
class ParseWorker {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 0;
  private readonly waiting = new Map<number, { readonly text: string; readonly resolve: (answer: ParseAnswer) => void }>();

  constructor(private readonly file: string) {}

  parse(text: string): Promise<ParseAnswer> {
    const worker = this.started();
    if (!worker) return Promise.resolve(parseAnswer(text));
    const id = this.nextId++;
    // Held while it has work, so that an answer is never lost to the process exiting.
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve) => {
      this.waiting.set(id, { text, resolve });
      worker.postMessage({ id, text });
    });
  }

  private started(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.file);
    } catch {
      this.failed = true;
      return undefined;
    }
    worker.on('message', (message: { readonly id: number; readonly answer: ParseAnswer }) => {
      this.waiting.get(message.id)?.resolve(message.answer);
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (): void => {
      this.failed = true;
      this.worker = undefined;
      for (const { text, resolve } of this.waiting.values()) resolve(parseAnswer(text));
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    // Unreferenced once its listeners are on (adding them references it again): idle, it never keeps the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

export function nodeHost(options: NodeHostOptions = {}): PimHost {
  return {
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    async readFile(uri, maxBytes) {
      const path = fsPath(uri);
      if (!path) return undefined;
      try {
        return await readText(path, maxBytes);
      } catch (error) {
        options.onReadError?.(uri, readErrorReason(error));
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

/** What stat says before a read is tried: a folder, or something that is no regular file. */
class UnreadableFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A regular file only: a FIFO or a device would block the read, or never end it. */
async function readText(path: string, maxBytes: number | undefined): Promise<string> {
  const info = await stat(path);
  if (info.isDirectory()) throw new UnreadableFile('it is a folder');
  if (!info.isFile()) throw new UnreadableFile('it is not a regular file');
  const handle = await open(path, 'r');
  try {
    if (maxBytes === undefined) return await handle.readFile('utf8');
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    // A character cut at the end becomes U+FFFD: only the front matter at the start is read from it.
    return new TextDecoder().decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function readErrorReason(error: unknown): string {
  if (error instanceof UnreadableFile) return error.reason;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'it does not exist, or is a link to nothing';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'it is a loop of links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
