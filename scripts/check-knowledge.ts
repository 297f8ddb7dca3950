/**
 * Validates server/knowledge/*.json and prints every problem with its file and JSON path.
 * Usage: npx tsx scripts/check-knowledge.ts [knowledge folder]
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKnowledge, KnowledgeError } from '../server/src/engine/knowledge/load';
import { KNOWLEDGE_FILE_NAMES } from '../server/src/engine/knowledge/types';
import type { JsonSchema } from '../server/src/engine/json-schema';

const folder = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'server', 'knowledge'));
const files: Record<string, unknown> = {};
const unreadable: string[] = [];
for (const name of KNOWLEDGE_FILE_NAMES) {
  const path = join(folder, name);
  if (!existsSync(path)) continue;
  try {
    files[name] = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    unreadable.push(`${name}: not valid JSON: ${(error as Error).message}`);
  }
}
const schema = JSON.parse(readFileSync(join(folder, 'knowledge.schema.json'), 'utf8')) as JsonSchema;
try {
  if (unreadable.length > 0) throw new KnowledgeError(unreadable);
  const k = loadKnowledge(files, schema);
  console.log(
    `knowledge ${k.version} is valid: ${k.principles.length} principles, ${k.steps.length} steps, ${k.substeps.length} sub-steps, ` +
      `${k.categories.length} categories, ${k.terms.length} terms, ${k.kinds.length} document kinds, ${k.requirements.length} sharing requirements`,
  );
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
