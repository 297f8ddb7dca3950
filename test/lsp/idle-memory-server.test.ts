/**
 * The bundled server gives back the memory that analysing many documents took once they are
 * closed and it is left alone: without the idle collections, V8 keeps the grown heap for as long
 * as nobody types.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startTestClient } from '../helpers/lsp-client';
import { tempWorkspace } from '../helpers/temp-workspace';

const DOCUMENTS = 300;
/** The idle collections end 12.5 s into a quiet stretch; this leaves the machine room. */
const SETTLE_TIMEOUT_MS = 30_000;

const sop = (i: number): string => `---\npim:\n  kind: referral-sop\n---\n# Referral SOP ${i}\n\n## Purpose\n\nThis SOP ${i} gets survivors to the services they need, with their informed consent.\n\n${Array.from({ length: 30 }, (_, j) => `## Step ${j}\n\nThe focal point ${j} records consent on the referral form and keeps it on the encrypted server for ${j} months.\n`).join('\n')}`;

function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
  return Number(line?.replace(/\D+/g, '') ?? NaN) / 1024;
}

test('after many documents are closed, the idle server gives back at least half of what they took', async () => {
  const ws = tempWorkspace({});
  const client = await startTestClient(pathToFileURL(ws.root).href);
  client.settings = { enable: true, debounceMs: 0 };
  try {
    const idle = rssMB(client.pid);
    const uris = Array.from({ length: DOCUMENTS }, (_, i) => pathToFileURL(`${ws.root}/sop-${i}.md`).href);
    uris.forEach((uri, i) => client.open(uri, sop(i)));
    await Promise.all(uris.map((uri) => client.diagnostics(uri, (_, version) => version === 1, 120_000)));
    const open = rssMB(client.pid);
    assert.ok(open - idle > 40, `opening ${DOCUMENTS} documents took ${(open - idle).toFixed(0)} MB, too little to tell a collection from noise`);
    for (const uri of uris) client.close(uri);
    const bar = idle + (open - idle) / 2;
    let now = rssMB(client.pid);
    for (const started = Date.now(); now > bar && Date.now() - started < SETTLE_TIMEOUT_MS; now = rssMB(client.pid)) await new Promise((done) => setTimeout(done, 250));
    assert.ok(now <= bar, `RSS was ${idle.toFixed(0)} MB idle, ${open.toFixed(0)} MB with the documents open, and still ${now.toFixed(0)} MB ${SETTLE_TIMEOUT_MS / 1000} s after closing them (at most ${bar.toFixed(0)} MB expected)`);
  } finally {
    await client.stop();
    ws.dispose();
  }
});
