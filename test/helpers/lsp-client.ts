/**
 * A real LSP client for tests: starts the bundled server as a child process and speaks JSON-RPC
 * over stdio. Waits for notifications instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.cjs');

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly initializeResult: InitializeResult;
  /** Resolves with the first published diagnostics for `uri` (the latest one included) that satisfy `accept`. */
  diagnostics(uri: string, accept?: (d: readonly Diagnostic[], version?: number) => boolean): Promise<readonly Diagnostic[]>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** Settings answered to workspace/configuration; change them, then notify didChangeConfiguration. */
  settings: Record<string, unknown>;
  readonly shownDocuments: string[];
  stop(): Promise<void>;
}

/** `serverCommand` starts another build of the server, such as an installed `pim-language-server`. */
export async function startTestClient(rootUri: string | null = null, serverCommand: readonly string[] = [process.execPath, SERVER]): Promise<TestClient> {
  const [program, ...args] = serverCommand as [string, ...string[]];
  const child: ChildProcess = spawn(program, [...args, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; accept: (d: readonly Diagnostic[], v?: number) => boolean; resolve: (d: readonly Diagnostic[]) => void }[] = [];
  const shownDocuments: string[] = [];
  const client = { settings: { enable: true, debounceMs: 20 } as Record<string, unknown> };

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    latest.set(params.uri, params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params.diagnostics, params.version)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => client.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('window/showDocument', (params: { uri: string }) => {
    shownDocuments.push(params.uri);
    return { success: true };
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'test' }] : null,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }, synchronization: { dynamicRegistration: false } },
      window: { showDocument: { support: true } },
    },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});

  return {
    connection,
    initializeResult,
    shownDocuments,
    get settings() {
      return client.settings;
    },
    set settings(value) {
      client.settings = value;
    },
    diagnostics(uri, accept = () => true) {
      const current = latest.get(uri);
      if (current && accept(current.diagnostics, current.version)) return Promise.resolve(current.diagnostics);
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    open(uri, text, version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    },
    change(uri, version, changes) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    close(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    },
  };
}

/** Applies LSP text edits to a text, as an editor would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  return [...edits]
    .map((e, i) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.i - a.i)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}
