import type { Match } from '../icp/schema.js';
import type { TwoByTwo } from '../stats/index.js';

/** The customers one search runs on: a sample of row numbers, and the cohort label of every row. */
export interface Sample {
  rows: Int32Array;
  /**
   * Over every customer: 0 outside the sample, 1 + its label inside (1 rest, 2 cohort), so that a search
   * walking the rows in another order (a number's value order) reads one byte per row, not two.
   */
  mask: Uint8Array;
  /** 1 for a cohort customer, over every customer (only the rows of the sample are read). */
  labels: Uint8Array;
  /**
   * When the sample is the rows of `of` not in `minus` (the other half of a complementary pair): its counts
   * are those of `of` less those of `minus`, both counted already, rather than a pass over its rows.
   */
  complement?: { of: Sample; minus: Sample };
}

/** One tested hypothesis: a value, a token, the best interval of a number, or a boolean. */
export interface Test {
  /** Position of the column in the encoded list. */
  slot: number;
  kind: 'value' | 'token' | 'interval' | 'boolean';
  /** The value's or token's code in its column. */
  code?: number;
  match: Match;
  table: TwoByTwo;
  /** Fisher's exact p; for an interval, Bonferroni over every interval tried (selection-aware). */
  pValue: number;
  qValue: number;
  /** Intervals tried for an interval test (1 otherwise). */
  tries: number;
}

export interface SearchOptions {
  /** Minimum count (>= 1) or share (< 1) of the cohort (or of the rest, for under-represented values). */
  minSupport: number;
  minLift: number;
}

/** The count `--min-support` asks for among `n` known customers. */
export function support(share: number, n: number): number {
  return share >= 1 ? share : Math.max(1, Math.ceil(share * n));
}

/** cohort share / rest share over known values; Infinity when the rest never has it. */
export function liftOf(t: TwoByTwo): number {
  const cohort = t.a / Math.max(1, t.a + t.b);
  const rest = t.c / Math.max(1, t.c + t.d);
  return rest === 0 ? (cohort === 0 ? 1 : Infinity) : cohort / rest;
}

/**
 * The rows of `of` outside `minus`, in the order of `of`, as a complement sample. `minus` must be a subset
 * of `of` with the same labels (a half drawn from it, a fold of it): its counts are subtracted from those of `of`.
 */
export function complementOf(of: Sample, minus: Sample): Sample {
  const rows = new Int32Array(of.rows.length - minus.rows.length);
  let k = 0;
  for (let i = 0; i < of.rows.length; i++) {
    const r = of.rows[i] as number;
    if (minus.mask[r] === 0) rows[k++] = r;
  }
  return { ...sampleOf(rows, of.labels), complement: { of, minus } };
}

/** Builds a sample from row numbers. */
export function sampleOf(rows: Int32Array, labels: Uint8Array): Sample {
  const mask = new Uint8Array(labels.length);
  for (const r of rows) mask[r] = 1 + (labels[r] as number);
  return { rows, mask, labels };
}
