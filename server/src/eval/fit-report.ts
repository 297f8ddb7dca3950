/** Builds the calibration samples from analysed documents, fits them and reports the figures. */
import { sectionPresence } from '../engine/analysis/sections';
import type { Analysis, Knowledge } from '../engine/index';
import type { Calibration } from '../engine/knowledge/types';
import type { FindingTruth } from './findings';
import { crossValidateKinds, fitKindInference, fitSectionThreshold, inferWith, isRight, type KindSample, type SectionSample } from './fit-kinds';
import { sectionTopics } from './topics';
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

/** The `section:<name>` rows an expert wrote, scored with the section weights of `calibration`; rows decided by a heading are left out. */
export function sectionSamplesFrom(rows: readonly FindingTruth[], kinds: ReadonlyMap<string, string>, analyses: ReadonlyMap<string, Analysis>, calibration: Calibration): SectionSample[] {
  return rows.flatMap((row) => {
    const analysis = analyses.get(row.file);
    // A guide is not asked for the sections of the kind it explains.
    if (!analysis || analysis.isGuidance || !row.topic.startsWith('section:')) return [];
    const expected = kinds.get(row.file);
    const kind = analysis.knowledge.kinds.find((x) => x.id === expected) ?? analysis.kind;
    if (!kind) return [];
    const presence = sectionPresence(analysis.model, kind, analysis.sectionEvidence, calibration);
    const named = kind.sections.filter((s) => sectionTopics(s.id).includes(row.topic)).map((s) => presence.get(s.id));
    if (named.length === 0 || named.some((p) => (p?.headed.length ?? 0) > 0)) return [];
    return [{ file: row.file, topic: row.topic, score: Math.max(...named.map((p) => p?.score ?? Number.NEGATIVE_INFINITY)), present: row.expect === 'silent' }];
  });
}

/** Every document with the expert's kind and how it fits each kind. */
export function kindSamplesFrom(kinds: ReadonlyMap<string, string>, analyses: ReadonlyMap<string, Analysis>, calibration: Calibration): KindSample[] {
  return [...kinds].flatMap(([file, expected]) => {
    const analysis = analyses.get(file);
    if (!analysis) return [];
    const titled = new Set(analysis.kindScores.filter((s) => s.titleMatch).map((s) => s.kind.id));
    return [
      {
        file,
        expected,
        guidance: analysis.isGuidance,
        kinds: analysis.knowledge.kinds.map((kind) => {
          const presence = sectionPresence(analysis.model, kind, analysis.sectionEvidence, calibration);
          return {
            kind,
            titleMatch: titled.has(kind.id),
            sections: kind.sections.map((s) => ({ required: analysis.requires(s), headed: (presence.get(s.id)?.headed.length ?? 0) > 0, score: presence.get(s.id)?.score ?? Number.NEGATIVE_INFINITY })),
          };
        }),
      },
    ];
  });
}

/** `previous` holds the section weights the section rows were scored with; they are kept as they are. */
export function kindFitReport(sections: readonly SectionSample[], kindSamples: readonly KindSample[], folds: number, previous: Calibration): { sections: Calibration['sections']; kinds: Calibration['kinds']; fitted: Record<string, unknown>; text: string } {
  const present = fitSectionThreshold(sections, previous.sections.present);
  const kinds = fitKindInference(kindSamples, present);
  const right = kindSamples.filter((s) => isRight(s, inferWith(s, kinds, present), present)).length;
  const cv = crossValidateKinds(kindSamples, present, folds);
  const sectionRight = sections.filter((s) => (s.score >= present) === s.present).length;
  const fitted = { sectionRows: sections.length, sectionRowsRight: sectionRight, kindDocuments: kindSamples.length, kindRight: right, kindRightCrossValidated: cv.right };
  const text = [
    `sections: present from content score ${present} (${sectionRight}/${sections.length} expert section rows right)`,
    `kinds: ${JSON.stringify(kinds)}; right on ${right}/${kindSamples.length} documents, ${cv.right}/${cv.total} in ${folds}-fold cross-validation`,
    '',
  ].join('\n');
  return { sections: { weights: previous.sections.weights, present }, kinds, fitted, text };
}
