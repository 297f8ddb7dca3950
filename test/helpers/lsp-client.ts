/**
 * A real LSP client for tests: starts the bundled server as a child process and speaks JSON-RPC
 * over stdio. Waits for notifications instead of sleeping; every wait has a timeout, and a server
 * that exits fails the waits at once, so that a regression fails instead of hanging.
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
/** Far above what a publish takes (milliseconds), far below the runner's per-file timeout. */
export const WAIT_MS = 15_000;

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly initializeResult: InitializeResult;
  /** Resolves with the first published diagnostics for `uri` (the latest one included) that satisfy `accept`; rejects after `timeoutMs` or when the server exits. */
  diagnostics(uri: string, accept?: (d: readonly Diagnostic[], version?: number) => boolean, timeoutMs?: number): Promise<readonly Diagnostic[]>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** Settings answered to workspace/configuration; change them, then notify didChangeConfiguration. */
  settings: Record<string, unknown>;
  readonly shownDocuments: string[];
  /** window/logMessage texts, window/showMessage(Request) texts, $/logTrace messages and the server's stderr, as received. */
  readonly logs: string[];
  readonly shownMessages: string[];
  readonly traces: string[];
  readonly stderr: () => string;
  /** Resolves with the exit code when the server process ends, whoever ended it. */
  readonly exited: Promise<number | null>;
  readonly pid: number;
  stop(): Promise<void>;
}

/** `serverCommand` starts another build of the server, such as an installed `pim-language-server`. */
export async function startTestClient(rootUri: string | null = null, serverCommand: readonly string[] = [process.execPath, SERVER], env: NodeJS.ProcessEnv = process.env): Promise<TestClient> {
  const [program, ...args] = serverCommand as [string, ...string[]];
  const child: ChildProcess = spawn(program, [...args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => {
    stderr += data.toString();
    process.stderr.write(data);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      // Nothing can be written to a dead server; an open stdin pipe would keep the test process alive.
      child.stdin?.destroy();
      resolve(code);
    }),
  );
  const reader = new StreamMessageReader(child.stdout!);
  // No partial-message timer: vscode-jsonrpc re-arms it every 10 s and never clears it on dispose, so
  // a server killed in the middle of a message kept the test process alive (crash.test.ts). Every
  // wait of this client has a timeout of its own.
  reader.partialMessageTimeout = 0;
  const connection = createProtocolConnection(reader, new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; accept: (d: readonly Diagnostic[], v?: number) => boolean; resolve: (d: readonly Diagnostic[]) => void; reject: (e: Error) => void }[] = [];
  const shownDocuments: string[] = [];
  const logs: string[] = [];
  const shownMessages: string[] = [];
  const traces: string[] = [];
  void exited.then((code) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the server exited (code ${code}) while diagnostics for ${waiter.uri} were awaited`));
  });
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
  connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  connection.onNotification('window/showMessage', (params: { message: string }) => shownMessages.push(params.message));
  connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    shownMessages.push(params.message);
    return null;
  });
  connection.onNotification('$/logTrace', (params: { message: string; verbose?: string }) => traces.push(`${params.message}\n${params.verbose ?? ''}`));
  connection.onError(() => undefined);
  connection.listen();

  const initializeResult = (await withTimeout(connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'test' }] : null,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }, synchronization: { dynamicRegistration: false } },
      window: { showDocument: { support: true } },
    },
  }), 'the server to answer initialize')) as InitializeResult;
  await connection.sendNotification('initialized', {});

  return {
    connection,
    initializeResult,
    shownDocuments,
    logs,
    shownMessages,
    traces,
    stderr: () => stderr,
    exited,
    pid: child.pid as number,
    get settings() {
      return client.settings;
    },
    set settings(value) {
      client.settings = value;
    },
    diagnostics(uri, accept = () => true, timeoutMs = WAIT_MS) {
      const current = latest.get(uri);
      if (current && accept(current.diagnostics, current.version)) return Promise.resolve(current.diagnostics);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`the server has exited; no diagnostics for ${uri} will come`));
      return new Promise((resolve, reject) => {
        const waiter = {
          uri,
          accept,
          resolve: (d: readonly Diagnostic[]) => {
            clearTimeout(timer);
            resolve(d);
          },
          reject: (e: Error) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          const last = latest.get(uri);
          reject(new Error(`no diagnostics for ${uri} passed the check within ${timeoutMs} ms; the last ones published: ${last ? JSON.stringify(last.diagnostics.map((d) => d.code)) : 'none'}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
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
      if (child.exitCode === null && child.signalCode === null) {
        await withTimeout(connection.sendRequest('shutdown'), 'the server to answer shutdown');
        await connection.sendNotification('exit');
      }
      connection.dispose();
      await withTimeout(exited, 'the server to exit after shutdown');
      // The server is gone: its pipes must not keep the test process alive.
      for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms} ms for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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
