import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeWord, tokenize } from '../../server/src/engine/text/normalize';

/** What `tokenize` stands for: the runs of letters and digits that the regular expression finds. */
function byExpression(text: string, offset: number): { norm: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ norm: normalizeWord(m[0]), start: offset + m.index, end: offset + m.index + m[0].length }));
}

const characters = fc.oneof(
  fc.constantFrom(' ', '-', "'", '’', '.', '\n', 'a', 'Z', '0', 'é', 'ß', 'ع', '٣', '中', '\u0301', '\u00a0', '\ud835\udc00', '\ud83d\ude00', '\ud800', '\udc00', '_'),
  fc.string({ unit: 'binary', maxLength: 1 }),
);

test('tokenize finds the words /[\\p{L}\\p{N}]+/u finds, with the same offsets, in any text', () => {
  fc.assert(
    fc.property(fc.array(characters, { maxLength: 40 }).map((parts) => parts.join('')), fc.nat({ max: 1000 }), (text, offset) => {
      assert.deepEqual(
        tokenize(text, offset).map(({ norm, start, end }) => ({ norm, start, end })),
        byExpression(text, offset),
      );
    }),
    { numRuns: 2000 },
  );
});

test('words split at punctuation, spaces and lone surrogates, and keep letters outside the first plane', () => {
  assert.deepEqual(tokenize("Data-sharing: l'évaluation 𝐀bc \ud800x").map((t) => t.start), [0, 5, 14, 16, 27, 33]);
});
