/** Builds the calibration samples from analysed documents, fits them and reports the figures. */
import type { Analysis, Knowledge } from '../engine/index';
import { score, type Judged, type Scores, type TruthRow } from './evaluate';
import { crossValidate, fit, predict, type Calibrated, type Sample } from './fit';

export function samplesFrom(truth: readonly TruthRow[], analyses: ReadonlyMap<string, Analysis>, k: Knowledge): Sample[] {
  return truth.flatMap((row) => {
    const analysis = analyses.get(row.file);
    if (!analysis) return [];
    const refs = refsOf(row, k);
    const evidence = analysis.evidence;
    return [{ file: row.file, item: `${row.kind}:${row.item}`, label: row.label, candidates: refs.map((ref) => evidence.items.get(ref)), refs, document: evidence }];
  });
}

/** A principle, a sub-step, or a step standing for all of its sub-steps. */
function refsOf(row: TruthRow, k: Knowledge): string[] {
  if (row.kind === 'principle') {
    if (!k.principles.some((p) => p.id === row.item)) throw new Error(`ground truth names unknown principle "${row.item}" (file ${row.file})`);
    return [`principle:${row.item}`];
  }
  if (k.substeps.some((s) => s.id === row.item)) return [`substep:${row.item}`];
  const step = k.steps.find((s) => s.id === row.item);
  if (!step) throw new Error(`ground truth names unknown step "${row.item}" (file ${row.file})`);
  return step.substeps.map((s) => `substep:${s.id}`);
}

export interface FitReport {
  readonly calibrated: { readonly fitted: Record<string, unknown>; readonly coverage: Calibrated };
  readonly text: string;
}

export function fitReport(samples: readonly Sample[], folds: number, corpus: string): FitReport {
  const calibrated = fit(samples);
  const whole = score(samples.map((sample) => judged(sample, predict(sample, calibrated))));
  const cv = crossValidate(samples, folds);
  const held = score(cv.predictions.map((p) => judged(p.sample, p.predicted)));
  const documents = new Set(samples.map((s) => s.file)).size;
  const fitted = { corpus, documents, items: samples.length, folds, whole: figures(whole), crossValidated: figures(held) };
  const text = [
    `fitted on ${documents} documents, ${samples.length} items of ${corpus}`,
    `weights: ${JSON.stringify(calibrated.weights)}`,
    `thresholds: ${JSON.stringify(calibrated.thresholds)}`,
    `offsets: ${JSON.stringify(calibrated.offsets)}`,
    '',
    `| figure | whole corpus | ${folds}-fold cross-validation |`,
    '|---|---|---|',
    ...Object.keys(figures(whole)).map((key) => `| ${key} | ${figures(whole)[key]} | ${figures(held)[key]} |`),
    '',
  ].join('\n');
  return { calibrated: { fitted, coverage: calibrated }, text };
}

function judged(sample: Sample, predicted: Judged['predicted']): Judged {
  const [kind, item] = sample.item.split(':') as [TruthRow['kind'], string];
  return { file: sample.file, kind, item, label: sample.label, predicted };
}

function figures(s: Scores): Record<string, string> {
  const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  return {
    'false alarms': pct(s.falseAlarms, s.explicit),
    misses: pct(s.misses, s.absent),
    'explicit hit rate': pct(s.explicitHits, s.explicit),
    'absent hit rate': pct(s.absentHits, s.absent),
    'three-way agreement': `${(100 * s.agreement).toFixed(1)}%`,
  };
}
