/**
 * The language server's parsing thread (dist/parse-worker.cjs, built by `npm test`): a long chunk
 * parsed there gives the tree the parser gives in place, and the service's findings are the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze, parseAnswer } from '../../server/src/engine/index';
import { nodeHost, nodeScheduler } from '../../server/src/node-host';
import { createPimService } from '../../server/src/service/service';
import { knowledge } from '../helpers/knowledge';

const WORKER = join(import.meta.dirname, '..', '..', 'dist', 'parse-worker.cjs');
const item = (i: number): string => `- Focal point ${i}: consent is sought before any referral; records are kept on the encrypted server.\n`;
/** One list of 40 KB: one chunk (no cut is safe inside a list), long enough to be parsed in the thread. */
const SOP = `---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n${Array.from({ length: 400 }, (_, i) => item(i)).join('')}\nWhatsApp groups are used to share the case lists with personal data.\n`;

test('a text parsed in the thread gives the tree parsed in place', async () => {
  const scheduler = nodeScheduler(WORKER);
  assert.ok(scheduler.parse, 'no parsing thread: is dist/parse-worker.cjs built?');
  assert.ok(SOP.length >= (scheduler.parseElsewhereFrom ?? Infinity));
  assert.deepEqual(await scheduler.parse(SOP), parseAnswer(SOP));
});

test('the service with the parsing thread reports what the engine reports in place', async () => {
  const uri = 'file:///nowhere/sop.md';
  const threaded = nodeScheduler(WORKER);
  let parsedInThread = 0;
  const scheduler = { ...threaded, parse: (text: string) => (parsedInThread++, (threaded.parse as NonNullable<typeof threaded.parse>)(text)) };
  const service = createPimService({ knowledge, host: nodeHost({ scheduler }) });
  service.openDocument(uri, 1, SOP);
  const report = await service.report(uri);
  assert.ok(parsedInThread > 0, 'the long chunk was parsed in place');
  const expected = analyze(SOP, knowledge).findings;
  assert.ok(expected.length > 0);
  assert.deepEqual(
    report?.findings.map((f) => [f.ruleId, f.span.start, f.span.end, f.message]),
    expected.map((f) => [f.ruleId, f.span.start, f.span.end, f.message]),
  );
});

test('without its script the scheduler parses in place', () => {
  assert.equal(nodeScheduler(join(WORKER, 'missing.cjs')).parse, undefined);
});
