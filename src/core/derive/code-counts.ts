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
const counted = new WeakMap<Sample, WeakMap<EncodedColumn, CodeCounts>>();

/** Per-code counts of a category or multi-valued column over the sample: cohort and rest, plus known totals (do not write to them). */
export function codeCounts(column: CodedColumn, sample: Sample): CodeCounts {
  let bySample = counted.get(sample);
  if (!bySample) counted.set(sample, (bySample = new WeakMap()));
  let counts = bySample.get(column);
  if (!counts) bySample.set(column, (counts = countCodes(column, sample)));
  return counts;
}

function countCodes(column: CodedColumn, sample: Sample): CodeCounts {
  const size = column.names.length;
  // counts[2 * code + label]: one typed array and no branch on the side (this loop runs for every sample).
  const counts = new Int32Array(2 * size);
  const known = new Int32Array(2);
  const { rows, labels } = sample;
  if (column.kind === 'category') {
    const { codes } = column;
    // Unknown (-1) counts in slot 0 and code c in slot c + 1, so that the loop has no branch; the known
    // totals are the sums of the codes' slots.
    const slots = new Int32Array(2 * (size + 1));
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      const k = 2 * ((codes[r] as number) + 1) + (labels[r] as number);
      slots[k] = (slots[k] as number) + 1;
    }
    counts.set(slots.subarray(2));
    for (let k = 0; k < counts.length; k++) known[k & 1] = (known[k & 1] as number) + (counts[k] as number);
  } else {
    const { offsets, tokens } = column;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      const from = offsets[r] as number;
      if (tokens[from] === -1) continue;
      const to = offsets[r + 1] as number;
      const label = labels[r] as number;
      for (let k = from; k < to; k++) counts[2 * (tokens[k] as number) + label] = (counts[2 * (tokens[k] as number) + label] as number) + 1;
      known[label] = (known[label] as number) + 1;
    }
  }
  const cohort = new Int32Array(size);
  const rest = new Int32Array(size);
  for (let c = 0; c < size; c++) [cohort[c], rest[c]] = [counts[2 * c + 1] as number, counts[2 * c] as number];
  return { cohort, rest, cohortKnown: known[1] as number, restKnown: known[0] as number };
}
