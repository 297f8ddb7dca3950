/** Writes the generated files (see scripts/generated.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles, ROOT } from './generated';

for (const [path, content] of Object.entries(generatedFiles())) {
  writeFileSync(join(ROOT, path), content);
  console.log(`wrote ${path}`);
}
