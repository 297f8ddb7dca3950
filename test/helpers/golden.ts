/**
 * Golden files of our own (node:test snapshots need Node 22): compare, or rewrite when
 * UPDATE_GOLDEN=1 is set. A missing golden file fails unless it is being written.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const UPDATING = process.env.UPDATE_GOLDEN === '1';

export function assertGolden(path: string, actual: string): void {
  if (UPDATING) {
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${path} does not exist; run UPDATE_GOLDEN=1 npm test to create it, then review it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${path} differs; if the change is intended, run UPDATE_GOLDEN=1 npm test and review the diff`);
}
