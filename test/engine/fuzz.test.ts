/** Property-based fuzzing of the engine on generated Markdown and mutated fixtures; `npm run fuzz` runs the same properties on 100,000 cases. */
import { test } from 'node:test';
import fc from 'fast-check';
import { anyDocument, checkDocument, checkEveryOffset, smallDocument } from '../helpers/fuzz-properties';

test('any document: no throw, ranges inside and on UTF-16 boundaries, deterministic, chunked equals whole', () => {
  fc.assert(fc.property(anyDocument, (text) => void checkDocument(text)), { numRuns: 1_000 });
});

test('small documents: hover and completion at every offset answer without throwing', () => {
  fc.assert(fc.property(smallDocument, checkEveryOffset), { numRuns: 150 });
});
