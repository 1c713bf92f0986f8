import type { EncodedColumn } from './encode.js';

type NumericColumn = EncodedColumn & { kind: 'numeric' };

/**
 * A number column's value order cut into a few thousand runs of neighbouring positions, so that a search
 * on a sample counts its customers per bucket in one pass over the sample's rows, and looks at single
 * positions only inside the few buckets where a grid cut falls. A bucket never splits a run of equal
 * values, so "how many sample customers are below this value" is a bucket total plus a count inside one
 * bucket; a run of ties longer than a bucket is a bucket of its own (all one value: nothing to look inside).
 */
export interface ValueBuckets {
  /** Each row's bucket; NO_BUCKET for a row without a number. */
  readonly of: Uint16Array;
  /** Where each bucket starts in the column's value order, and one past the last position. */
  readonly starts: Int32Array;
  /** 1 when every value in the bucket is the same number. */
  readonly single: Uint8Array;
}

export const NO_BUCKET = 0xffff;

/** Aimed-for number of buckets. Runs of ties add at most two buckets each per bucket's worth of rows, so there are fewer than 3 times this. */
const BUCKETS = 4096;

const made = new WeakMap<NumericColumn, ValueBuckets>();

/** The buckets of a number column, made once per column (do not write to them). */
export function valueBuckets(column: NumericColumn): ValueBuckets {
  let buckets = made.get(column);
  if (!buckets) made.set(column, (buckets = bucketsOf(column)));
  return buckets;
}

function bucketsOf(column: NumericColumn): ValueBuckets {
  const { order, numbers } = column;
  const at = (p: number) => numbers[order[p] as number] as number;
  const n = order.length;
  const size = Math.max(1, Math.ceil(n / BUCKETS));
  const starts: number[] = [0];
  let start = 0;
  for (let p = 0; p < n; ) {
    let q = p + 1;
    while (q < n && at(q) === at(p)) q++;
    // A run of ties [p, q): a bucket may start only where a run does.
    const long = q - p >= size;
    if (p > start && (p - start >= size || long)) starts.push((start = p));
    if (long && q < n) starts.push((start = q));
    p = q;
  }
  if (n > 0) starts.push(n);
  const of = new Uint16Array(column.numbers.length).fill(NO_BUCKET);
  const single = new Uint8Array(Math.max(0, starts.length - 1));
  for (let b = 0; b + 1 < starts.length; b++) {
    const from = starts[b] as number;
    const to = starts[b + 1] as number;
    for (let p = from; p < to; p++) of[order[p] as number] = b;
    single[b] = at(from) === at(to - 1) ? 1 : 0;
  }
  return { of, starts: Int32Array.from(starts), single };
}
