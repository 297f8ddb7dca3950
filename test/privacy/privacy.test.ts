/**
 * Privacy, end to end. The server through a full LSP session and the CLI over a folder run with a
 * preload that makes every network call throw and records it: none may happen. A document with
 * a unique marker (a fake phone number and an invented word) is linted with tracing on: the marker
 * may reach the findings, and nowhere else (logs, traces, messages, stderr).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestClient, type TestClient } from '../helpers/lsp-client';
import { tempWorkspace } from '../helpers/temp-workspace';

const ROOT = join(import.meta.dirname, '..', '..');
const PRELOAD = join(import.meta.dirname, 'no-network.cjs');
const SERVER = join(ROOT, 'dist', 'server.cjs');
const CLI = join(ROOT, 'bin', 'pim-lint.cjs');
const PHONE = '+44 20 7946 0321';
const WORD = 'Quorvexilian';

const DOCUMENT = `---
pim:
  kind: referral-sop
  staus: draft
---
# Referral SOP

## Purpose

Call ${PHONE} and ask for ${WORD} on WhatsApp before any referral. TODO
`;

function tripwire(dir: string) {
  const log = join(dir, 'network.log');
  const active = join(dir, 'preload-active');
  return { env: { ...process.env, PIM_NETWORK_LOG: log, PIM_NETWORK_ACTIVE: active }, attempts: () => (existsSync(log) ? readFileSync(log, 'utf8') : ''), active: () => existsSync(active) };
}

/** Every request a user's editor sends, on a PIM document and on the workspace. */
async function fullSession(client: TestClient, uri: string): Promise<void> {
  client.open(uri, DOCUMENT);
  await client.diagnostics(uri, (d) => d.length > 0);
  const at = { textDocument: { uri }, position: { line: 9, character: 10 } };
  await client.connection.sendRequest('textDocument/hover', at);
  await client.connection.sendRequest('textDocument/completion', at);
  await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  await client.connection.sendRequest('textDocument/codeAction', { ...at, range: { start: at.position, end: at.position }, context: { diagnostics: [] } });
  await client.connection.sendRequest('pim/coverage', { uri });
  await client.connection.sendRequest('pim/lintWorkspace', {});
  client.change(uri, 2, [{ text: `${DOCUMENT}\n## Consent\n\nConsent is sought.\n` }]);
  await client.diagnostics(uri, (_, v) => v === 2);
}

test('a full LSP session opens no socket and makes no DNS or HTTP request', async () => {
  const ws = tempWorkspace({ 'docs/sop.md': DOCUMENT, '.pimrc.json': '{ "documents": ["docs/*.md"] }' });
  const wire = tripwire(ws.root);
  const client = await startTestClient(pathToFileURL(ws.root).href, [process.execPath, '--require', PRELOAD, SERVER], wire.env);
  try {
    await fullSession(client, pathToFileURL(join(ws.root, 'docs', 'sop.md')).href);
    await client.stop();
    assert.ok(wire.active(), 'the preload was loaded into the server');
    assert.equal(wire.attempts(), '');
  } finally {
    await client.stop();
    ws.dispose();
  }
});

test('pim-lint over a folder opens no socket and makes no DNS or HTTP request', () => {
  const ws = tempWorkspace({ 'docs/sop.md': DOCUMENT, 'docs/notes.md': '# Notes\n', '.pimrc.json': '{ "rules": { "kind-inferred": "off" } }' });
  const wire = tripwire(ws.root);
  try {
    for (const args of [['docs', '--format', 'sarif'], ['coverage', 'docs', '--format', 'markdown']]) {
      const run = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], { cwd: ws.root, env: wire.env, encoding: 'utf8' });
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
    }
    assert.ok(wire.active(), 'the preload was loaded into the CLI');
    assert.equal(wire.attempts(), '');
  } finally {
    ws.dispose();
  }
});

test('the tripwire catches what it must: a connection attempt is recorded', () => {
  const ws = tempWorkspace({});
  const wire = tripwire(ws.root);
  try {
    spawnSync(process.execPath, ['--require', PRELOAD, '-e', "try { require('node:net').connect(9, '127.0.0.1') } catch {}"], { env: wire.env });
    assert.match(wire.attempts(), /^net\.connect$/m);
  } finally {
    ws.dispose();
  }
});

test('the text of a document reaches its findings only: not the server log, traces, messages or stderr, with tracing on', async () => {
  const ws = tempWorkspace({ 'docs/sop.md': DOCUMENT, '.pimrc.json': '{ "rules": { "no-such-rule": "off" } }' });
  const client = await startTestClient(pathToFileURL(ws.root).href);
  try {
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
    client.settings = { enable: true, debounceMs: 20, rules: { 'empty-section': 'loud' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await fullSession(client, pathToFileURL(join(ws.root, 'docs', 'sop.md')).href);
    assert.ok(client.logs.length > 0, 'the server did log (the invalid settings and .pimrc.json)');
    // With $/setTrace verbose the server sends no $/logTrace of its own; anything it did send is in `traces` and checked too.
    const said = [...client.logs, ...client.shownMessages, ...client.traces, client.stderr()].join('\n');
    assert.ok(!said.includes(PHONE) && !said.includes('7946') && !said.includes(WORD), said.split('\n').find((l) => l.includes(WORD) || l.includes('7946')));
  } finally {
    await client.stop();
    ws.dispose();
  }
});

test('pim-lint prints the document text in no stderr line, whatever the format', () => {
  const ws = tempWorkspace({ 'docs/sop.md': DOCUMENT });
  try {
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'codequality']) {
      const run = spawnSync(process.execPath, [CLI, 'docs', '--format', format, '--max-warnings', '0'], { cwd: ws.root, encoding: 'utf8' });
      assert.match(run.stderr, /more than the 0 that --max-warnings allows/, `${format}: the run had something to say on stderr`);
      assert.ok(!run.stderr.includes(WORD) && !run.stderr.includes('7946'), `${format}: ${run.stderr}`);
      assert.ok(!run.stdout.includes(WORD), `${format}: findings quote no document text`);
    }
  } finally {
    ws.dispose();
  }
});
