/**
 * The leakage screen's coverage measure: whether a set of a column's values, picked on the training folds,
 * holds nearly all of the test folds' cohort and little of the rest (a value set that restates the outcome).
 */
import { bump, eachCode, keyOrder, sum, trainCounts, type CodedColumn, type Tally } from './leakage-tally.js';

/**
 * Out of fold: the values that, greedily by cohort-to-rest ratio on the training folds, cover 90% of the
 * training cohort; their coverage of the test folds' cohort and rest, pooled.
 */
export function coverage(column: CodedColumn, t: Tally, cohort: readonly boolean[], fold: Int32Array, cover: number): { cohort: number; rest: number } {
  if (column.kind === 'category') return categoryCoverage(t, keyOrder(column), cover);
  const chosen = chosenSets(column, t, cohort, fold, cover);
  // Each row is in the test fold of exactly one k: one pass over the rows scores every fold's set.
  const { offsets, tokens } = column;
  const { known, size } = t;
  let cohortIn = 0;
  let cohortAll = 0;
  let restIn = 0;
  let restAll = 0;
  for (let r = 0; r < known.length; r++) {
    if (!known[r]) continue;
    const base = (fold[r] as number) * size;
    let hit = 0;
    for (let k = offsets[r] as number; k < (offsets[r + 1] as number) && hit === 0; k++) {
      const code = tokens[k] as number;
      if (code >= 0) hit = chosen[base + code] as number;
    }
    if (cohort[r]) {
      cohortAll++;
      cohortIn += hit;
    } else {
      restAll++;
      restIn += hit;
    }
  }
  return { cohort: cohortIn / Math.max(1, cohortAll), rest: restIn / Math.max(1, restAll) };
}

/**
 * Per fold k, the values picked on its training folds (chosen[k * size + code] = 1): greedily by
 * cohort-to-rest ratio until they cover `cover` of the training cohort's rows.
 */
function chosenSets(column: CodedColumn & { kind: 'multi' }, t: Tally, cohort: readonly boolean[], fold: Int32Array, cover: number): Uint8Array {
  const holders = cohortRowsByCode(column, cohort);
  const byKey = keyOrder(column);
  const covered = new Uint8Array(t.known.length);
  const chosen = new Uint8Array(t.folds * t.size);
  for (let k = 0; k < t.folds; k++) {
    const wanted = cover * (sum(t.rowsPos) - (t.rowsPos[k] as number));
    covered.fill(0);
    let size = 0;
    for (const c of greedyOrder(byKey, trainCounts(t, k))) {
      if (size >= wanted) break;
      chosen[k * t.size + c] = 1;
      for (let h = holders.offsets[c] as number; h < (holders.offsets[c + 1] as number); h++) {
        const r = holders.rows[h] as number;
        if (fold[r] === k || covered[r]) continue;
        covered[r] = 1;
        size++;
      }
    }
  }
  return chosen;
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
