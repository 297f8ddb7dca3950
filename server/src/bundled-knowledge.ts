/**
 * The knowledge base shipped with the tools. The JSON files are imported statically so that
 * esbuild inlines them: the server, the CLI and a future browser build start without reading
 * the file system, and the files in server/knowledge/ stay the single source.
 */
import { indexKnowledge, type Knowledge } from './engine/knowledge/load';
import type { JsonSchema } from './engine/json-schema';
import schema from '../knowledge/knowledge.schema.json';
import meta from '../knowledge/meta.json';
import principles from '../knowledge/principles.json';
import process from '../knowledge/process.json';
import categories from '../knowledge/categories.json';
import glossary from '../knowledge/glossary.json';
import documentKinds from '../knowledge/document-kinds.json';
import dataSharing from '../knowledge/data-sharing.json';
import lexicon from '../knowledge/lexicon.json';
import messages from '../knowledge/messages.json';
import calibration from '../knowledge/calibration.json';
import laws from '../knowledge/laws.json';
import checks from '../knowledge/checks.json';

export const knowledgeFiles: Readonly<Record<string, unknown>> = {
  'meta.json': meta,
  'principles.json': principles,
  'process.json': process,
  'categories.json': categories,
  'glossary.json': glossary,
  'document-kinds.json': documentKinds,
  'data-sharing.json': dataSharing,
  'lexicon.json': lexicon,
  'messages.json': messages,
  'calibration.json': calibration,
  'laws.json': laws,
  'checks.json': checks,
};

export const knowledgeSchema = schema as unknown as JsonSchema;

let cached: Knowledge | undefined;

/**
 * Indexed once per process. The files were validated (schema and integrity) when the bundle was
 * built — `npm run build` runs `scripts/check-knowledge.ts` first and stops on a problem — so
 * start-up does not validate them again.
 */
export function bundledKnowledge(): Knowledge {
  cached ??= indexKnowledge(knowledgeFiles);
  return cached;
}
