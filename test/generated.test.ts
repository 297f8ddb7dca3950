/** Generated files must match their sources: the rule registry and the knowledge base. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles, ROOT } from '../scripts/generated';

for (const [path, expected] of Object.entries(generatedFiles())) {
  test(`${path} is up to date`, () => {
    assert.equal(readFileSync(join(ROOT, path), 'utf8'), expected, `${path} is stale; run npm run generate and commit the result`);
  });
}
