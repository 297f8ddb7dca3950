/**
 * Every regular expression of the engine runs in linear time on adversarial input. The test finds
 * them in the source (so a new one is covered the day it is written), runs each on strings built
 * from the worst cases of such patterns, and compares a size with four times that size. The engine
 * functions that replaced super-linear patterns (sentence search, the word being completed) and
 * whole analyses of adversarial documents are timed too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { analyze, completeAt } from '../../server/src/engine/index';
import { sentenceAround } from '../../server/src/engine/text/sentences';
import { knowledge } from '../helpers/knowledge';

const ROOT = join(import.meta.dirname, '..', '..');
const ENGINE = join(ROOT, 'server', 'src', 'engine');
const SIZE = 25_000;
/** Generous, for a loaded machine: a linear pattern takes a few milliseconds on 100 KB, a quadratic one seconds. */
const MAX_MS_AT_4X = 1_000;
const MAX_MS_AT_1X = 250;

/** Pieces that make patterns backtrack: runs of one class, near-misses, unclosed openers. */
const PIECES = [
  'a', ' ', '\t', '\n', '\r\n', '1', '0', '#', '.', '-', '+1', '1.', '1.2345', '1.2345 ', '°', '<a', '<a ', '</a', '<!--', '<?', '<![CDATA[', '{{', '{%', '{#',
  '[', '[a', '[^a', ']', 'a@', '@a', 'a.', '.a', 'a-', '`', '```', '~', '*', '_', '\\', '"', "'", ':', 'a:', 'pim ', 'é\u0301', '👩', 'pim-disable ', ' a=b', ' a="b', '|',
];
const ENDINGS = ['', '@', '!', 'x', '\u0000', '>'];
/** The start of a match, then a long run that the rest of the pattern may split in many ways. */
const PREFIXES = ['12.3456', '12°', '<a', 'a@', '+1 ', '# ', '<!-- pim-disable', '[a'];
const RUNS = [' ', '\t', '\n', '1', 'a', '.', '-', '#'];

/** Every family of adversarial input, as a function of its size. */
const FAMILIES: readonly ((size: number) => string)[] = [
  ...PIECES.flatMap((piece) => ENDINGS.map((ending) => (size: number) => piece.repeat(Math.ceil(size / piece.length)) + ending)),
  ...PREFIXES.flatMap((prefix) => RUNS.map((run) => (size: number) => `${prefix}${run.repeat(size)}x`)),
];

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Runs a pattern as the engine does: every match of a global one, the first of the others. */
function exercise(pattern: RegExp, input: string): void {
  if (pattern.global) for (const _ of input.matchAll(pattern));
  else pattern.exec(input);
}

/** The best of up to three runs, stopping at the first under `bound`: a pause of the machine is not the pattern's cost. */
function fastest(run: (input: string) => void, input: string, bound: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best >= bound; attempt++) best = Math.min(best, time(() => run(input)));
  return best;
}

/** Fails fast: a cubic pattern is caught on a probe of 1,000 characters, a quadratic one at the small size, before the large one takes minutes. */
function assertLinear(name: string, make: (size: number) => string, run: (input: string) => void): void {
  const describe = (input: string, ms: number) => `${name}: ${ms.toFixed(1)} ms on ${input.length} characters (${JSON.stringify(input.slice(0, 24))}…)`;
  const probe = make(SIZE / 25);
  const probeMs = fastest(run, probe, MAX_MS_AT_1X / 2);
  assert.ok(probeMs < MAX_MS_AT_1X / 2, describe(probe, probeMs));
  const small = make(SIZE);
  const smallMs = fastest(run, small, MAX_MS_AT_1X);
  assert.ok(smallMs < MAX_MS_AT_1X, describe(small, smallMs));
  // Linear is 4 times, quadratic 16: the slack absorbs the noise of runs that take a millisecond.
  const largeBound = Math.min(MAX_MS_AT_4X, 8 * smallMs + 50);
  const large = make(SIZE * 4);
  const largeMs = fastest(run, large, largeBound);
  assert.ok(largeMs < largeBound, `${describe(large, largeMs)}, after ${smallMs.toFixed(1)} ms on a quarter of it`);
}

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? engineFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface FoundPattern {
  readonly where: string;
  readonly pattern: RegExp;
}

/** Regular expression literals, and the arguments of `new RegExp(...)`, of every engine file. */
function enginePatterns(): { literals: FoundPattern[]; constructed: string[] } {
  const literals: FoundPattern[] = [];
  const constructed: string[] = [];
  for (const file of engineFiles(ENGINE)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const where = `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf('/');
        literals.push({ where, pattern: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        constructed.push(`${relative(ROOT, file)}: new RegExp(${node.arguments?.map((a) => a.getText(source)).join(', ')})`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructed };
}

/** `new RegExp` is used only to copy a literal tested here, or for the patterns of the project's own schemas. */
const CONSTRUCTED = new Map([
  ['server/src/engine/text/sentences.ts: new RegExp(separate ? END : END_IN_PARAGRAPH)', 'copies of literals of the same file'],
  ["server/src/engine/json-schema.ts: new RegExp(pattern, 'u')", 'the patterns of knowledge.schema.json and pimrc.schema.json, tested below'],
]);

test('every regular expression literal of the engine is linear on adversarial input', () => {
  const { literals } = enginePatterns();
  assert.ok(literals.length > 30, `found ${literals.length} literals`);
  for (const { where, pattern } of literals) {
    for (const family of FAMILIES) assertLinear(`${where} ${pattern}`, family, (input) => exercise(new RegExp(pattern), input));
  }
});

test('the known worst cases: e-mail, GPS, HTML tags, heading hashes', () => {
  const worst: [string, (size: number) => string][] = [
    ['e-mail: a run of local-part characters, then @', (n) => `${'a'.repeat(n)}@`],
    ['GPS: a coordinate, then a long run of spaces', (n) => `12.3456${' '.repeat(n)}x`],
    ['GPS: coordinates separated by too much space', (n) => '12.3456     '.repeat(n / 12)],
    ['HTML: tags that never close', (n) => '<a b'.repeat(n / 4)],
    ['heading: hashes and spaces before the last word', (n) => `# ${'# '.repeat(n / 2)}x`],
  ];
  for (const [name, make] of worst) {
    assertLinear(name, make, (input) => analyze(`---\npim:\n  kind: report\n---\n# Report\n\n${input}\n`, knowledge));
  }
});

test('every `new RegExp` copies a tested literal or compiles a schema pattern, and the schema patterns are linear', () => {
  const { constructed } = enginePatterns();
  for (const call of constructed) assert.ok(CONSTRUCTED.has(call), `${call} is not covered: add adversarial inputs for it here`);
  const schemas = ['server/knowledge/knowledge.schema.json', 'server/schemas/pimrc.schema.json'].map((path) => readFileSync(join(ROOT, path), 'utf8'));
  const patterns = schemas.flatMap((schema) => [...schema.matchAll(/"pattern":\s*("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1] as string) as string));
  for (const source of patterns) {
    for (const family of FAMILIES) assertLinear(`schema pattern ${source}`, family, (input) => new RegExp(source, 'u').test(input));
  }
});

test('sentence search and the word being completed cost no more on a long line', () => {
  const phrase = 'informed consent is sought from every respondent ';
  assertLinear(
    'sentence search at every hit of a line without full stops',
    (size) => phrase.repeat(size / phrase.length),
    (line) => {
      for (let offset = 0; offset < line.length; offset += phrase.length) sentenceAround(line, { start: 0, end: line.length }, offset);
    },
  );
  assertLinear(
    'completion at the end of a long line of letters',
    (size) => `---\npim:\n  kind: report\n---\n# Report\n\n${'a'.repeat(size)}`,
    (text) => completeAt(analyze(text, knowledge).analysis, text.length),
  );
  assertLinear(
    'a whole analysis of one long line of PIM phrases',
    (size) => `---\npim:\n  kind: report\n---\n# Report\n\n${phrase.repeat(size / phrase.length)}\n`,
    (text) => analyze(text, knowledge),
  );
});
