/**
 * npm run fit -- <corpus folder> [--write] [--folds N]: fits the numbers of calibration.json to the
 * expert tables of the folder and prints the figures on the whole corpus and in k-fold
 * cross-validation by document:
 *  - coverage weights, thresholds and per-item offsets, from ground-truth.tsv;
 *  - with findings-truth.tsv and kinds.tsv: the content score from which a section is present, and
 *    the two numbers of kind inference. Section content is scored with the section weights of
 *    calibration.json; --refit-sections replaces them with the coverage weights just fitted (the
 *    section rows are too few to fit weights of their own), so that tuning the coverage judgement
 *    leaves section presence alone until asked.
 * With --write the result is stored in server/knowledge/calibration.json.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { Analysis } from '../server/src/engine/index';
import { bundledKnowledge } from '../server/src/bundled-knowledge';
import type { Calibration } from '../server/src/engine/knowledge/types';
import { parseGroundTruth } from '../server/src/eval/evaluate';
import { parseFindingsTruth, parseKinds } from '../server/src/eval/findings';
import { samplesFrom, fitReport, sectionSamplesFrom, kindSamplesFrom, kindFitReport } from '../server/src/eval/fit-report';

const args = process.argv.slice(2);
const foldsAt = args.indexOf('--folds');
const folds = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
const folder = args.find((a, i) => !a.startsWith('--') && (foldsAt < 0 || i !== foldsAt + 1));
const write = args.includes('--write');
const refitSections = args.includes('--refit-sections');
if (!folder || !Number.isInteger(folds) || folds < 2) {
  console.error('Usage: npm run fit -- <folder with ground-truth.tsv> [--write] [--refit-sections] [--folds N (2 or more, default 5)]');
  process.exit(2);
}
const root = resolve(folder);
const truthPath = join(root, 'ground-truth.tsv');
if (!existsSync(truthPath)) {
  console.error(`${truthPath} does not exist; the folder must hold ground-truth.tsv with columns file, kind, item, label.`);
  process.exit(2);
}
const knowledge = bundledKnowledge();
const truth = parseGroundTruth(readFileSync(truthPath, 'utf8'), truthPath);
const kindsPath = join(root, 'kinds.tsv');
const findingsPath = join(root, 'findings-truth.tsv');
const kinds = existsSync(kindsPath) ? parseKinds(readFileSync(kindsPath, 'utf8'), kindsPath) : undefined;
const analyses = new Map<string, Analysis>();
for (const file of new Set([...truth.map((r) => r.file), ...(kinds?.keys() ?? [])])) {
  const path = join(root, file);
  if (!existsSync(path)) {
    console.error(`skipped: ${file} is named in a table but not in the folder`);
    continue;
  }
  analyses.set(file, new Analysis(readFileSync(path, 'utf8'), knowledge, { treatAsPim: true }));
}
const coverageFit = fitReport(samplesFrom(truth, analyses, knowledge), folds, basename(root));
const sections = refitSections ? { ...knowledge.calibration.sections, weights: coverageFit.calibrated.coverage.weights } : knowledge.calibration.sections;
let calibration: Calibration = { ...knowledge.calibration, coverage: coverageFit.calibrated.coverage, sections, fitted: { coverage: coverageFit.calibrated.fitted } };
let text = coverageFit.text;
if (kinds && existsSync(findingsPath)) {
  const rows = parseFindingsTruth(readFileSync(findingsPath, 'utf8'), findingsPath);
  const kindFit = kindFitReport(sectionSamplesFrom(rows, kinds, analyses, calibration), kindSamplesFrom(kinds, analyses, calibration), folds, calibration);
  calibration = { ...calibration, sections: kindFit.sections, kinds: kindFit.kinds, fitted: { ...calibration.fitted, kinds: kindFit.fitted } };
  text += `\n${kindFit.text}`;
}
process.stdout.write(text);
if (write) {
  const target = join(import.meta.dirname, '..', 'server', 'knowledge', 'calibration.json');
  writeFileSync(target, `${JSON.stringify(calibration, null, 2)}\n`);
  console.log(`\nwrote ${target}`);
}
