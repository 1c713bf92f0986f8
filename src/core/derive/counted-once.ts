import type { Sample } from './search-types.js';

// Counted once per sample and column: the search tests a column's values on them, and the anti-fit test of
// the same run reads them again. A sample is never changed once made, and goes with its run. The counts are
// shared: never write to them.
const counted = new WeakMap<Sample, WeakMap<object, Int32Array>>();

/**
 * `count(sample)` for the column `key`, made once per sample and column; for a complement sample, the
 * counts of its whole less those of the half it complements (each made once), without a pass over its rows.
 * One count per key: each column kind has one (codes, yes/no flags, number buckets), and a second way of
 * counting the same column would need a key of its own.
 */
export function countedOnce(key: object, sample: Sample, count: (sample: Sample) => Int32Array): Int32Array {
  let bySample = counted.get(sample);
  if (!bySample) counted.set(sample, (bySample = new WeakMap()));
  let counts = bySample.get(key);
  if (!counts) {
    const { complement } = sample;
    counts = complement ? minus(countedOnce(key, complement.of, count), countedOnce(key, complement.minus, count)) : count(sample);
    bySample.set(key, counts);
  }
  return counts;
}

function minus(whole: Int32Array, part: Int32Array): Int32Array {
  const out = new Int32Array(whole.length);
  for (let i = 0; i < out.length; i++) out[i] = (whole[i] as number) - (part[i] as number);
  return out;
}
