/**
 * The leakage screen's separation measures as first written: row by row over strings, with a Map per fold.
 * Kept as the reference the counting version (src/core/derive/leakage-separation.ts) must equal exactly.
 */
import { auc } from '../../../src/core/stats/index.js';

const LEAK_FOLDS = 5;
const LEAK_COHORT_COVER = 0.9;

/** Tokens of one cell (a category is a list of one), lower-cased; undefined when missing. */
export function tokensOf(v: unknown): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const t = v.map((x) => String(x).trim().toLowerCase()).filter((x) => x !== '');
    return t.length > 0 ? t : undefined;
  }
  const s = String(v).trim().toLowerCase();
  return s === '' ? undefined : [s];
}

export { foldsOf } from '../../../src/core/derive/leakage.js';

function outOfFold(rows: readonly number[], cohort: readonly boolean[], fold: Int32Array, score: (train: number[], test: number[]) => number[]): number | null {
  const aucs: number[] = [];
  for (let k = 0; k < LEAK_FOLDS; k++) {
    const train = rows.filter((r) => fold[r] !== k);
    const test = rows.filter((r) => fold[r] === k);
    const a = auc(
      score(train, test),
      test.map((r) => cohort[r] as boolean),
    );
    if (a !== null) aucs.push(a);
  }
  return aucs.length === 0 ? null : aucs.reduce((s, a) => s + a, 0) / aucs.length;
}

export function numericAuc(values: readonly number[], rows: number[], cohort: readonly boolean[], fold: Int32Array): number | null {
  return outOfFold(rows, cohort, fold, (train, test) => {
    const a =
      auc(
        train.map((r) => values[r] as number),
        train.map((r) => cohort[r] as boolean),
      ) ?? 0.5;
    const sign = a >= 0.5 ? 1 : -1;
    return test.map((r) => sign * (values[r] as number));
  });
}

/** A category scored by its value's cohort share in the training folds (one pseudo-count at the base rate). */
export function categoryAuc(tokens: readonly (string[] | undefined)[], rows: number[], cohort: readonly boolean[], fold: Int32Array): number | null {
  return outOfFold(rows, cohort, fold, (train, test) => {
    const counts = new Map<string, [number, number]>();
    let positives = 0;
    for (const r of train) {
      const key = (tokens[r] as string[])[0] as string;
      const c = counts.get(key) ?? [0, 0];
      if (cohort[r]) c[0]++;
      c[1]++;
      counts.set(key, c);
      if (cohort[r]) positives++;
    }
    const base = positives / Math.max(1, train.length);
    return test.map((r) => {
      const c = counts.get((tokens[r] as string[])[0] as string);
      return c ? (c[0] + base) / (c[1] + 1) : base;
    });
  });
}

/** A list scored by its best token on the training folds (present, or absent when that is the better side). */
export function listAuc(tokens: readonly (string[] | undefined)[], rows: number[], cohort: readonly boolean[], fold: Int32Array): number | null {
  return outOfFold(rows, cohort, fold, (train, test) => {
    const counts = new Map<string, [number, number]>();
    let positives = 0;
    for (const r of train) {
      if (cohort[r]) positives++;
      for (const t of new Set(tokens[r])) {
        const c = counts.get(t) ?? [0, 0];
        c[cohort[r] ? 0 : 1]++;
        counts.set(t, c);
      }
    }
    const negatives = train.length - positives;
    let best = '';
    let gap = -1;
    let sign = 1;
    for (const [t, [a, c]] of [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const d = a / Math.max(1, positives) - c / Math.max(1, negatives);
      if (Math.abs(d) > gap) [best, gap, sign] = [t, Math.abs(d), d >= 0 ? 1 : -1];
    }
    return test.map((r) => sign * ((tokens[r] as string[]).includes(best) ? 1 : 0));
  });
}

/**
 * Out of fold: the values that, greedily by cohort-to-rest ratio on the training folds, cover 90% of the
 * training cohort; their coverage of the test folds' cohort and rest, pooled.
 */
export function coverage(
  tokens: readonly (string[] | undefined)[],
  rows: number[],
  cohort: readonly boolean[],
  fold: Int32Array,
): { cohort: number; rest: number } {
  let cohortIn = 0;
  let cohortAll = 0;
  let restIn = 0;
  let restAll = 0;
  for (let k = 0; k < LEAK_FOLDS; k++) {
    const train = rows.filter((r) => fold[r] !== k && cohort[r]);
    const restTrain = rows.filter((r) => fold[r] !== k && !cohort[r]);
    // token -> [training cohort rows holding it, training rest count]
    const counts = new Map<string, [number[], number]>();
    const entry = (t: string) => {
      let c = counts.get(t);
      if (!c) counts.set(t, (c = [[], 0]));
      return c;
    };
    for (const r of train) for (const t of new Set(tokens[r])) entry(t)[0].push(r);
    for (const r of restTrain) for (const t of new Set(tokens[r])) entry(t)[1]++;
    const ratio = (c: [number[], number]) => c[0].length / (c[1] + 0.5);
    const order = [...counts].sort((x, y) => ratio(y[1]) - ratio(x[1]) || y[1][0].length - x[1][0].length || (x[0] < y[0] ? -1 : 1));
    const chosen = new Set<string>();
    const covered = new Set<number>();
    for (const [t, [holders]] of order) {
      if (covered.size >= LEAK_COHORT_COVER * train.length) break;
      chosen.add(t);
      for (const r of holders) covered.add(r);
    }
    for (const r of rows) {
      if (fold[r] !== k) continue;
      const hit = (tokens[r] as string[]).some((t) => chosen.has(t));
      if (cohort[r]) [cohortAll, cohortIn] = [cohortAll + 1, cohortIn + (hit ? 1 : 0)];
      else [restAll, restIn] = [restAll + 1, restIn + (hit ? 1 : 0)];
    }
  }
  return { cohort: cohortIn / Math.max(1, cohortAll), rest: restIn / Math.max(1, restAll) };
}
