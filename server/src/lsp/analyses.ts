/**
 * One Analysis per open document version, shared by diagnostics, hover, completion, code
 * actions, code lens and symbols. Options come from the editor settings and the nearest
 * .pimrc.json, which wins for the rules it names.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type Finding, type Knowledge, type LintOptions } from '../engine/index';
import type { ConfigProblem, ConfigResolver } from '../config/pimrc';
import type { SettingsStore } from './settings';

export interface DocumentResult {
  readonly version: number;
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  /** Problems of the .pimrc.json that applies, if it is invalid. */
  readonly configFile?: string;
  readonly configProblems: readonly ConfigProblem[];
}

export class DocumentAnalyses {
  private readonly results = new Map<string, DocumentResult>();

  constructor(
    private readonly knowledge: Knowledge,
    private readonly settings: SettingsStore,
    private readonly configs: ConfigResolver,
  ) {}

  /** The analysis of this exact version, computed at most once; undefined when the tools are disabled for it. */
  async resultFor(document: TextDocument): Promise<DocumentResult | undefined> {
    const cached = this.results.get(document.uri);
    if (cached?.version === document.version) return cached;
    const settings = await this.settings.forDocument(document.uri);
    if (!settings.enable) return undefined;
    const current = this.results.get(document.uri);
    if (current?.version === document.version) return current;
    const path = filePath(document.uri);
    const resolved = path ? this.configs.forDocument(path) : undefined;
    const config = resolved?.config;
    const language = settings.language !== 'auto' ? settings.language : config?.language;
    const options: LintOptions = {
      rules: { ...settings.rules, ...config?.rules },
      treatAsPim: path !== undefined && (config?.isDocument(path) ?? false),
      ...(language ? { language } : {}),
    };
    const { analysis, findings } = analyze(document.getText(), this.knowledge, options, current?.analysis ?? 'incremental');
    const result: DocumentResult = {
      version: document.version,
      analysis,
      findings,
      ...(resolved?.file ? { configFile: resolved.file } : {}),
      configProblems: resolved?.problems ?? [],
    };
    this.results.set(document.uri, result);
    return result;
  }

  /** The last result, whatever its version: for requests that must not wait. */
  latest(uri: string): DocumentResult | undefined {
    return this.results.get(uri);
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }

  /** Settings or a .pimrc.json changed: every document must be analysed again. */
  invalidate(): void {
    this.results.clear();
    this.configs.clear();
  }
}

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
