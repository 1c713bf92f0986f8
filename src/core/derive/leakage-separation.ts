/**
 * The leakage screen's out-of-fold separation measures, by counting: a category's or a token's rows per fold
 * and side are tallied once, and every fold's training and test figures are differences of those tallies,
 * so a column costs one pass over its rows plus work per distinct value, not a Map and a sort per fold. The
 * figures equal, to the last bit, the row-by-row definitions (test/core/derive/leakage-reference.ts): the
 * rank sums are sums of half-integers, exact in doubles whatever the order.
 */

/** A column's values as codes: one per row (a category), or a set per row (tokens); -1 or no token: unknown. */
export type CodedColumn =
  | { kind: 'category'; codes: Int32Array; size: number; keys: readonly string[] }
  | { kind: 'multi'; offsets: Int32Array; tokens: Int32Array; size: number; keys: readonly string[] };

/** Tallies per fold of known rows: pos/neg[k * size + code], and rows per fold and side. */
interface Tally {
  folds: number;
  size: number;
  pos: Int32Array;
  neg: Int32Array;
  rowsPos: Int32Array;
  rowsNeg: Int32Array;
}

/** Calls visit(row, code) for each code of each known row (a multi row's codes are distinct). */
function eachCode(column: CodedColumn, visit: (row: number, code: number) => void): void {
  if (column.kind === 'category') {
    const { codes } = column;
    for (let r = 0; r < codes.length; r++) if ((codes[r] as number) >= 0) visit(r, codes[r] as number);
    return;
  }
  const { offsets, tokens } = column;
  for (let r = 0; r + 1 < offsets.length; r++) {
    for (let t = offsets[r] as number; t < (offsets[r + 1] as number); t++) if ((tokens[t] as number) >= 0) visit(r, tokens[t] as number);
  }
}

/** Whether row r is known (holds a value or a token). */
function knownRows(column: CodedColumn): Uint8Array {
  const rows = column.kind === 'category' ? column.codes.length : column.offsets.length - 1;
  const known = new Uint8Array(rows);
  eachCode(column, (r) => (known[r] = 1));
  return known;
}

function tallyOf(column: CodedColumn, known: Uint8Array, cohort: readonly boolean[], fold: Int32Array, folds: number): Tally {
  const { size } = column;
  const t: Tally = { folds, size, pos: new Int32Array(folds * size), neg: new Int32Array(folds * size), rowsPos: new Int32Array(folds), rowsNeg: new Int32Array(folds) };
  eachCode(column, (r, code) => bump(cohort[r] ? t.pos : t.neg, (fold[r] as number) * size + code));
  for (let r = 0; r < known.length; r++) if (known[r]) bump(cohort[r] ? t.rowsPos : t.rowsNeg, fold[r] as number);
  return t;
}

const bump = (xs: Int32Array | Float64Array, i: number): void => {
  xs[i] = (xs[i] as number) + 1;
};
const sum = (xs: Int32Array): number => xs.reduce((s, x) => s + x, 0);

/** Rows of each code outside fold k, by side. */
function trainCounts(t: Tally, k: number): { pos: Float64Array; neg: Float64Array } {
  const pos = new Float64Array(t.size);
  const neg = new Float64Array(t.size);
  for (let f = 0; f < t.folds; f++) {
    if (f === k) continue;
    for (let c = 0; c < t.size; c++) {
      pos[c] = (pos[c] as number) + (t.pos[f * t.size + c] as number);
      neg[c] = (neg[c] as number) + (t.neg[f * t.size + c] as number);
    }
  }
  return { pos, neg };
}

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
export function categoryAuc(column: CodedColumn & { kind: 'category' }, cohort: readonly boolean[], fold: Int32Array, folds: number): number | null {
  const t = tallyOf(column, knownRows(column), cohort, fold, folds);
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
      for (; g < groups.length && (groups[g] as { score: number }).score === score; g++) [pos, neg] = [pos + (groups[g] as { pos: number }).pos, neg + (groups[g] as { neg: number }).neg];
      u += pos * (below + neg / 2);
      below += neg;
    }
    return u / (P * N);
  });
}

/** Codes in the order of their keys, as the row-by-row version met ties. */
function keyOrder(column: CodedColumn): Int32Array {
  return Int32Array.from(column.keys.keys()).sort((a, b) => (column.keys[a] as string) < (column.keys[b] as string) ? -1 : 1);
}

/** A list scored by its best token on the training folds (present, or absent when that is the better side). */
export function listAuc(column: CodedColumn, cohort: readonly boolean[], fold: Int32Array, folds: number): number | null {
  const t = tallyOf(column, knownRows(column), cohort, fold, folds);
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

/**
 * Out of fold: the values that, greedily by cohort-to-rest ratio on the training folds, cover 90% of the
 * training cohort; their coverage of the test folds' cohort and rest, pooled.
 */
export function coverage(column: CodedColumn, cohort: readonly boolean[], fold: Int32Array, folds: number, cover: number): { cohort: number; rest: number } {
  const known = knownRows(column);
  const t = tallyOf(column, known, cohort, fold, folds);
  if (column.kind === 'category') return categoryCoverage(t, keyOrder(column), cover);
  const holders = cohortRowsByCode(column, cohort);
  const byKey = keyOrder(column);
  const covered = new Uint8Array(known.length);
  const chosen = new Uint8Array(t.size);
  const totals = { cohortIn: 0, cohortAll: 0, restIn: 0, restAll: 0 };
  for (let k = 0; k < folds; k++) {
    const train = trainCounts(t, k);
    const wanted = cover * (sum(t.rowsPos) - (t.rowsPos[k] as number));
    const order = greedyOrder(byKey, train);
    covered.fill(0);
    chosen.fill(0);
    let size = 0;
    for (const c of order) {
      if (size >= wanted) break;
      chosen[c] = 1;
      for (let h = holders.offsets[c] as number; h < (holders.offsets[c + 1] as number); h++) {
        const r = holders.rows[h] as number;
        if (fold[r] !== k && !covered[r]) [covered[r], size] = [1, size + 1];
      }
    }
    const hit = new Uint8Array(known.length);
    eachCode(column, (r, code) => {
      if (fold[r] === k && chosen[code]) hit[r] = 1;
    });
    for (let r = 0; r < known.length; r++) {
      if (!known[r] || fold[r] !== k) continue;
      if (cohort[r]) [totals.cohortAll, totals.cohortIn] = [totals.cohortAll + 1, totals.cohortIn + (hit[r] as number)];
      else [totals.restAll, totals.restIn] = [totals.restAll + 1, totals.restIn + (hit[r] as number)];
    }
  }
  return { cohort: totals.cohortIn / Math.max(1, totals.cohortAll), rest: totals.restIn / Math.max(1, totals.restAll) };
}

/** The greedy order of codes on the training folds of fold k: cohort-to-rest ratio, then cohort rows, then key. */
function greedyOrder(byKey: Int32Array, train: { pos: Float64Array; neg: Float64Array }): number[] {
  const ratio = (c: number) => (train.pos[c] as number) / ((train.neg[c] as number) + 0.5);
  const order = [...byKey].filter((c) => (train.pos[c] as number) + (train.neg[c] as number) > 0);
  return order.sort((x, y) => ratio(y) - ratio(x) || (train.pos[y] as number) - (train.pos[x] as number));
}

/**
 * coverage() of a category from its tallies alone: a row holds one value, so the training cohort's rows a
 * value covers are its count, and the test rows it hits are the test fold's count of it.
 */
function categoryCoverage(t: Tally, byKey: Int32Array, cover: number): { cohort: number; rest: number } {
  const totals = { cohortIn: 0, cohortAll: 0, restIn: 0, restAll: 0 };
  for (let k = 0; k < t.folds; k++) {
    const train = trainCounts(t, k);
    const wanted = cover * (sum(t.rowsPos) - (t.rowsPos[k] as number));
    let size = 0;
    for (const c of greedyOrder(byKey, train)) {
      if (size >= wanted) break;
      size += train.pos[c] as number;
      totals.cohortIn += t.pos[k * t.size + c] as number;
      totals.restIn += t.neg[k * t.size + c] as number;
    }
    totals.cohortAll += t.rowsPos[k] as number;
    totals.restAll += t.rowsNeg[k] as number;
  }
  return { cohort: totals.cohortIn / Math.max(1, totals.cohortAll), rest: totals.restIn / Math.max(1, totals.restAll) };
}

/** The cohort's rows holding each code, grouped by code (offsets into rows). */
function cohortRowsByCode(column: CodedColumn, cohort: readonly boolean[]): { offsets: Int32Array; rows: Int32Array } {
  const offsets = new Int32Array(column.size + 1);
  eachCode(column, (r, code) => {
    if (cohort[r]) bump(offsets, code + 1);
  });
  for (let c = 0; c < column.size; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const rows = new Int32Array(offsets[column.size] as number);
  const next = offsets.slice(0, column.size);
  eachCode(column, (r, code) => {
    if (!cohort[r]) return;
    rows[next[code] as number] = r;
    bump(next, code);
  });
  return { offsets, rows };
}

/** The rows holding a finite number, by value (the order within ties does not matter to a rank sum). */
function valueSorted(values: readonly unknown[]): Int32Array {
  const rows: number[] = [];
  for (let r = 0; r < values.length; r++) if (typeof values[r] === 'number' && Number.isFinite(values[r])) rows.push(r);
  return Int32Array.from(rows).sort((a, b) => (values[a] as number) - (values[b] as number));
}

/**
 * A number's out-of-fold AUC: its direction learned on the training folds (AUC against 0.5), then the AUC of
 * the signed values on the test fold; the mean over folds. One sort (or `inOrder`: the rows holding a finite
 * number, by value, as an encoded column keeps them), then one walk over the values.
 */
export function numericAuc(values: readonly unknown[], cohort: readonly boolean[], fold: Int32Array, folds: number, inOrder?: Int32Array): number | null {
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
