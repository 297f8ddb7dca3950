/**
 * Long analyses in slices: with a scheduler the service lets other work in between slices, gives
 * the findings an analysis at once gives, shares one run among those who ask meanwhile, and drops
 * a run that a newer version overtakes. The clock is the test's: each reading moves it by 1 ms.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeInSteps } from '../../server/src/engine/index';
import { createPimService } from '../../server/src/service/service';
import type { Scheduler } from '../../server/src/service/host';
import { knowledge } from '../helpers/knowledge';
import { memoryHost } from '../helpers/memory-host';

const URI = 'mem:///w/sop.md';
const section = (n: number): string =>
  `## Step ${n}\n\nCaseworkers record the referral on the form, and informed consent is sought before any information is shared with service provider ${n}.\n\n- The focal point checks the form.\n- The file is stored on the encrypted server.\n`;
const SOP = `---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n${Array.from({ length: 40 }, (_, i) => section(i + 1)).join('\n')}`;

function fakeScheduler(onYield: (count: number) => void = () => {}): Scheduler & { yields: number } {
  let clock = 0;
  const scheduler = {
    yields: 0,
    sliceMs: 5,
    now: () => clock++,
    yield: async () => {
      scheduler.yields++;
      onYield(scheduler.yields);
    },
  };
  return scheduler;
}

function service(scheduler?: Scheduler) {
  const host = memoryHost({});
  return createPimService({ knowledge, host: scheduler ? { ...host, scheduler } : host });
}

test('the engine in steps gives what it gives at once, in more than one step', () => {
  const steps = analyzeInSteps(SOP, knowledge);
  let count = 0;
  let next = steps.next();
  while (!next.done) {
    count++;
    next = steps.next();
  }
  assert.ok(count > 40, `only ${count} steps for 40 sections`);
  assert.deepEqual(next.value.findings, analyze(SOP, knowledge).findings);
});

test('with a scheduler the service yields between slices and reports what it reports without one', async () => {
  const scheduler = fakeScheduler();
  const sliced = service(scheduler);
  const atOnce = service();
  for (const s of [sliced, atOnce]) s.openDocument(URI, 1, SOP);
  const report = await sliced.report(URI);
  assert.ok(scheduler.yields > 3, `yielded ${scheduler.yields} times`);
  assert.deepEqual(report?.findings, (await atOnce.report(URI))?.findings);
  assert.ok((report?.findings.length ?? 0) > 0);
});

test('a hover asked while the lint runs waits for the same run, not a second one', async () => {
  const s = service(fakeScheduler());
  s.openDocument(URI, 1, SOP);
  const [report, hover] = await Promise.all([s.report(URI), s.hover(URI, SOP.indexOf('informed consent') + 3)]);
  assert.ok(report);
  assert.match(hover?.markdown ?? '', /consent/i);
  assert.equal(s.stats().finished, 1);
});

test('a newer version overtakes a running analysis: the old one is dropped and the new one reported', async () => {
  const edited = SOP.replace('# Referral SOP', '# Referral SOP, revised');
  let s: ReturnType<typeof service> | undefined;
  const scheduler = fakeScheduler((count) => {
    if (count === 2) s?.changeDocument(URI, 2, edited);
  });
  s = service(scheduler);
  s.openDocument(URI, 1, SOP);
  const report = await s.report(URI);
  assert.equal(report?.version, 2);
  assert.deepEqual({ finished: s.stats().finished, overtaken: s.stats().overtaken }, { finished: 1, overtaken: 1 });
  const atOnce = service();
  atOnce.openDocument(URI, 2, edited);
  assert.deepEqual(report?.findings, (await atOnce.report(URI))?.findings);
});
