/**
 * The document store: the service's one cache, visible and tested. URI -> the text of one version
 * (an open editor buffer, or the file as last read through the host) and what was worked out from
 * it. A new version replaces the old, whose analysis is handed on so that unchanged chunks are
 * reused; a closed or deleted document leaves nothing behind. The heavy analyses are kept for the
 * open documents used last only (`maxAnalyses`); an older one keeps its facts, and its analysis is
 * worked out again when it is asked for, so memory stays bounded however many documents are open.
 */
import type { Analysis } from '../engine/index';
import type { AnyDocumentFacts } from './facts';

export interface StoredDocument {
  readonly uri: string;
  /** The editor's version, or `DISK_VERSION` for text read through the host. */
  readonly version: number;
  readonly text: string;
  readonly open: boolean;
  /** The size in bytes of the whole file, when `text` is only its beginning (a file too big to check). */
  readonly byteLength?: number;
}

export const DISK_VERSION = -1;

export interface StoredResult {
  /** The options the analysis ran with, as a stable string: other options need another analysis. */
  readonly optionsKey: string;
  /** Kept for open documents only, which hovers and completion ask about; a file read from disk keeps its facts. */
  readonly analysis?: Analysis;
  readonly facts: AnyDocumentFacts;
}

interface Entry {
  readonly document: StoredDocument;
  result?: StoredResult;
  /** The previous version's analysis, until this version has its own. */
  previous?: Analysis;
}

export interface StoreStats {
  readonly documents: number;
  readonly open: number;
  /** Documents with facts for their current version. */
  readonly analysed: number;
  /** Full analyses held (open documents only). */
  readonly analyses: number;
}

/** Analyses kept at most: a few dozen open documents are what anybody works in at once. */
export const MAX_ANALYSES = 32;

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  /** URIs whose result holds an analysis, least recently used first. */
  private readonly recent = new Set<string>();

  constructor(private readonly maxAnalyses = MAX_ANALYSES) {}

  /** A new version of a document (or the first); the old one's analysis is kept for reuse only. */
  set(document: StoredDocument): void {
    const old = this.entries.get(document.uri);
    if (old && old.document.version === document.version && old.document.text === document.text && old.document.open === document.open) return;
    const previous = old?.result?.analysis ?? old?.previous;
    // Only an editor buffer is edited version after version; a file read again is parsed whole.
    this.entries.set(document.uri, { document, ...(previous && document.open ? { previous } : {}) });
  }

  get(uri: string): StoredDocument | undefined {
    return this.entries.get(uri)?.document;
  }

  /**
   * The result for these options, if the current version has it: an open document's result
   * counts only while it holds its analysis, which may have been let go to make room.
   */
  cached(uri: string, optionsKey: string): StoredResult | undefined {
    const entry = this.entries.get(uri);
    if (entry?.result?.optionsKey !== optionsKey || (!entry.result.analysis && entry.document.open)) return undefined;
    if (entry.result.analysis) this.touch(uri);
    return entry.result;
  }

  /** What a new analysis of the document may reuse: its last analysis, of this version or the one before. */
  reusable(uri: string): Analysis | undefined {
    const entry = this.entries.get(uri);
    return entry?.result?.analysis ?? entry?.previous;
  }

  /**
   * Stores the result worked out for `document`; false, and nothing stored, when the store holds
   * another version by now (the result came too late to be of use).
   */
  put(document: StoredDocument, result: StoredResult): boolean {
    const entry = this.entries.get(document.uri);
    if (entry?.document !== document) return false;
    entry.result = result;
    delete entry.previous;
    if (result.analysis) this.touch(document.uri);
    return true;
  }

  /** Marks the analysis as used last, and lets go of the least recently used beyond the limit. */
  private touch(uri: string): void {
    this.recent.delete(uri);
    this.recent.add(uri);
    for (const oldest of this.recent) {
      if (this.recent.size <= this.maxAnalyses) break;
      this.recent.delete(oldest);
      const entry = this.entries.get(oldest);
      if (!entry) continue;
      if (entry.result?.analysis) entry.result = { optionsKey: entry.result.optionsKey, facts: entry.result.facts };
      delete entry.previous;
    }
  }

  /** The last result of a document, whatever its options: for answers that must not wait. */
  latest(uri: string): StoredResult | undefined {
    return this.entries.get(uri)?.result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.recent.delete(uri);
  }

  /** Drop every result (settings or configuration changed); texts stay. */
  invalidateResults(): void {
    for (const entry of this.entries.values()) {
      if (entry.result?.analysis) entry.previous = entry.result.analysis;
      delete entry.result;
    }
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  stats(): StoreStats {
    let open = 0;
    let analysed = 0;
    let analyses = 0;
    for (const entry of this.entries.values()) {
      if (entry.document.open) open++;
      if (entry.result) analysed++;
      if (entry.result?.analysis || entry.previous) analyses++;
    }
    return { documents: this.entries.size, open, analysed, analyses };
  }
}
