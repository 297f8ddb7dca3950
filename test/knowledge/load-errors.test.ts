/** The loader names the file and JSON path of each problem, so a contributor can fix data without reading code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeFiles, knowledgeSchema } from '../../server/src/bundled-knowledge';
import { loadKnowledge, KnowledgeError } from '../../server/src/engine/knowledge/load';

type Mutable = Record<string, any>;

function problemsAfter(mutate: (files: Mutable) => void): string[] {
  const files = structuredClone(knowledgeFiles) as Mutable;
  mutate(files);
  try {
    loadKnowledge(files, knowledgeSchema);
  } catch (error) {
    assert.ok(error instanceof KnowledgeError, String(error));
    return [...error.problems];
  }
  return [];
}

test('the shipped files load without problems', () => {
  assert.deepEqual(problemsAfter(() => {}), []);
});

test('a missing translation is reported with file and path', () => {
  const problems = problemsAfter((f) => delete f['glossary.json'].terms[41].names.fr);
  assert.deepEqual(problems, ['glossary.json: terms[41].names.fr: missing']);
});

test('a missing Arabic principle name is reported', () => {
  const problems = problemsAfter((f) => delete f['principles.json'].principles[2].names.ar);
  assert.deepEqual(problems, ['principles.json: principles[2].names.ar: missing']);
});

test('an id that is not kebab-case is reported', () => {
  const problems = problemsAfter((f) => (f['categories.json'].categories[0].id = 'Population Data'));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^categories\.json: categories\[0\]\.id: "Population Data" does not match the pattern/);
});

test('an unknown property is reported with what is allowed', () => {
  const problems = problemsAfter((f) => (f['glossary.json'].terms[0].definiton = { en: 'typo' }));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^glossary\.json: terms\[0\]\.definiton: unexpected property \(allowed: id, names,/);
});

test('duplicate ids are reported', () => {
  const problems = problemsAfter((f) => (f['glossary.json'].terms[1].id = f['glossary.json'].terms[0].id));
  assert.ok(problems.some((p) => /^glossary\.json: terms\[1\]\.id: duplicate id/.test(p)), problems.join('\n'));
});

test('a reference that does not resolve is reported', () => {
  const problems = problemsAfter((f) => f['glossary.json'].terms[3].related.push('principle:do-no-ham'));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^glossary\.json: terms\[3\]\.related\[\d+\]: unknown reference "principle:do-no-ham"$/);
});

test('a document kind pointing at an unknown sub-step is reported', () => {
  const problems = problemsAfter((f) => (f['document-kinds.json'].kinds[0].sections[0].substeps = ['collect-dat']));
  assert.deepEqual(problems, ['document-kinds.json: kinds[0].sections[0].substeps[0]: unknown sub-step "collect-dat"']);
});

test('an alias shared by two items in one language is reported', () => {
  const problems = problemsAfter((f) => f['glossary.json'].terms[5].aliases.fr.push(f['principles.json'].principles[1].names.fr));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^glossary\.json: terms\[5\] \(fr\): ".+" is also a name or alias of principle:do-no-harm/);
});

test('a source that cites nothing known is reported', () => {
  const problems = problemsAfter((f) => (f['glossary.json'].terms[7].source = 'somewhere on the web'));
  assert.deepEqual(problems, ['glossary.json: terms[7].source: cites no source listed in meta.json ("somewhere on the web"); name a source id such as S001 or TEAM']);
});

test('a missing file is reported by name', () => {
  const problems = problemsAfter((f) => delete f['lexicon.json']);
  assert.deepEqual(problems, ['lexicon.json: missing']);
});

test('the build gate: check-knowledge fails on a knowledge folder with a problem, naming the file and path', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pim-knowledge-'));
  try {
    cpSync(join(import.meta.dirname, '..', '..', 'server', 'knowledge'), folder, { recursive: true });
    const glossary = JSON.parse(readFileSync(join(folder, 'glossary.json'), 'utf8'));
    delete glossary.terms[0].names.fr;
    writeFileSync(join(folder, 'glossary.json'), JSON.stringify(glossary));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'scripts', 'check-knowledge.ts'), folder], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /glossary\.json: terms\[0\]\.names/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
