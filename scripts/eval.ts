/**
 * npm run eval -- <folder>: accuracy of coverage against <folder>/ground-truth.tsv.
 * The only command that may read a corpus outside the project; it takes the folder as an argument.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analysis } from '../server/src/engine/index';
import { bundledKnowledge } from '../server/src/bundled-knowledge';
import { parseGroundTruth, predict, score, formatScores } from '../server/src/eval/evaluate';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run eval -- <folder with ground-truth.tsv and the documents it names>');
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
const judged = truth.flatMap((row) => {
  const path = join(root, row.file);
  if (!existsSync(path)) {
    console.error(`skipped: ${row.file} is named in ground-truth.tsv but not in the folder`);
    return [];
  }
  let analysis = analyses.get(row.file);
  if (!analysis) {
    analysis = new Analysis(readFileSync(path, 'utf8'), knowledge, { treatAsPim: true });
    analyses.set(row.file, analysis);
  }
  return [{ ...row, predicted: predict(analysis, row) }];
});
process.stdout.write(formatScores(score(judged)));
