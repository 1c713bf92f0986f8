import { fisherExact } from '../stats/index.js';
import type { EncodedColumn } from './encode.js';
import { countedOnce } from './counted-once.js';
import { support, type Sample, type SearchOptions, type Test } from './search-types.js';
import { NO_BUCKET, valueBuckets, type ValueBuckets } from './value-buckets.js';

type NumericColumn = EncodedColumn & { kind: 'numeric' };

const xlogx = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/** The likelihood-ratio statistic G of a 2x2 table: how far the interval's model is from no difference. */
export function gStatistic(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  return 2 * (xlogx(a) + xlogx(b) + xlogx(c) + xlogx(d) + xlogx(n) - xlogx(a + b) - xlogx(c + d) - xlogx(a + c) - xlogx(b + d));
}

export interface Interval {
  i: number;
  j: number;
  g: number;
}

/**
 * A second bound must earn its place: the best two-sided interval is preferred to the best one-sided one
 * only when its G is larger by more than the chi-square (1 df) quantile at 0.001. Without this, a one-sided
 * trait (time on website of at least 15 minutes) picks up an upper bound wherever the top tail is thin by chance.
 */
const SECOND_BOUND_G = 10.83;

export function pickInterval(one: Interval | undefined, two: Interval | undefined): Interval | undefined {
  if (one === undefined) return two;
  if (two === undefined) return one;
  return two.g - one.g > SECOND_BOUND_G ? two : one;
}

/** Quantile steps of the interval grid: cuts every 2.5% of the known values, never inside a run of ties. */
export const GRID_STEPS = 40;

/** counts[2 * bucket + label], counted over the sample's rows in their order. */
function countBuckets(of: ValueBuckets['of'], sample: Sample, count: number): Int32Array {
  const counts = new Int32Array(2 * count);
  const { rows, labels } = sample;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const b = of[r] as number;
    if (b === NO_BUCKET) continue;
    const k = 2 * b + (labels[r] as number);
    counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}

/** One sample's counts per bucket, summed: sample and cohort customers before each bucket. */
class SampleRanks {
  readonly before: Int32Array;
  readonly cohortBefore: Int32Array;

  constructor(
    private readonly column: NumericColumn,
    private readonly buckets: ValueBuckets,
    private readonly sample: Sample,
  ) {
    const count = buckets.starts.length - 1;
    const counts = countedOnce(column, sample, (s) => countBuckets(buckets.of, s, count));
    this.before = new Int32Array(count + 1);
    this.cohortBefore = new Int32Array(count + 1);
    for (let b = 0; b < count; b++) {
      const cohort = counts[2 * b + 1] as number;
      this.before[b + 1] = (this.before[b] as number) + (counts[2 * b] as number) + cohort;
      this.cohortBefore[b + 1] = (this.cohortBefore[b] as number) + cohort;
    }
  }

  /** Sample customers with a number. */
  get known(): number {
    return this.before[this.before.length - 1] as number;
  }

  /**
   * The sample's value of rank `rank` (0 the smallest), with how many sample and cohort customers have a
   * smaller value: the start of its run of ties.
   */
  at(rank: number): { value: number; below: number; cohortBelow: number } {
    const { before, cohortBefore } = this;
    let lo = 0;
    let hi = before.length - 2;
    // The bucket holding the rank: the last one that starts at or before it.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((before[mid] as number) <= rank) lo = mid;
      else hi = mid - 1;
    }
    const { order, numbers } = this.column;
    const at = (p: number) => numbers[order[p] as number] as number;
    const from = this.buckets.starts[lo] as number;
    const base = { below: before[lo] as number, cohortBelow: cohortBefore[lo] as number };
    if (this.buckets.single[lo] === 1) return { value: at(from), ...base };
    const { mask } = this.sample;
    const want = rank - base.below;
    let seen = 0;
    let cohort = 0;
    let runSeen = 0;
    let runCohort = 0;
    for (let p = from; ; p++) {
      if (p > from && at(p) !== at(p - 1)) [runSeen, runCohort] = [seen, cohort];
      const state = mask[order[p] as number] as number;
      if (state === 0) continue;
      if (seen === want) return { value: at(p), below: base.below + runSeen, cohortBelow: base.cohortBelow + runCohort };
      seen++;
      cohort += state - 1;
    }
  }
}

/** The grid of cut positions (in the sample's value order) with the cohort below each and the value at each. */
function gridOf(ranks: SampleRanks): { bounds: number[]; cohortBelow: number[]; values: number[] } {
  const m = ranks.known;
  const cuts = new Map<number, { cohortBelow: number; value: number }>();
  for (let k = 1; k < GRID_STEPS; k++) {
    const { value, below, cohortBelow } = ranks.at(Math.floor((k * m) / GRID_STEPS));
    if (below > 0 && below < m) cuts.set(below, { cohortBelow, value });
  }
  const inner = [...cuts.keys()].sort((x, y) => x - y);
  return {
    bounds: [0, ...inner, m],
    cohortBelow: [0, ...inner.map((c) => cuts.get(c)?.cohortBelow as number), ranks.cohortBefore[ranks.cohortBefore.length - 1] as number],
    values: [Number.NaN, ...inner.map((c) => cuts.get(c)?.value as number), Number.NaN],
  };
}

/**
 * The interval of a number column that best sets the cohort apart (largest likelihood-ratio G among those
 * with enough support and a lift of at least --min-lift; see pickInterval for a second bound), tested with
 * Fisher's exact test and Bonferroni over every interval of the grid: the p-value pays for the search that
 * picked the bounds.
 */
export function intervalTest(column: NumericColumn, slot: number, sample: Sample, o: SearchOptions): Omit<Test, 'qValue'> | undefined {
  const ranks = new SampleRanks(column, valueBuckets(column), sample);
  const m = ranks.known;
  if (m < 2) return undefined;
  const { bounds, cohortBelow, values } = gridOf(ranks);
  const cohortKnown = cohortBelow[cohortBelow.length - 1] as number;
  const restKnown = m - cohortKnown;
  if (cohortKnown === 0 || restKnown === 0) return undefined;
  const needA = support(o.minSupport, cohortKnown);
  const best: { one?: Interval; two?: Interval } = {};
  let tries = 0;
  const last = bounds.length - 1;
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (i === 0 && j === last) continue;
      tries++;
      const a = (cohortBelow[j] as number) - (cohortBelow[i] as number);
      const c = (bounds[j] as number) - (bounds[i] as number) - a;
      if (a < needA) continue;
      const p1 = a / cohortKnown;
      const p2 = c / restKnown;
      if (p2 > 0 && p1 / p2 < o.minLift) continue;
      const g = gStatistic(a, cohortKnown - a, c, restKnown - c);
      const side = i > 0 && j < last ? 'two' : 'one';
      const current = best[side];
      if (current === undefined || g > current.g) best[side] = { i, j, g };
    }
  }
  const chosen = pickInterval(best.one, best.two);
  if (chosen === undefined) return undefined;
  const { i, j } = chosen;
  const a = (cohortBelow[j] as number) - (cohortBelow[i] as number);
  const c = (bounds[j] as number) - (bounds[i] as number) - a;
  const table = { a, b: cohortKnown - a, c, d: restKnown - c };
  // The bounds are sample values: the first at the lower cut, and the last one before the upper cut.
  const range = { ...(i > 0 && { min: values[i] as number }), ...(j < last && { max: ranks.at((bounds[j] as number) - 1).value }) };
  const pValue = Math.min(1, fisherExact(table).pValue * tries);
  return { slot, kind: 'interval', match: { range }, table, pValue, tries };
}
