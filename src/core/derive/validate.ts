import { mixSeed, seededRandom, shuffleInPlace } from '../random.js';
import { categoryKey } from '../score/match.js';
import { auc } from '../stats/index.js';
import { ANTI_PERMUTATIONS_RESAMPLED } from './anti-permutation.js';
import type { EncodedColumn } from './encode.js';
import { overlaps, runEngine, scoreRow, type EngineOptions } from './engine.js';
import type { Parent } from './hierarchy.js';
import { sampleOf, type Sample } from './search.js';
import type { Selected } from './select.js';
import { chooseTiers } from './tiers.js';

export const FOLDS = 5;
export const HALF_SAMPLES = 50;

/** What the out-of-fold check found: the score's AUC for the cohort label and tier A's share out of fold. */
export interface Validation {
  folds: number;
  auc: number;
  aucSe: number;
  tierAShareOfCustomers: number;
  tierAShareOfValue: number | null;
}

/** Hanley-McNeil standard error of an AUC from its positives and negatives. */
export function aucStandardError(a: number, positives: number, negatives: number): number {
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const v = (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a)) / (positives * negatives);
  return Math.sqrt(Math.max(0, v));
}

/** Fold of every row of the sample: cohort and rest dealt out separately so each fold keeps the cohort's share. */
function foldsOf(sample: Sample, seed: number): Int8Array {
  const fold = new Int8Array(sample.labels.length).fill(-1);
  for (const label of [1, 0]) {
    const rows = Int32Array.from([...sample.rows].filter((r) => sample.labels[r] === label));
    shuffleInPlace(rows, seededRandom(mixSeed(seed, 1000 + label)));
    rows.forEach((r, k) => (fold[r] = k % FOLDS));
  }
  return fold;
}

/**
 * Re-derives in FOLDS folds (the whole search and fit on four fifths) and scores the fifth it did not see:
 * the pooled out-of-fold AUC for the cohort label with its Hanley-McNeil standard error, and the share of
 * customers and of value (`weights`: won value, or 1 per positive record) that fell in tier A out of fold.
 */
export function crossValidate(columns: readonly EncodedColumn[], sample: Sample, parents: ReadonlyMap<number, Parent>, o: EngineOptions, weights: Float64Array, progress?: (done: number, total: number) => void): Validation | null {
  const fold = foldsOf(sample, o.seed);
  const scores = new Float64Array(sample.labels.length);
  let inA = 0;
  let valueInA = 0;
  for (let f = 0; f < FOLDS; f++) {
    progress?.(f, FOLDS);
    const train = sampleOf(Int32Array.from([...sample.rows].filter((r) => fold[r] !== f)), sample.labels);
    const run = runEngine(columns, train, parents, { ...o, permutations: ANTI_PERMUTATIONS_RESAMPLED });
    const trainScores = [...train.rows].map((r) => scoreRow(run.kept, run.points, r));
    const cohortSize = [...train.rows].filter((r) => sample.labels[r] === 1).length;
    const fits = run.kept.some((s) => s.direction === 'fit');
    const threshold = fits ? chooseTiers(trainScores, cohortSize).tiers.A : Infinity;
    for (const r of sample.rows) {
      if (fold[r] !== f) continue;
      const s = scoreRow(run.kept, run.points, r);
      scores[r] = s;
      if (s >= threshold) {
        inA++;
        valueInA += weights[r] as number;
      }
    }
  }
  const rows = [...sample.rows];
  const labels = rows.map((r) => sample.labels[r] === 1);
  const a = auc(rows.map((r) => scores[r] as number), labels);
  if (a === null) return null;
  const positives = labels.filter(Boolean).length;
  const totalValue = rows.reduce((s, r) => s + Math.max(0, weights[r] as number), 0);
  return {
    folds: FOLDS,
    auc: a,
    aucSe: aucStandardError(a, positives, rows.length - positives),
    tierAShareOfCustomers: inA / rows.length,
    tierAShareOfValue: totalValue > 0 ? valueInA / totalValue : null,
  };
}

/** Stability of each criterion, and of each token of a multi-valued criterion. */
export interface Stability {
  criteria: number[];
  /** Per criterion (contains_any only): token key -> share of half-samples that chose it in that column. */
  tokens: (Map<string, number> | undefined)[];
}

function tokensOf(s: Selected): string[] | undefined {
  return 'contains_any' in s.match ? s.match.contains_any.map(categoryKey) : undefined;
}

/**
 * Stability of each criterion: the share of HALF_SAMPLES half-samples (fixed seed) whose derive selects
 * its column, in the same direction, with an overlapping set or range; for a token list, also each token's share.
 */
export function stabilityOf(kept: readonly Selected[], columns: readonly EncodedColumn[], sample: Sample, parents: ReadonlyMap<number, Parent>, o: EngineOptions, progress?: (done: number, total: number) => void, halfSamples = HALF_SAMPLES): Stability {
  const hits = kept.map(() => 0);
  const tokenHits = kept.map((s) => (tokensOf(s) ? new Map((tokensOf(s) as string[]).map((t) => [t, 0])) : undefined));
  const next = seededRandom(mixSeed(o.seed, 2000));
  const rows = Int32Array.from(sample.rows);
  for (let h = 0; h < halfSamples; h++) {
    progress?.(h, halfSamples);
    shuffleInPlace(rows, next);
    const half = sampleOf(rows.slice(0, Math.floor(rows.length / 2)).sort(), sample.labels);
    const run = runEngine(columns, half, parents, { ...o, permutations: ANTI_PERMUTATIONS_RESAMPLED });
    kept.forEach((c, k) => {
      const same = run.kept.filter((s) => s.slot === c.slot && s.direction === c.direction);
      if (same.some((s) => overlaps(s.match, c.match))) hits[k]!++;
      const counts = tokenHits[k];
      if (!counts) return;
      const chosen = new Set(same.flatMap((s) => tokensOf(s) ?? []));
      for (const t of counts.keys()) if (chosen.has(t)) counts.set(t, (counts.get(t) as number) + 1);
    });
  }
  return {
    criteria: hits.map((n) => n / halfSamples),
    tokens: tokenHits.map((m) => m && new Map([...m].map(([t, n]) => [t, n / halfSamples]))),
  };
}
