import type { EncodedColumn } from './encode.js';
import type { Sample } from './search-types.js';
import { countedOnce } from './counted-once.js';

type CodedColumn = EncodedColumn & { kind: 'category' | 'multi' };

/** A column's counts over one sample: per code, cohort and rest; and the known rows of each side. */
export interface CodeCounts {
  readonly cohort: Int32Array;
  readonly rest: Int32Array;
  readonly cohortKnown: number;
  readonly restKnown: number;
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
