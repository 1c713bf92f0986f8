import type { Match } from '../icp/schema.js';
import { benjaminiHochberg, fisherExact, type TwoByTwo } from '../stats/index.js';
import { codeCounts } from './code-counts.js';
import type { EncodedColumn } from './encode.js';

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

/** Builds a sample from row numbers. */
export function sampleOf(rows: Int32Array, labels: Uint8Array): Sample {
  const mask = new Uint8Array(labels.length);
  for (const r of rows) mask[r] = 1 + (labels[r] as number);
  return { rows, mask, labels };
}

function valueTests(column: EncodedColumn & { kind: 'category' | 'multi' }, slot: number, sample: Sample, o: SearchOptions): Omit<Test, 'qValue'>[] {
  const { cohort, rest, cohortKnown, restKnown } = codeCounts(column, sample);
  const out: Omit<Test, 'qValue'>[] = [];
  // A value is tested when it is common enough that it could reach --min-support in the cohort or the
  // rest: judged on its count alone, so that which values are tested never depends on the outcome.
  const need = Math.min(support(o.minSupport, cohortKnown), support(o.minSupport, restKnown));
  column.names.forEach((name, code) => {
    const a = cohort[code] as number;
    const c = rest[code] as number;
    if (a + c < need) return;
    const table = { a, b: cohortKnown - a, c, d: restKnown - c };
    if (a + c === 0 || table.b + table.d === 0) return;
    const match: Match = column.kind === 'category' ? { in: [name] } : { contains_any: [name] };
    out.push({ slot, kind: column.kind === 'category' ? 'value' : 'token', code, match, table, pValue: fisherExact(table).pValue, tries: 1 });
  });
  return out;
}

const xlogx = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/** The likelihood-ratio statistic G of a 2x2 table: how far the interval's model is from no difference. */
function gStatistic(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  return 2 * (xlogx(a) + xlogx(b) + xlogx(c) + xlogx(d) + xlogx(n) - xlogx(a + b) - xlogx(c + d) - xlogx(a + c) - xlogx(b + d));
}

interface Interval {
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

function pickInterval(one: Interval | undefined, two: Interval | undefined): Interval | undefined {
  if (one === undefined) return two;
  if (two === undefined) return one;
  return two.g - one.g > SECOND_BOUND_G ? two : one;
}

/** Quantile steps of the interval grid: cuts every 2.5% of the known values, never inside a run of ties. */
const GRID_STEPS = 40;

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
function intervalTest(column: EncodedColumn & { kind: 'numeric' }, slot: number, sample: Sample, o: SearchOptions): Omit<Test, 'qValue'> | undefined {
  const { order, sorted } = column;
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

function booleanTest(column: EncodedColumn & { kind: 'boolean' }, slot: number, sample: Sample): Omit<Test, 'qValue'> | undefined {
  // counts[2 * flag + label], as codeCounts does: no branch on the side.
  const counts = new Int32Array(4);
  const { rows, labels } = sample;
  const { flags } = column;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const f = flags[r] as number;
    if (f < 0) continue;
    const k = 2 * f + (labels[r] as number);
    counts[k] = (counts[k] as number) + 1;
  }
  const t = { a: counts[3] as number, b: counts[1] as number, c: counts[2] as number, d: counts[0] as number };
  if (t.a + t.c === 0 || t.b + t.d === 0) return undefined;
  return { slot, kind: 'boolean', match: { equals: true }, table: t, pValue: fisherExact(t).pValue, tries: 1 };
}

/**
 * Every hypothesis of every column on one sample, with Benjamini-Hochberg q-values over them all: one
 * family, whatever the number of columns, values and intervals.
 */
export function searchColumns(columns: readonly EncodedColumn[], sample: Sample, o: SearchOptions): Test[] {
  const tests: Omit<Test, 'qValue'>[] = [];
  // A number whose every interval misses --min-lift was still searched: it stays in the family with p = 1.
  let searchedInVain = 0;
  columns.forEach((column, slot) => {
    if (column.kind === 'category' || column.kind === 'multi') tests.push(...valueTests(column, slot, sample, o));
    else if (column.kind === 'numeric') {
      const t = intervalTest(column, slot, sample, o);
      if (t) tests.push(t);
      else searchedInVain++;
    } else {
      const t = booleanTest(column, slot, sample);
      if (t) tests.push(t);
    }
  });
  const q = benjaminiHochberg([...tests.map((t) => t.pValue), ...new Array<number>(searchedInVain).fill(1)]);
  return tests.map((t, i) => ({ ...t, qValue: q[i] as number }));
}
