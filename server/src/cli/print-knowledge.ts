import type { Knowledge } from '../service/index';

/**
 * The knowledge base as one JSON document. The top-level keys principles, steps (each with
 * substeps), categories, glossary and documentKinds are a contract: every item in them has
 * id, names (by language code) and source.
 */
export function knowledgeAsJson(k: Knowledge): string {
  const f = k.files;
  return JSON.stringify(
    {
      version: k.version,
      locales: k.locales,
      principles: k.principles,
      steps: k.steps,
      categories: k.categories,
      matrixRows: k.matrixRows,
      glossary: k.terms,
      documentKinds: k.kinds,
      dataSharingRequirements: k.requirements,
      process: { stepsArePrescriptive: f['process.json'].stepsArePrescriptive, substepsArePrescriptive: f['process.json'].substepsArePrescriptive, note: k.prescriptiveNote, source: f['process.json'].source },
      sources: [...k.sources.values()],
    },
    null,
    2,
  );
}
