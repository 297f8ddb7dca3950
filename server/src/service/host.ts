/**
 * What the language service needs from the outside world, on URIs (never OS paths), all
 * asynchronous: the Node server, the CLI, the tests and later a browser each give their own.
 */
import type { ParseAnswer } from '../engine/index';

export type FileType = 'file' | 'directory' | 'other';

export interface FileStat {
  readonly type: FileType;
  readonly size: number;
  /** The URI names a symbolic link (the type and size are those of its target). */
  readonly symbolicLink?: boolean;
}

export interface Disposable {
  dispose(): void;
}

export interface PimHost {
  /**
   * The file's text, or undefined when it cannot be read or is no regular file. With `maxBytes`,
   * at most that many bytes from its start: the beginning of a file too big to check whole.
   */
  readFile(uri: string, maxBytes?: number): Promise<string | undefined>;
  /** Undefined when nothing is there. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** Entries of a directory as [name, type]; empty when it cannot be read. */
  readDirectory(uri: string): Promise<readonly (readonly [string, FileType])[]>;
  /** Files created, changed or deleted outside the editor's open documents. */
  onDidChangeFiles?(listener: (uris: readonly string[]) => void): Disposable;
  /**
   * Given by a host that must stay responsive while it analyses (the language server): long
   * analyses then run in slices and let other work in between. Without it, they run at once.
   */
  readonly scheduler?: Scheduler;
}

/** Lets other work in between the slices of a long analysis. */
export interface Scheduler {
  /** Milliseconds on a clock that only moves forward. */
  now(): number;
  /** Resolves once the work that waits (incoming messages, timers) has had its turn. */
  yield(): Promise<void>;
  /** How long a slice may run before it yields, in milliseconds. */
  readonly sliceMs: number;
  /** Parses a text elsewhere (another thread), for texts of `parseElsewhereFrom` characters or more; the rest is parsed in place. */
  readonly parse?: (text: string) => Promise<ParseAnswer>;
  readonly parseElsewhereFrom?: number;
}

/** Long work checks it between documents and stops when the caller no longer wants the answer. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false };

/** Progress of long work: how many of how many, and on what. */
export type ProgressReporter = (done: number, total: number, uri?: string) => void;
