/**
 * The server gives memory back when idle (server/src/idle-memory.ts): when the heap it collects,
 * and when it leaves the heap alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdleCollector } from '../../server/src/idle-memory';

const MB = 2 ** 20;

/** A heap of `size` MB whose collections leave `live` MB, and a loop busy as each look says. */
function fakeServer(size: number, live: number) {
  const server = { size, live, busy: 0, collections: 0 };
  const collector = new IdleCollector({
    collect: () => {
      server.collections++;
      server.size = server.live;
    },
    heapSize: () => server.size * MB,
    busyShare: () => server.busy,
  });
  /** Looks `count` times; the looks (1-based) at which it collected. */
  const looks = (count: number): number[] => {
    const at: number[] = [];
    for (let i = 1; i <= count; i++) if (collector.look()) at.push(i);
    return at;
  };
  return { server, looks };
}

test('a heap grown past its size at rest is collected after 1.5 s of quiet, three times more, then left alone', () => {
  const { server, looks } = fakeServer(10, 10);
  server.size = 200;
  server.live = 30;
  assert.deepEqual(looks(40), [3, 5, 13, 25]);
  assert.equal(server.size, 30);
});

test('a busy server is never collected, and each busy moment starts the quiet over', () => {
  const { server, looks } = fakeServer(10, 10);
  server.size = 200;
  server.busy = 0.8;
  assert.deepEqual(looks(40), []);
  server.busy = 0;
  assert.deepEqual(looks(2), []);
  server.busy = 0.5;
  assert.deepEqual(looks(1), []);
  server.busy = 0;
  assert.deepEqual(looks(3), [3], 'the quiet counts from the last busy look');
});

test('a heap that grew less than 16 MB since the last rest is left alone', () => {
  const { server, looks } = fakeServer(20, 20);
  server.size = 30;
  assert.deepEqual(looks(40), []);
  assert.equal(server.collections, 0);
});

test('small growths do not move the size at rest: their sum past 16 MB is collected', () => {
  const { server, looks } = fakeServer(20, 20);
  const collected: number[][] = [];
  for (const size of [30, 34, 38]) {
    server.size = size;
    collected.push(looks(30));
    server.busy = 1;
    looks(1);
    server.busy = 0;
  }
  assert.deepEqual(collected, [[], [], [3, 5, 13, 25]]);
});

test('what the collections leave is the new size at rest', () => {
  const { server, looks } = fakeServer(10, 10);
  server.size = 100;
  server.live = 60;
  assert.deepEqual(looks(30), [3, 5, 13, 25]);
  server.busy = 1;
  looks(1);
  server.busy = 0;
  server.size = 70;
  assert.deepEqual(looks(30), [], '60 MB left at rest and 10 MB of growth: nothing to collect');
  server.busy = 1;
  looks(1);
  server.busy = 0;
  server.size = 80;
  assert.deepEqual(looks(30), [3, 5, 13, 25]);
});
