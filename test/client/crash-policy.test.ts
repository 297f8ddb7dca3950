import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrashPolicy } from '../../client/src/crash-policy';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('a crash restarts the server and is told once; later crashes restart it silently', () => {
  const time = clock();
  const policy = new CrashPolicy(3, 60_000, time.now);
  assert.deepEqual(policy.serverClosed(), { restart: true, notice: 'restarted' });
  time.advance(1_000);
  assert.deepEqual(policy.serverClosed(), { restart: true });
  assert.deepEqual(policy.serverClosed(), { restart: true });
});

test('after too many crashes in the window the server stays stopped, said once, with no loop of messages', () => {
  const time = clock();
  const policy = new CrashPolicy(3, 60_000, time.now);
  const decisions = Array.from({ length: 10 }, () => {
    time.advance(100);
    return policy.serverClosed();
  });
  assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, false, false, false, false, false, false, false]);
  assert.deepEqual(decisions.map((d) => d.notice).filter(Boolean), ['restarted', 'gave-up']);
});

test('crashes far apart never stop the server', () => {
  const time = clock();
  const policy = new CrashPolicy(3, 60_000, time.now);
  for (let i = 0; i < 20; i++) {
    time.advance(30_000);
    assert.equal(policy.serverClosed().restart, true);
  }
});

test('a restart by hand starts the count again and the next crash is told again', () => {
  const time = clock();
  const policy = new CrashPolicy(1, 60_000, time.now);
  policy.serverClosed();
  assert.deepEqual(policy.serverClosed(), { restart: false, notice: 'gave-up' });
  policy.reset();
  assert.deepEqual(policy.serverClosed(), { restart: true, notice: 'restarted' });
});
