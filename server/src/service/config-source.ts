/** What the service knows from `.pimrc.json` about one document, on URIs (resolved in config.ts). */
import type { Lang, RuleSetting, Span } from '../engine/index';

export interface ConfigProblemReport {
  /** The configuration file with the problem. */
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
  /** The file's text, to turn offsets into lines. */
  readonly text: string;
}

/** A project named in a configuration: its documents are those its globs match. */
export interface ProjectDefinition {
  readonly name: string;
  readonly purpose?: string;
  /** The configuration file that declares it. */
  readonly configUri: string;
  matches(uri: string): boolean;
}

export interface DocumentConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly language?: Lang;
  /** Bytes above which a document is declined; the editor setting, then the engine's default, apply without it. */
  readonly maxDocumentSize?: number;
  /** A `documents` glob matches it: it is checked even without `pim:`. */
  readonly isDocument: boolean;
  readonly isIgnored: boolean;
  /** The nearest configuration file, when there is one. */
  readonly configUri?: string;
  readonly problems: readonly ConfigProblemReport[];
  /** Every project the applicable configuration declares. */
  readonly projects: readonly ProjectDefinition[];
}

export interface ConfigSource {
  forDocument(uri: string): Promise<DocumentConfig>;
  /** A configuration file changed: read them again. */
  invalidate(): void;
}

export const NO_CONFIG: DocumentConfig = { rules: {}, isDocument: false, isIgnored: false, problems: [], projects: [] };

