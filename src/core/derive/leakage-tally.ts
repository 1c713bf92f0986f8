/**
 * The counts behind the leakage screen's measures (leakage-separation.ts, leakage-coverage.ts): a category's
 * or a token's known rows per fold and side, tallied once per column, so that every fold's training and test
 * figures are differences of tallies rather than a pass over the rows.
 */

/** A column's values as codes: one per row (a category), or a set per row (tokens); -1 or no token: unknown. */
export type CodedColumn =
  | { kind: 'category'; codes: Int32Array; size: number; keys: readonly string[] }
  | { kind: 'multi'; offsets: Int32Array; tokens: Int32Array; size: number; keys: readonly string[] };

/** Tallies per fold of known rows: pos/neg[k * size + code], and rows per fold and side. */
export interface Tally {
  folds: number;
  size: number;
  pos: Int32Array;
  neg: Int32Array;
  rowsPos: Int32Array;
  rowsNeg: Int32Array;
  /** 1 for a row holding a value or a token. */
  known: Uint8Array;
}

/** Calls visit(row, code) for each code of each known row (a multi row's codes are distinct). */
export function eachCode(column: CodedColumn, visit: (row: number, code: number) => void): void {
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

/**
 * The column's tallies by fold and side: made once per column, read by every measure of the screen.
 * Written out per kind rather than through eachCode: this pass runs over every row of every column.
 */
export function tallyOf(column: CodedColumn, cohort: readonly boolean[], fold: Int32Array, folds: number): Tally {
  const { size } = column;
  const rows = column.kind === 'category' ? column.codes.length : column.offsets.length - 1;
  const known = new Uint8Array(rows);
  const t: Tally = {
    folds,
    size,
    pos: new Int32Array(folds * size),
    neg: new Int32Array(folds * size),
    rowsPos: new Int32Array(folds),
    rowsNeg: new Int32Array(folds),
    known,
  };
  if (column.kind === 'category') {
    const { codes } = column;
    for (let r = 0; r < rows; r++) {
      const code = codes[r] as number;
      if (code < 0) continue;
      known[r] = 1;
      bump(cohort[r] ? t.pos : t.neg, (fold[r] as number) * size + code);
    }
  } else {
    const { offsets, tokens } = column;
    for (let r = 0; r < rows; r++) {
      const base = (fold[r] as number) * size;
      const side = cohort[r] ? t.pos : t.neg;
      for (let k = offsets[r] as number; k < (offsets[r + 1] as number); k++) {
        const code = tokens[k] as number;
        if (code < 0) continue;
        known[r] = 1;
        bump(side, base + code);
      }
    }
  }
  for (let r = 0; r < rows; r++) if (known[r]) bump(cohort[r] ? t.rowsPos : t.rowsNeg, fold[r] as number);
  return t;
}

export const bump = (xs: Int32Array | Float64Array, i: number): void => {
  xs[i] = (xs[i] as number) + 1;
};
export const sum = (xs: Int32Array): number => xs.reduce((s, x) => s + x, 0);

/** Rows of each code outside fold k, by side. */
export function trainCounts(t: Tally, k: number): { pos: Float64Array; neg: Float64Array } {
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

/** Codes in the order of their keys, as the row-by-row version met ties. */
export function keyOrder(column: CodedColumn): Int32Array {
  return Int32Array.from(column.keys.keys()).sort((a, b) => ((column.keys[a] as string) < (column.keys[b] as string) ? -1 : 1));
}
