/**
 * Push diagnostics: on open at once, on change after a debounce, dropped when a newer edit has
 * overtaken them, cleared on close. Problems of an invalid .pimrc.json are published on that file.
 */
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_PROBLEM, type ConfigProblem } from '../config/pimrc';
import type { DocumentAnalyses } from './analyses';
import { SOURCE, toDiagnostic } from './convert';
import type { SettingsStore } from './settings';

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Config files with problems, and the documents whose analysis reported them. */
  private readonly configReporters = new Map<string, Set<string>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: DocumentAnalyses,
    private readonly settings: SettingsStore,
    private readonly docUrl: (ruleId: string) => string,
    private readonly onPublished: (uri: string) => void = () => {},
  ) {}

  /** Lint after the configured pause in typing; `now` skips the pause (document opened, settings changed). */
  schedule(uri: string, now = false): void {
    clearTimeout(this.timers.get(uri));
    if (now) {
      this.timers.delete(uri);
      void this.publish(uri);
      return;
    }
    void this.settings.forDocument(uri).then((settings) => {
      clearTimeout(this.timers.get(uri));
      this.timers.set(
        uri,
        setTimeout(() => {
          this.timers.delete(uri);
          void this.publish(uri);
        }, settings.debounceMs),
      );
    });
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, true);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.updateConfigProblems(uri, undefined, []);
  }

  private async publish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      const result = await this.analyses.resultFor(document);
      // A newer edit arrived while this lint waited: its own lint will publish.
      if (this.documents.get(uri)?.version !== version) return;
      const diagnostics = result ? result.findings.map((f, i) => toDiagnostic(document, f, i, this.docUrl, result.analysis)) : [];
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
      this.updateConfigProblems(uri, result?.configFile, result?.configProblems ?? []);
      this.onPublished(uri);
    } catch (error) {
      // Never the document's text: only what failed.
      this.connection.console.error(`pim: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private updateConfigProblems(documentUri: string, configFile: string | undefined, problems: readonly ConfigProblem[]): void {
    for (const [file, reporters] of this.configReporters) {
      if (file === configFile && problems.length > 0) continue;
      if (reporters.delete(documentUri) && reporters.size === 0) {
        this.configReporters.delete(file);
        void this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
      }
    }
    if (!configFile || problems.length === 0) return;
    const reporters = this.configReporters.get(configFile) ?? new Set<string>();
    const first = reporters.size === 0;
    reporters.add(documentUri);
    this.configReporters.set(configFile, reporters);
    if (!first) return;
    for (const problem of problems) this.connection.console.error(`pim: ${configFile}: ${problem.message}`);
    void this.connection.sendDiagnostics({ uri: pathToFileURL(configFile).href, diagnostics: problems.map(configDiagnostic) });
  }
}

function configDiagnostic(problem: ConfigProblem): Diagnostic {
  // Lines as the editor counts them, whatever the file's line breaks.
  const file = TextDocument.create('file:///pimrc.json', 'json', 0, problem.text);
  return { range: { start: file.positionAt(problem.start), end: file.positionAt(problem.end) }, severity: DiagnosticSeverity.Error, code: CONFIG_PROBLEM, source: SOURCE, message: problem.message };
}
