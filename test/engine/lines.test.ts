/** Line starts as LSP counts them, on texts with `\n` only (the fast path) and with every kind of line break. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineStartsOf } from '../../server/src/engine/text/lines';

/** Where lines start, read off the pieces a split at every line break leaves. */
function startsBySplitting(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

const piece = (breaks: string[]) => fc.array(fc.constantFrom('a', 'é', ' ', '👩', ...breaks), { maxLength: 60 }).map((parts) => parts.join(''));

test('line starts agree with a split at \\r\\n, \\r and \\n', () => {
  fc.assert(fc.property(fc.oneof(piece(['\n']), piece(['\n', '\r', '\r\n'])), (text) => assert.deepEqual(lineStartsOf(text), startsBySplitting(text))), { numRuns: 2000 });
  assert.deepEqual(lineStartsOf('a\nb\n\nc'), [0, 2, 4, 5]);
  assert.deepEqual(lineStartsOf('a\r\nb\rc\n'), [0, 3, 5, 7]);
  assert.deepEqual(lineStartsOf(''), [0]);
});
