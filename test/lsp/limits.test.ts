/** The language server and the size limit: the setting pim.maxDocumentSize, and maxDocumentSize in .pimrc.json winning over it. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startTestClient, type TestClient } from '../helpers/lsp-client';
import { tempWorkspace } from '../helpers/temp-workspace';

const SOP = `---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Purpose\n\n${'The service directory lists the focal points of each service provider. '.repeat(40)}\n`;
const ws = tempWorkspace({ 'docs/sop.md': SOP, 'strict/.pimrc.json': '{ "maxDocumentSize": 1000 }', 'strict/sop.md': SOP });
const uri = (path: string): string => pathToFileURL(join(ws.root, path)).href;
const declined = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.length === 1 && diagnostics[0]?.code === 'document-declined';

let client: TestClient;
before(async () => {
  client = await startTestClient(pathToFileURL(ws.root).href);
});
after(async () => {
  await client.stop();
  ws.dispose();
});

test('a document above pim.maxDocumentSize gets one diagnostic with its size, the limit and how to raise it; raising the setting checks it', async () => {
  client.settings = { enable: true, debounceMs: 20, maxDocumentSize: 2048 };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  client.open(uri('docs/sop.md'), SOP);
  const [diagnostic] = await client.diagnostics(uri('docs/sop.md'), declined);
  assert.match(diagnostic?.message ?? '', /^This document is 2\.\d KB, more than the 2 KB that PIM Language Tools checks, so it was not checked; .*\(in bytes, now 2,048\) or the setting pim\.maxDocumentSize\.$/);
  client.settings = { enable: true, debounceMs: 20 };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const checked = await client.diagnostics(uri('docs/sop.md'), (d) => d.length > 0 && !d.some((x) => x.code === 'document-declined'));
  assert.ok(checked.some((d) => d.code === 'principle-unaddressed'));
});

test('maxDocumentSize in .pimrc.json wins over the setting', async () => {
  client.settings = { enable: true, debounceMs: 20, maxDocumentSize: 100 * 1024 * 1024 };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  client.open(uri('strict/sop.md'), SOP);
  const [diagnostic] = await client.diagnostics(uri('strict/sop.md'), declined);
  assert.match(diagnostic?.message ?? '', /more than the 1,000 bytes that PIM Language Tools checks/);
});

test('an invalid pim.maxDocumentSize is reported once and the default applies', async () => {
  client.settings = { enable: true, debounceMs: 20, maxDocumentSize: '5 MB' };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  client.open(uri('docs/other.md'), SOP);
  await client.diagnostics(uri('docs/other.md'), (d) => d.length > 0 && !declined(d));
  assert.ok(client.shownMessages.some((m) => m.includes('The setting pim.maxDocumentSize is "5 MB", which is not a whole number of bytes')));
});
