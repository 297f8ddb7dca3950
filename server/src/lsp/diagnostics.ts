/**
 * Push diagnostics: on open at once, on change after a debounce, dropped when a newer edit has
 * overtaken them, cleared on close. An edit also re-publishes the other documents of its
 * projects, open or not, whose findings depend on it. Problems of an invalid .pimrc.json are
 * published on that file.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_PROBLEM, type ConfigProblemReport, type DocumentReport, type PimService } from '../service/index';
import { SOURCE, toDiagnostic, type RangeOf } from './convert';
import type { SettingsStore } from './settings';

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per configuration file with problems: the open documents it configures, and what was published. */
  private readonly configProblems = new Map<string, { readonly reporters: Set<string>; signature: string }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: PimService,
    private readonly settings: SettingsStore,
    private readonly docUrl: (ruleId: string) => string,
    private readonly onPublished: (uri: string) => void = () => {},
  ) {}

  /**
   * Lint after the configured pause in typing; `now` skips the pause (document opened, settings
   * changed). The documents of the same projects follow, unless this is one of them following.
   */
  schedule(uri: string, now = false, withPeers = true): void {
    clearTimeout(this.timers.get(uri));
    if (now) {
      this.timers.delete(uri);
      void this.publish(uri, withPeers);
      return;
    }
    void this.settings.forDocument(uri).then((settings) => {
      clearTimeout(this.timers.get(uri));
      this.timers.set(
        uri,
        setTimeout(() => {
          this.timers.delete(uri);
          void this.publish(uri, withPeers);
        }, settings.debounceMs),
      );
    });
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, true, false);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.updateConfigProblems(uri, []);
  }

  /** Diagnostics of a document that is not open, from the service's reading of the file. */
  async publishClosed(report: DocumentReport): Promise<void> {
    await this.connection.sendDiagnostics({ uri: report.uri, diagnostics: this.diagnosticsOf(report) });
  }

  private diagnosticsOf(report: DocumentReport): Diagnostic[] {
    const range = rangeResolver(this.documents, this.service);
    return report.findings.map((f, i) => toDiagnostic(f, report.version, i, this.docUrl, range));
  }

  private async publish(uri: string, withPeers: boolean): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      const report = await this.service.report(uri);
      // A newer edit arrived while this lint waited: its own lint will publish.
      if (this.documents.get(uri)?.version !== version) return;
      const diagnostics = report ? this.diagnosticsOf(report) : [];
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
      this.updateConfigProblems(uri, report?.configProblems ?? []);
      this.onPublished(uri);
      if (withPeers && report && report.projects.length > 0) await this.publishPeers(uri);
    } catch (error) {
      // Never the document's text: only what failed.
      this.connection.console.error(`pim: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** The other documents of the projects: open ones are scheduled, closed ones published from their files. */
  private async publishPeers(uri: string): Promise<void> {
    for (const peer of await this.service.projectPeers(uri)) {
      if (this.documents.get(peer)) this.schedule(peer, true, false);
      else {
        const report = await this.service.report(peer);
        if (report) await this.publishClosed(report);
      }
    }
  }

  /**
   * Problems of configuration files, published on the file where each is (a `.pimrc.json` or a
   * file it extends), once per change; cleared when no open document is configured by it any more.
   */
  private updateConfigProblems(documentUri: string, problems: readonly ConfigProblemReport[]): void {
    const byFile = new Map<string, ConfigProblemReport[]>();
    for (const problem of problems) byFile.set(problem.uri, [...(byFile.get(problem.uri) ?? []), problem]);
    for (const [file, published] of this.configProblems) {
      if (byFile.has(file)) continue;
      if (published.reporters.delete(documentUri) && published.reporters.size === 0) {
        this.configProblems.delete(file);
        void this.connection.sendDiagnostics({ uri: file, diagnostics: [] });
      }
    }
    for (const [file, fileProblems] of byFile) {
      const signature = JSON.stringify(fileProblems.map((p) => [p.span, p.message]));
      const published = this.configProblems.get(file) ?? { reporters: new Set<string>(), signature: '' };
      published.reporters.add(documentUri);
      this.configProblems.set(file, published);
      if (published.signature === signature) continue;
      published.signature = signature;
      for (const problem of fileProblems) this.connection.console.error(`pim: ${problem.uri}: ${problem.message}`);
      void this.connection.sendDiagnostics({ uri: file, diagnostics: fileProblems.map(configDiagnostic) });
    }
  }
}

/**
 * Spans of any document the service holds as LSP ranges: open buffers by their text, other files
 * by the text the service read; each file's positions are worked out once per resolver.
 */
export function rangeResolver(documents: TextDocuments<TextDocument>, service: PimService): RangeOf {
  const read = new Map<string, TextDocument>();
  return (uri, span) => {
    let document = documents.get(uri) ?? read.get(uri);
    if (!document) {
      document = TextDocument.create(uri, 'markdown', 0, service.text(uri) ?? '');
      read.set(uri, document);
    }
    return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
  };
}

function configDiagnostic(problem: ConfigProblemReport): Diagnostic {
  // Lines as the editor counts them, whatever the file's line breaks.
  const file = TextDocument.create(problem.uri, 'json', 0, problem.text);
  return { range: { start: file.positionAt(problem.span.start), end: file.positionAt(problem.span.end) }, severity: DiagnosticSeverity.Error, code: CONFIG_PROBLEM, source: SOURCE, message: problem.message };
}
