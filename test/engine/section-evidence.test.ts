/** A declared kind collects the evidence of its own sections only: it must be the evidence that collecting every kind's gives them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/index';
import { knowledge } from '../helpers/knowledge';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'documents');

test("one kind's section evidence equals the same sections' evidence in the collection of every kind", () => {
  let compared = 0;
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.md'))) {
    const { analysis } = analyze(readFileSync(join(FIXTURES, name), 'utf8'), knowledge, {});
    for (const kind of knowledge.kinds) {
      const prefix = `section:${kind.id}/`;
      const fromAll = new Map([...analysis.sectionEvidence.items].filter(([ref]) => ref.startsWith(prefix)));
      assert.deepEqual(analysis.sectionEvidenceOf(kind).items, fromAll, `${name}, ${kind.id}`);
      if (fromAll.size > 0) compared++;
    }
  }
  assert.ok(compared >= 20, `only ${compared} comparisons had any evidence`);
});
