import type { EncodedColumn } from './encode.js';
import type { Sample } from './search-types.js';

type CodedColumn = EncodedColumn & { kind: 'category' | 'multi' };

/** A column's counts over one sample: per code, cohort and rest; and the known rows of each side. */
export interface CodeCounts {
  readonly cohort: Int32Array;
  readonly rest: Int32Array;
  readonly cohortKnown: number;
  readonly restKnown: number;
}

// Counted once per sample and column: the search tests the values on them, and the anti-fit test of the
// same run reads them again. A sample is never changed once made, and goes with its run.
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

/** Per-code counts of a category or multi-valued column over the sample: cohort and rest, plus known totals (do not write to them). */
export function codeCounts(column: CodedColumn, sample: Sample): CodeCounts {
  const counts = countedOnce(column, sample, (s) => countCodes(column, s));
  const size = column.names.length;
  return {
    cohort: counts.subarray(0, size),
    rest: counts.subarray(size, 2 * size),
    cohortKnown: counts[2 * size] as number,
    restKnown: counts[2 * size + 1] as number,
  };
}

function countCodes(column: CodedColumn, sample: Sample): Int32Array {
  const size = column.names.length;
  // counts[2 * (code + 1) + label]: one typed array and no branch on the side (this loop runs for every
  // sample). Unknown (code -1) counts in the first two slots, so a category's loop needs no branch either.
  const counts = new Int32Array(2 * (size + 1));
  const known = new Int32Array(2);
  const { rows, labels } = sample;
  if (column.kind === 'category') {
    const { codes } = column;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      const k = 2 * ((codes[r] as number) + 1) + (labels[r] as number);
      counts[k] = (counts[k] as number) + 1;
    }
    // A category row holds one value: the known rows of a side are the sum of its codes' counts.
    for (let k = 2; k < counts.length; k++) known[k & 1] = (known[k & 1] as number) + (counts[k] as number);
  } else {
    const { offsets, tokens } = column;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      const from = offsets[r] as number;
      if (tokens[from] === -1) continue;
      const to = offsets[r + 1] as number;
      const label = labels[r] as number;
      for (let k = from; k < to; k++) {
        const slot = 2 * ((tokens[k] as number) + 1) + label;
        counts[slot] = (counts[slot] as number) + 1;
      }
      known[label] = (known[label] as number) + 1;
    }
  }
  // Flat, so that a complement's counts are one subtraction: cohort per code, rest per code, then the known rows.
  const out = new Int32Array(2 * size + 2);
  for (let c = 0; c < size; c++) [out[c], out[size + c]] = [counts[2 * (c + 1) + 1] as number, counts[2 * (c + 1)] as number];
  [out[2 * size], out[2 * size + 1]] = [known[1] as number, known[0] as number];
  return out;
}
