/**
 * npm run eval -- <folder>: accuracy against the expert tables of a corpus folder.
 *  - ground-truth.tsv: coverage of the PIM Process steps and Principles;
 *  - findings-truth.tsv (with kinds.tsv): what a reviewer must and must not be told, linting each
 *    file with the kind an expert gives it (inferred where the expert says `none`);
 *  - kinds.tsv: the kind inferred from the text alone, against the expert's.
 * The only command that may read a corpus outside the project; it takes the folder as an argument.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analysis, analyze, positionOf, type Finding } from '../server/src/engine/index';
import { bundledKnowledge } from '../server/src/bundled-knowledge';
import { parseGroundTruth, predict, score, formatScores } from '../server/src/eval/evaluate';
import { formatFindingsScore, formatKindScore, parseFindingsTruth, parseKinds, scoreFindings, scoreKinds, type LinedFinding } from '../server/src/eval/findings';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run eval -- <folder with ground-truth.tsv (and optionally findings-truth.tsv and kinds.tsv) and the documents they name>');
  process.exit(2);
}
const root = resolve(folder);
const truthPath = join(root, 'ground-truth.tsv');
if (!existsSync(truthPath)) {
  console.error(`${truthPath} does not exist; the folder must hold ground-truth.tsv with columns file, kind, item, label.`);
  process.exit(2);
}
const knowledge = bundledKnowledge();
const texts = new Map<string, string>();
const textOf = (file: string): string | undefined => {
  if (!texts.has(file)) {
    const path = join(root, file);
    if (!existsSync(path)) {
      console.error(`skipped: ${file} is named in a table but not in the folder`);
      return undefined;
    }
    texts.set(file, readFileSync(path, 'utf8'));
  }
  return texts.get(file);
};

const truth = parseGroundTruth(readFileSync(truthPath, 'utf8'), truthPath);
const analyses = new Map<string, Analysis>();
const judged = truth.flatMap((row) => {
  const text = textOf(row.file);
  if (text === undefined) return [];
  let analysis = analyses.get(row.file);
  if (!analysis) {
    analysis = new Analysis(text, knowledge, { treatAsPim: true });
    analyses.set(row.file, analysis);
  }
  return [{ ...row, predicted: predict(analysis, row) }];
});
const sections = [`# Coverage (ground-truth.tsv)\n\n${formatScores(score(judged))}`];

const kindsPath = join(root, 'kinds.tsv');
const kinds = existsSync(kindsPath) ? parseKinds(readFileSync(kindsPath, 'utf8'), kindsPath) : undefined;
const findingsPath = join(root, 'findings-truth.tsv');
if (existsSync(findingsPath)) {
  const rows = parseFindingsTruth(readFileSync(findingsPath, 'utf8'), findingsPath);
  const byFile = new Map<string, LinedFinding[]>();
  for (const file of new Set(rows.map((r) => r.file))) {
    const text = textOf(file);
    if (text === undefined) continue;
    const kind = kinds?.get(file);
    const { analysis, findings } = analyze(text, knowledge, { treatAsPim: true, ...(kind && kind !== 'none' ? { kind } : {}) });
    byFile.set(file, findings.map((finding: Finding) => ({ finding, line: positionOf(analysis.model, finding.span.start).line })));
  }
  sections.push(`# Findings (findings-truth.tsv${kinds ? ', with the kinds of kinds.tsv' : ''})\n\n${formatFindingsScore(scoreFindings(rows, byFile, knowledge))}`);
}
if (kinds) {
  const inferred = new Map<string, { kind: string; missingSections: number }>();
  for (const file of kinds.keys()) {
    const text = textOf(file);
    if (text === undefined) continue;
    const { analysis, findings } = analyze(text, knowledge, { treatAsPim: true });
    inferred.set(file, { kind: analysis.kind?.id ?? 'none', missingSections: findings.filter((f) => f.ruleId === 'required-section').length });
  }
  sections.push(`# Kinds (kinds.tsv)\n\n${formatKindScore(scoreKinds(kinds, inferred))}`);
}
process.stdout.write(sections.join('\n'));
