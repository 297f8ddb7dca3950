/**
 * npm run fit -- <corpus folder> [--write] [--folds N]: fits the coverage weights and thresholds to
 * <folder>/ground-truth.tsv, prints the figures on the whole corpus and in k-fold cross-validation
 * by document, and with --write stores the result in server/knowledge/calibration.json.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { Analysis } from '../server/src/engine/index';
import { bundledKnowledge } from '../server/src/bundled-knowledge';
import { parseGroundTruth } from '../server/src/eval/evaluate';
import { samplesFrom, fitReport } from '../server/src/eval/fit-report';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const write = args.includes('--write');
const foldsAt = args.indexOf('--folds');
const folds = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
if (!folder || !Number.isInteger(folds) || folds < 2) {
  console.error('Usage: npm run fit -- <folder with ground-truth.tsv> [--write] [--folds N (2 or more, default 5)]');
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
const analyses = new Map<string, Analysis>();
for (const file of new Set(truth.map((r) => r.file))) {
  const path = join(root, file);
  if (!existsSync(path)) {
    console.error(`skipped: ${file} is named in ground-truth.tsv but not in the folder`);
    continue;
  }
  analyses.set(file, new Analysis(readFileSync(path, 'utf8'), knowledge, { treatAsPim: true }));
}
const samples = samplesFrom(truth, analyses, knowledge);
const { calibrated, text } = fitReport(samples, folds, basename(root));
process.stdout.write(text);
if (write) {
  const target = join(import.meta.dirname, '..', 'server', 'knowledge', 'calibration.json');
  const previous = JSON.parse(readFileSync(target, 'utf8'));
  writeFileSync(target, `${JSON.stringify({ ...previous, ...calibrated }, null, 2)}\n`);
  console.log(`\nwrote ${target}`);
}
