/**
 * The leakage screen's out-of-fold separation measures (AUCs), by counting: a category's or a token's rows per
 * fold and side are tallied once (leakage-tally.ts), and every fold's figures are differences of those tallies,
 * so a column costs one pass over its rows plus work per distinct value, not a Map and a sort per fold. The
 * figures equal, to the last bit, the row-by-row definitions (test/core/derive/leakage-reference.ts): the
 * rank sums are sums of half-integers, exact in doubles whatever the order.
 */
import { bump, keyOrder, sum, trainCounts, type CodedColumn, type Tally } from './leakage-tally.js';
import { int32Of } from '../typed-arrays.js';

const meanOf = (aucs: readonly number[]): number | null => (aucs.length === 0 ? null : aucs.reduce((s, a) => s + a, 0) / aucs.length);

interface FoldView {
  /** Test fold's known rows by side. */
  P: number;
  N: number;
  /** Training folds' known rows by side, and their counts per code. */
  positives: number;
  negatives: number;
  train: { pos: Float64Array; neg: Float64Array };
}

/** The mean over folds of auc(fold k), for the folds whose test part has both sides. */
function outOfFold(t: Tally, auc: (k: number, view: FoldView) => number): number | null {
  const aucs: number[] = [];
  for (let k = 0; k < t.folds; k++) {
    const P = t.rowsPos[k] as number;
    const N = t.rowsNeg[k] as number;
    if (P === 0 || N === 0) continue;
    aucs.push(auc(k, { P, N, positives: sum(t.rowsPos) - P, negatives: sum(t.rowsNeg) - N, train: trainCounts(t, k) }));
  }
  return meanOf(aucs);
}

/** A category scored by its value's cohort share in the training folds (one pseudo-count at the base rate). */
export function categoryAuc(t: Tally): number | null {
  return outOfFold(t, (k, { P, N, positives, negatives, train }) => {
    const base = positives / Math.max(1, positives + negatives);
    const groups: { score: number; pos: number; neg: number }[] = [];
    for (let c = 0; c < t.size; c++) {
      const pos = t.pos[k * t.size + c] as number;
      const neg = t.neg[k * t.size + c] as number;
      if (pos + neg === 0) continue;
      const seen = (train.pos[c] as number) + (train.neg[c] as number);
      groups.push({ score: seen > 0 ? ((train.pos[c] as number) + base) / (seen + 1) : base, pos, neg });
    }
    groups.sort((a, b) => a.score - b.score);
    let u = 0;
    let below = 0;
    for (let g = 0; g < groups.length; ) {
      let pos = 0;
      let neg = 0;
      const score = (groups[g] as { score: number }).score;
      for (; g < groups.length && (groups[g] as { score: number }).score === score; g++)
        [pos, neg] = [pos + (groups[g] as { pos: number }).pos, neg + (groups[g] as { neg: number }).neg];
      u += pos * (below + neg / 2);
      below += neg;
    }
    return u / (P * N);
  });
}

/** A list scored by its best token on the training folds (present, or absent when that is the better side). */
export function listAuc(column: CodedColumn, t: Tally): number | null {
  const order = keyOrder(column);
  return outOfFold(t, (k, { P, N, positives, negatives, train }) => {
    let best = -1;
    let gap = -1;
    let sign = 1;
    for (const c of order) {
      if ((train.pos[c] as number) + (train.neg[c] as number) === 0) continue;
      const d = (train.pos[c] as number) / Math.max(1, positives) - (train.neg[c] as number) / Math.max(1, negatives);
      if (Math.abs(d) > gap) [best, gap, sign] = [c, Math.abs(d), d >= 0 ? 1 : -1];
    }
    const a = best < 0 ? 0 : (t.pos[k * t.size + best] as number); // test cohort rows holding it
    const c = best < 0 ? 0 : (t.neg[k * t.size + best] as number);
    const [b, d] = [P - a, N - c];
    const u = sign === 1 ? b * (d / 2) + a * (d + c / 2) : a * (c / 2) + b * (c + d / 2);
    return u / (P * N);
  });
}

/** The rows holding a finite number, by value (the order within ties does not matter to a rank sum). */
function valueSorted(values: ArrayLike<unknown>): Int32Array {
  const rows: number[] = [];
  for (let r = 0; r < values.length; r++) if (typeof values[r] === 'number' && Number.isFinite(values[r])) rows.push(r);
  return int32Of(rows).sort((a, b) => (values[a] as number) - (values[b] as number));
}

/**
 * A number's out-of-fold AUC: its direction learned on the training folds (AUC against 0.5), then the AUC of
 * the signed values on the test fold; the mean over folds. One sort (or `inOrder`: the rows holding a finite
 * number, by value, as an encoded column keeps them), then one walk over the values.
 */
export function numericAuc(values: ArrayLike<unknown>, cohort: readonly boolean[], fold: Int32Array, folds: number, inOrder?: Int32Array): number | null {
  const at = (r: number) => values[r] as number;
  const sorted = inOrder ?? valueSorted(values);
  // Per fold: the test fold's rank sum (ascending values) and the training folds'.
  const test = new Float64Array(folds);
  const train = new Float64Array(folds);
  const below = new Float64Array(folds);
  const P = new Float64Array(folds);
  const N = new Float64Array(folds);
  const gPos = new Float64Array(folds);
  const gNeg = new Float64Array(folds);
  let belowAll = 0;
  for (let i = 0; i < sorted.length; ) {
    const value = at(sorted[i] as number);
    gPos.fill(0);
    gNeg.fill(0);
    for (; i < sorted.length && at(sorted[i] as number) === value; i++) {
      const r = sorted[i] as number;
      bump(cohort[r] ? gPos : gNeg, fold[r] as number);
    }
    let groupPos = 0;
    let groupNeg = 0;
    for (let k = 0; k < folds; k++) [groupPos, groupNeg] = [groupPos + (gPos[k] as number), groupNeg + (gNeg[k] as number)];
    for (let k = 0; k < folds; k++) {
      const [p, n] = [gPos[k] as number, gNeg[k] as number];
      test[k] = (test[k] as number) + p * ((below[k] as number) + n / 2);
      train[k] = (train[k] as number) + (groupPos - p) * (belowAll - (below[k] as number) + (groupNeg - n) / 2);
      below[k] = (below[k] as number) + n;
      P[k] = (P[k] as number) + p;
      N[k] = (N[k] as number) + n;
    }
    belowAll += groupNeg;
  }
  const allP = P.reduce((s, x) => s + x, 0);
  const allN = N.reduce((s, x) => s + x, 0);
  const aucs: number[] = [];
  for (let k = 0; k < folds; k++) {
    const [p, n] = [P[k] as number, N[k] as number];
    if (p === 0 || n === 0) continue;
    const [tp, tn] = [allP - p, allN - n];
    const learned = tp === 0 || tn === 0 ? 0.5 : (train[k] as number) / (tp * tn);
    // The signed values' rank sum: negated values rank in reverse, which turns U into P*N - U exactly.
    const u = learned >= 0.5 ? (test[k] as number) : p * n - (test[k] as number);
    aucs.push(u / (p * n));
  }
  return meanOf(aucs);
}
