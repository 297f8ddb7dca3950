/** Node entry of pim-language-server: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it. */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { join } from 'node:path';
import { bundledKnowledge } from './bundled-knowledge';
import { defaultRuleDocsDir, startServer } from './lsp/server';
import { collectWhenIdle } from './idle-memory';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: pim-language-server [--stdio | --node-ipc | --socket=<port>]\nThe PIM language server speaks LSP; without a transport it uses --stdio.\n');
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`pim-language-server ${bundledKnowledge().version}\n`);
} else {
  const connection = args.some((a) => TRANSPORTS.some((t) => t !== '--stdio' && a.startsWith(t))) ? createConnection(ProposedFeatures.all) : stdioConnection();
  // Logs go to the client's output channel, never to stdout, which carries the protocol.
  console.log = (...parts: unknown[]) => connection.console.log(parts.map(String).join(' '));
  console.error = (...parts: unknown[]) => connection.console.error(parts.map(String).join(' '));
  process.on('uncaughtException', (error) => connection.console.error(`pim: unexpected error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`pim: unhandled rejection: ${String(reason)}`));
  startServer(connection, { loadKnowledge: bundledKnowledge, ruleDocsDir: defaultRuleDocsDir(__dirname), parseWorkerFile: join(__dirname, 'parse-worker.cjs') });
  connection.listen();
  // After start-up: making the context that exposes the collector takes a few milliseconds.
  setTimeout(collectWhenIdle, 1000).unref();
}

/**
 * Over stdio, a message with a bad header (a missing or wrong Content-Length) leaves the stream out
 * of step: what follows can no longer be framed, and the server would wait forever. It says so on
 * stderr and exits, and the client starts it again in step.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  // How long the rest of an announced message may take; tests shorten it.
  reader.partialMessageTimeout = Number(process.env.PIM_PARTIAL_MESSAGE_TIMEOUT_MS ?? 10_000);
  const exitOutOfStep = (problem: string): never => {
    process.stderr.write(`pim-language-server: ${problem}; the message stream is out of step, so the server exits and the client can start it again.\n`);
    process.exit(1);
  };
  reader.onError((error) => exitOutOfStep(headerProblem(error)));
  reader.onPartialMessage((info) => exitOutOfStep(`a message announced by its Content-Length did not arrive whole within ${info.waitingTime} ms`));
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

/** What was wrong with the header; never the body, which may hold document text. */
function headerProblem(error: unknown): string {
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
  return /Content-Length|header/i.test(text) ? `a message had a bad header (${text})` : 'a message could not be decoded (its Content-Length may be wrong)';
}
