/** A server that dies: the waits of a client fail at once with the reason, instead of hanging until a timeout. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestClient } from '../helpers/lsp-client';

const SOP = '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n';

test('when the server process is killed, the client notices the exit and pending waits report it', async () => {
  const client = await startTestClient();
  client.open('untitled:sop', SOP);
  assert.ok((await client.diagnostics('untitled:sop')).length > 0);
  const pending = client.diagnostics('untitled:never', () => true);
  process.kill(client.pid, 'SIGKILL');
  await assert.rejects(pending, /the server exited \(code null\) while diagnostics for untitled:never were awaited/);
  assert.equal(await client.exited, null);
  await assert.rejects(client.diagnostics('untitled:other'), /the server has exited/);
  await client.stop();
});

test('a wait for diagnostics that never come fails with a clear message after its timeout', async () => {
  const client = await startTestClient();
  try {
    await assert.rejects(client.diagnostics('untitled:never-opened', () => true, 200), /no diagnostics for untitled:never-opened passed the check within 200 ms; the last ones published: none/);
  } finally {
    await client.stop();
  }
});

// This file once outlived its tests in CI until the runner's timeout. If it does again, say what
// keeps it alive and fail now, instead of a bare timeout two minutes later.
after(() => {
  setTimeout(() => {
    const handles = (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles().map((h) => h.constructor.name);
    process.stderr.write(`crash.test.ts: still running 10 s after its tests; open handles: ${handles.join(', ')}\n`);
    process.exit(1);
  }, 10_000).unref();
});
