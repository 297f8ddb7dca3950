/** Node entry of pim-language-server: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { bundledKnowledge } from './bundled-knowledge';
import { defaultRuleDocsDir, startServer } from './lsp/server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: pim-language-server [--stdio | --node-ipc | --socket=<port>]\nThe PIM language server speaks LSP; without a transport it uses --stdio.\n');
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`pim-language-server ${bundledKnowledge().version}\n`);
} else {
  if (!args.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) process.argv.push('--stdio');
  const connection = createConnection(ProposedFeatures.all);
  // Logs go to the client's output channel, never to stdout, which carries the protocol.
  console.log = (...parts: unknown[]) => connection.console.log(parts.map(String).join(' '));
  console.error = (...parts: unknown[]) => connection.console.error(parts.map(String).join(' '));
  process.on('uncaughtException', (error) => connection.console.error(`pim: unexpected error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`pim: unhandled rejection: ${String(reason)}`));
  startServer(connection, { loadKnowledge: bundledKnowledge, ruleDocsDir: defaultRuleDocsDir(__dirname) });
  connection.listen();
}
