/**
 * The interval search as first written: one pass over the whole value order per sample, keeping every
 * sample value and the cohort's prefix counts. Kept as the reference the bucketed search
 * (src/core/derive/interval-search.ts) must equal exactly; the statistic and the choice of bounds are shared.
 */
import { type EncodedColumn, sortedNumbers } from '../../../src/core/derive/encode.js';
import { support, type Sample, type SearchOptions, type Test } from '../../../src/core/derive/search-types.js';
import { fisherExact } from '../../../src/core/stats/index.js';
import { GRID_STEPS, gStatistic, pickInterval, type Interval } from '../../../src/core/derive/interval-search.js';

function gridCuts(values: Float64Array): number[] {
  const m = values.length;
  const cuts = new Set<number>();
  for (let k = 1; k < GRID_STEPS; k++) {
    let pos = Math.floor((k * m) / GRID_STEPS);
    while (pos > 0 && values[pos - 1] === values[pos]) pos--;
    if (pos > 0 && pos < m) cuts.add(pos);
  }
  return [0, ...[...cuts].sort((x, y) => x - y), m];
}

/**
 * The interval of a number column that best sets the cohort apart (largest likelihood-ratio G among those
 * with enough support and a lift of at least --min-lift; see pickInterval for a second bound), tested with Fisher's exact test and Bonferroni
 * over every interval of the grid: the p-value pays for the search that picked the bounds.
 */
export function referenceIntervalTest(
  column: EncodedColumn & { kind: 'numeric' },
  slot: number,
  sample: Sample,
  o: SearchOptions,
): Omit<Test, 'qValue'> | undefined {
  const { order } = column;
  const sorted = sortedNumbers(column);
  const { mask } = sample;
  const values = new Float64Array(order.length);
  const prefix = new Int32Array(order.length + 1);
  // One pass in value order: the sample's values (read in sequence from `sorted`) and the cohort's prefix counts.
  let m = 0;
  for (let i = 0; i < order.length; i++) {
    const state = mask[order[i] as number] as number;
    if (state === 0) continue;
    values[m] = sorted[i] as number;
    prefix[m + 1] = (prefix[m] as number) + state - 1;
    m++;
  }
  if (m < 2) return undefined;
  const bounds = gridCuts(values.subarray(0, m));
  const cohortKnown = prefix[m] as number;
  const restKnown = m - cohortKnown;
  if (cohortKnown === 0 || restKnown === 0) return undefined;
  const needA = support(o.minSupport, cohortKnown);
  const best: { one?: Interval; two?: Interval } = {};
  let tries = 0;
  for (let i = 0; i < bounds.length - 1; i++) {
    for (let j = i + 1; j < bounds.length; j++) {
      if (i === 0 && j === bounds.length - 1) continue;
      tries++;
      const from = bounds[i] as number;
      const to = bounds[j] as number;
      const a = (prefix[to] as number) - (prefix[from] as number);
      const c = to - from - a;
      if (a < needA) continue;
      const p1 = a / cohortKnown;
      const p2 = c / restKnown;
      if (p2 > 0 && p1 / p2 < o.minLift) continue;
      const g = gStatistic(a, cohortKnown - a, c, restKnown - c);
      const twoSided = i > 0 && j < bounds.length - 1;
      const slot = twoSided ? 'two' : 'one';
      const current = best[slot];
      if (current === undefined || g > current.g) best[slot] = { i, j, g };
    }
  }
  const chosen = pickInterval(best.one, best.two);
  if (chosen === undefined) return undefined;
  const from = bounds[chosen.i] as number;
  const to = bounds[chosen.j] as number;
  const a = (prefix[to] as number) - (prefix[from] as number);
  const c = to - from - a;
  const table = { a, b: cohortKnown - a, c, d: restKnown - c };
  const range = { ...(from > 0 && { min: values[from] as number }), ...(to < m && { max: values[to - 1] as number }) };
  const pValue = Math.min(1, fisherExact(table).pValue * tries);
  return { slot, kind: 'interval', match: { range }, table, pValue, tries };
}
