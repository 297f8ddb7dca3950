/**
 * `npm run fuzz [-- <cases>]`: the fuzz properties of test/engine/fuzz.test.ts on many more cases
 * (100,000 by default, one in twenty also checked at every offset when small). Prints the figures,
 * the slowest case (written to test-output/fuzz/slowest.md) and, on a failure, the shrunk input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { anyDocument, checkDocument, checkEveryOffset } from '../test/helpers/fuzz-properties';

const cases = Number(process.argv[2] ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const OUT = join(import.meta.dirname, '..', 'test-output', 'fuzz');

let slowest = { ms: 0, text: '' };
let findings = 0;
let characters = 0;
let done = 0;
const started = performance.now();

const property = fc.property(anyDocument, fc.nat({ max: 19 }), (text, draw) => {
  const start = performance.now();
  findings += checkDocument(text).length;
  if (draw === 0 && text.length <= 400) checkEveryOffset(text);
  const ms = performance.now() - start;
  if (ms > slowest.ms) slowest = { ms, text };
  characters += text.length;
  if (++done % 5_000 === 0) process.stderr.write(`  ${done} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
});

console.log(`fuzzing ${cases} cases, seed ${seed} (FUZZ_SEED=${seed} repeats this run)`);
const result = fc.check(property, { numRuns: cases, seed });
const seconds = (performance.now() - started) / 1000;
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'slowest.md'), slowest.text);
console.log(`${result.numRuns} cases in ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, result.numRuns)).toFixed(2)} ms each), ${characters} characters, ${findings} findings`);
console.log(`slowest case: ${slowest.ms.toFixed(1)} ms on ${slowest.text.length} characters, written to ${join('test-output', 'fuzz', 'slowest.md')}`);
if (result.failed) {
  console.log(`FAILED after ${result.numRuns} cases (${result.numShrinks} shrinks): ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`);
  console.log(`counterexample: ${JSON.stringify(result.counterexample)}`);
  process.exit(1);
}
console.log('no property failed');
