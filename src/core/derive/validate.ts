import { mixSeed, seededRandom, shuffleInPlace } from '../random.js';
import { dealFolds } from './deal-folds.js';
import { categoryKey } from '../score/match.js';
import { aucWithDeLong } from '../stats/delong.js';
import { ANTI_PERMUTATIONS_RESAMPLED } from './anti-permutation.js';
import type { EncodedColumn } from './encode.js';
import { overlaps, runEngine, scoresOf, type EngineOptions } from './engine.js';
import type { Parent } from './hierarchy.js';
import { complementOf, sampleOf, type Sample } from './search-types.js';
import type { Selected } from './select.js';
import { chooseTiers } from './tiers.js';

export const FOLDS = 5;
export const HALF_SAMPLES = 50;

/** What the out-of-fold check found: the score's AUC for the cohort label and tier A's share out of fold. */
export interface Validation {
  folds: number;
  auc: number;
  aucSe: number;
  /** Folds whose derive kept at least one criterion (0 on null data, usually). */
  foldsWithCriteria: number;
  tierAShareOfCustomers: number;
  tierAShareOfValue: number | null;
}

/** Fold of every row of the sample: cohort and rest dealt out separately so each fold keeps the cohort's share. */
function foldsOf(sample: Sample, seed: number): Int8Array {
  const fold = new Int8Array(sample.labels.length).fill(-1);
  const LABELS = [1, 0];
  const groups = LABELS.map((label) => sample.rows.filter((r) => sample.labels[r] === label));
  // Each label its own stream, salted by the label.
  dealFolds(fold, groups, FOLDS, (group) => seededRandom(mixSeed(seed, 1000 + (LABELS[group] as number))));
  return fold;
}

/** The rows of the sample in fold `f`, in the sample's order. */
function rowsInside(rows: Int32Array, fold: Int8Array, f: number): Int32Array {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (fold[rows[i] as number] === f) n++;
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < rows.length; i++) if (fold[rows[i] as number] === f) out[k++] = rows[i] as number;
  return out;
}

/**
 * Re-derives in FOLDS folds (the whole search and fit on four fifths) and scores the fifth it did not see:
 * the pooled out-of-fold AUC for the cohort label with its DeLong standard error, and the share of
 * customers and of value (`weights`: won value, or 1 per positive record) that fell in tier A out of fold.
 */
export function crossValidate(
  columns: readonly EncodedColumn[],
  sample: Sample,
  parents: ReadonlyMap<number, Parent>,
  o: EngineOptions,
  weights: Float64Array,
  progress?: (done: number, total: number) => void,
): Validation | null {
  const fold = foldsOf(sample, o.seed);
  const customers = sample.labels.length;
  const scores = new Float64Array(customers);
  let inA = 0;
  let valueInA = 0;
  let foldsWithCriteria = 0;
  for (let f = 0; f < FOLDS; f++) {
    progress?.(f, FOLDS);
    // The four folds trained on are the sample less the fifth: counted as the whole's counts less the fifth's.
    const train = complementOf(sample, sampleOf(rowsInside(sample.rows, fold, f), sample.labels));
    const run = runEngine(columns, train, parents, { ...o, permutations: ANTI_PERMUTATIONS_RESAMPLED });
    const all = scoresOf(run.kept, run.points, customers);
    const trainScores: number[] = new Array<number>(train.rows.length);
    let cohortSize = 0;
    train.rows.forEach((r, i) => {
      trainScores[i] = all[r] as number;
      cohortSize += sample.labels[r] as number;
    });
    const fits = run.kept.some((s) => s.direction === 'fit');
    if (run.kept.length > 0) foldsWithCriteria++;
    const threshold = fits ? chooseTiers(trainScores, cohortSize).tiers.A : Infinity;
    for (const r of sample.rows) {
      if (fold[r] !== f) continue;
      const s = all[r] as number;
      scores[r] = s;
      if (s >= threshold) {
        inA++;
        valueInA += weights[r] as number;
      }
    }
  }
  const rows = Array.from(sample.rows);
  const labels = rows.map((r) => sample.labels[r] === 1);
  const pooled = aucWithDeLong(
    rows.map((r) => scores[r] as number),
    labels,
  );
  if (pooled === null) return null;
  const totalValue = rows.reduce((s, r) => s + Math.max(0, weights[r] as number), 0);
  return {
    folds: FOLDS,
    auc: pooled.auc,
    aucSe: pooled.se,
    foldsWithCriteria,
    tierAShareOfCustomers: inA / rows.length,
    tierAShareOfValue: totalValue > 0 ? valueInA / totalValue : null,
  };
}

/**
 * The first `count` rows of `shuffled`, in increasing order: marked, then collected in the order of
 * `ordered` (the same rows, sorted), not sorted again (a sort per half-sample was 1.5 s at a million rows).
 * `marks` is all zeros over every customer, and is left so.
 */
function firstInOrder(shuffled: Int32Array, count: number, ordered: Int32Array, marks: Uint8Array): Int32Array {
  for (let i = 0; i < count; i++) marks[shuffled[i] as number] = 1;
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < ordered.length; i++) {
    const r = ordered[i] as number;
    if (marks[r] === 0) continue;
    out[k++] = r;
    marks[r] = 0;
  }
  return out;
}

/** Stability of each criterion, and of each token of a multi-valued criterion. */
export interface Stability {
  criteria: number[];
  /** Per set or list criterion: value key -> share of half-samples that chose it in that column and direction. */
  tokens: (Map<string, number> | undefined)[];
}

/** The values of a set or list criterion, as keys; undefined for ranges and booleans. */
function valuesOf(s: Selected): string[] | undefined {
  const m = s.match;
  return 'in' in m ? m.in.map(categoryKey) : 'contains_any' in m ? m.contains_any.map(categoryKey) : undefined;
}

/** Share of customers in either range that are in both (over all customers): ranges that merely touch do not count. */
function jaccard(x: Int8Array, y: Int8Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] === 1;
    const b = y[i] === 1;
    if (a && b) both++;
    if (a || b) either++;
  }
  return either === 0 ? 0 : both / either;
}

/** A range found again counts when it holds mostly the same customers. */
const SAME_RANGE = 0.5;

function foundAgain(c: Selected, s: Selected): boolean {
  if ('range' in c.match && 'range' in s.match) return jaccard(c.members, s.members) >= SAME_RANGE;
  return overlaps(s.match, c.match);
}

/**
 * Stability of each criterion: the share of HALF_SAMPLES half-samples (fixed seed; drawn in complementary
 * pairs, each half and the customers it left out) whose derive selects its column, in the same direction,
 * with an overlapping set (or a range holding mostly the same customers); for a set or list, also each
 * value's share.
 */
export function stabilityOf(
  kept: readonly Selected[],
  columns: readonly EncodedColumn[],
  sample: Sample,
  parents: ReadonlyMap<number, Parent>,
  o: EngineOptions,
  progress?: (done: number, total: number) => void,
  halfSamples = HALF_SAMPLES,
): Stability {
  const hits = kept.map(() => 0);
  const tokenHits = kept.map((s) => (valuesOf(s) ? new Map((valuesOf(s) as string[]).map((t) => [t, 0])) : undefined));
  const next = seededRandom(mixSeed(o.seed, 2000));
  const rows = Int32Array.from(sample.rows);
  const ordered = Int32Array.from(sample.rows).sort();
  const marks = new Uint8Array(sample.labels.length);
  let drawn: Sample | undefined;
  for (let h = 0; h < halfSamples; h++) {
    progress?.(h, halfSamples);
    // Complementary pairs (Shah and Samworth, 2013): a drawn half, then the rest of the customers, whose
    // counts are the whole sample's less the half's rather than a pass of their own.
    let half: Sample;
    if (drawn === undefined) {
      shuffleInPlace(rows, next);
      half = drawn = sampleOf(firstInOrder(rows, Math.floor(rows.length / 2), ordered, marks), sample.labels);
    } else {
      half = complementOf(sample, drawn);
      drawn = undefined;
    }
    const run = runEngine(columns, half, parents, { ...o, permutations: ANTI_PERMUTATIONS_RESAMPLED });
    kept.forEach((c, k) => {
      const same = run.kept.filter((s) => s.slot === c.slot && s.direction === c.direction);
      if (same.some((s) => foundAgain(c, s))) hits[k]!++;
      const counts = tokenHits[k];
      if (!counts) return;
      const chosen = new Set(same.flatMap((s) => valuesOf(s) ?? []));
      for (const t of counts.keys()) if (chosen.has(t)) counts.set(t, (counts.get(t) as number) + 1);
    });
  }
  return {
    criteria: hits.map((n) => n / halfSamples),
    tokens: tokenHits.map((m) => m && new Map([...m].map(([t, n]) => [t, n / halfSamples]))),
  };
}
