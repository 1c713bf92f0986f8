import { float64Of } from '../typed-arrays.js';

/** The Mann-Whitney U of sample x against sample y, and what the tie correction needs. */
export interface UStatistic {
  /** Pairs (x, y) with x > y, plus half the pairs with x = y. */
  u: number;
  /** Sum over groups of tied values in the pooled sample of t^3 - t (0 when there are no ties). */
  tieTerm: number;
}

/** Copies the values into a numerically sorted typed array, rejecting NaN (it has no rank). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const sorted = float64Of(values);
  for (const v of sorted) if (Number.isNaN(v)) throw new RangeError('cannot rank NaN');
  return sorted.sort();
}

/** U statistic of x against y by merging the two sorted samples: O(n log n) for the sorts, O(n) after. */
export function uStatistic(x: Float64Array, y: Float64Array): UStatistic {
  // Both arrays must be sorted ascending (see sortedCopy); typed-array sort is numeric and fast,
  // which matters for AUC over a million scored leads.
  let i = 0;
  let j = 0;
  let u = 0;
  let tieTerm = 0;
  while (i < x.length || j < y.length) {
    const value = j >= y.length || (i < x.length && (x[i] as number) <= (y[j] as number)) ? (x[i] as number) : (y[j] as number);
    const yBelow = j;
    let tiedX = 0;
    let tiedY = 0;
    while (i < x.length && x[i] === value) {
      i++;
      tiedX++;
    }
    while (j < y.length && y[j] === value) {
      j++;
      tiedY++;
    }
    u += tiedX * (yBelow + tiedY / 2);
    const t = tiedX + tiedY;
    tieTerm += t * t * t - t;
  }
  return { u, tieTerm };
}
