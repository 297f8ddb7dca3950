/** A malformed message over stdio: the server says so on stderr and exits, so that the client restarts it, instead of hanging. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.cjs');
const EXIT_WAIT_MS = 10_000;

/** Starts the server, writes raw bytes to it, and resolves with its exit code and stderr, or rejects after a timeout. */
function sendRaw(bytes: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PIM_PARTIAL_MESSAGE_TIMEOUT_MS: '300' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  child.stdin.write(bytes);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server neither exited nor answered within ${EXIT_WAIT_MS} ms after ${JSON.stringify(bytes)}; stderr: ${stderr}`));
    }, EXIT_WAIT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

for (const [name, bytes] of [
  ['a Content-Length that is not a number', `Content-Length: ten\r\n\r\n${initialize}`],
  ['no Content-Length at all', `Content-Type: application/json\r\n\r\n${initialize}`],
  ['a Content-Length shorter than the message', `Content-Length: 12\r\n\r\n${initialize}`],
  ['a Content-Length longer than what arrives', `Content-Length: ${initialize.length + 500}\r\n\r\n${initialize}`],
] as const) {
  test(`${name}: the server logs the problem on stderr and exits with 1`, async () => {
    const { code, stderr } = await sendRaw(bytes);
    assert.equal(code, 1);
    assert.match(stderr, /pim-language-server: .+; the message stream is out of step, so the server exits and the client can start it again\./);
    assert.doesNotMatch(stderr, /jsonrpc|initialize/, 'the message body is never logged');
  });
}
