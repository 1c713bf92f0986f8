import type { CellValue } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import type { Match } from '../icp/schema.js';
import { categoryKey, matcher, rangeNumber } from '../score/match.js';
import { benjaminiHochberg, fisherExact, type TwoByTwo } from '../stats/index.js';
import { cutPoints } from './nice.js';

/** One tested hypothesis: "customers matching this are more (or less) common in the cohort". */
export interface Candidate {
  column: number;
  match: Match;
  /** The value or token this candidate stands for (categorical kinds), for merging and labels. */
  value?: string;
  table: TwoByTwo;
  pValue: number;
  qValue: number;
}

/** An attribute column with each customer's value read once. */
export interface AttributeColumn {
  info: ColumnInfo;
  values: readonly (CellValue | null | undefined)[];
}

export interface CandidateOptions {
  /** Minimum count (>= 1) or share (< 1) of the cohort (or of the rest, for under-represented values). */
  minSupport: number;
}

/** The 2x2 table of a membership over the customers whose value is known. */
export function tabulate(members: readonly (boolean | null)[], cohort: readonly boolean[]): TwoByTwo {
  const t = { a: 0, b: 0, c: 0, d: 0 };
  members.forEach((m, i) => {
    if (m === null) return;
    if (cohort[i]) m ? t.a++ : t.b++;
    else m ? t.c++ : t.d++;
  });
  return t;
}

function support(share: number, n: number): number {
  return share >= 1 ? share : Math.max(1, Math.ceil(share * n));
}

/** What one pass over a category or multi-valued column counts: its values and their 2x2 tables. */
interface ValueCounts {
  /** The values (or tokens) present, keyed case-insensitively in sorted order, shown in their commonest spelling. */
  shown: Map<string, string>;
  /**
   * The 2x2 table of every value at once: what tabulate gives for its `in` (or `contains_any`) match.
   * Undefined when a cell holds a value of another shape, which the matches judge one by one.
   */
  table: ((key: string) => TwoByTwo) | undefined;
}

/** Small whole numbers for strings, 0, 1, 2, ... in the order they are first seen. */
class Codes {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  /** The code of `value`, a new one (values.length before) the first time it is seen. */
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  get(value: string): number | undefined {
    return this.codes.get(value);
  }
}

/**
 * Counts a category or multi-valued column in one pass: every spelling is interned once (categoryKey is
 * computed per distinct spelling, not per cell), then counted per customer by its code, once per customer
 * and key however often a cell repeats it.
 */
function countValues(column: AttributeColumn, cohort: readonly boolean[]): ValueCounts {
  const multi = column.info.type === 'multi';
  const spellings = new Codes();
  const spellingCount: number[] = [];
  const spellingKey: number[] = [];
  const keys = new Codes();
  const inCohort: number[] = [];
  const inRest: number[] = [];
  const lastRow: number[] = [];
  let cohortKnown = 0;
  let restKnown = 0;
  let shaped = true;
  const count = (item: string, row: number, tabled: boolean, member: boolean): void => {
    const code = spellings.code(item);
    if (code === spellingKey.length) {
      spellingCount.push(0);
      const k = keys.code(categoryKey(item));
      if (k === inCohort.length) {
        inCohort.push(0);
        inRest.push(0);
        lastRow.push(-1);
      }
      spellingKey.push(k);
    }
    (spellingCount[code] as number)++;
    if (!tabled) return;
    const k = spellingKey[code] as number;
    if (lastRow[k] === row) return;
    lastRow[k] = row;
    if (member) (inCohort[k] as number)++;
    else (inRest[k] as number)++;
  };
  for (let i = 0; i < column.values.length; i++) {
    const v = column.values[i];
    if (v === null || v === undefined) continue;
    const isList = Array.isArray(v);
    const tabled = multi ? isList : typeof v === 'string';
    if (!tabled) shaped = false;
    const member = cohort[i] === true;
    if (tabled) {
      if (member) cohortKnown++;
      else restKnown++;
    }
    if (isList) for (const item of v as readonly string[]) count(item, i, tabled, member);
    else if (typeof v === 'string') count(v, i, tabled, member);
  }
  const forms: [string, number][][] = keys.values.map(() => []);
  spellings.values.forEach((item, code) => (forms[spellingKey[code] as number] as [string, number][]).push([item, spellingCount[code] as number]));
  const shown = new Map<string, string>();
  const byKey = keys.values.map((_, k) => k).sort((x, y) => ((keys.values[x] as string) < (keys.values[y] as string) ? -1 : (keys.values[x] as string) > (keys.values[y] as string) ? 1 : 0));
  for (const k of byKey) {
    const sorted = (forms[k] as [string, number][]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    shown.set(keys.values[k] as string, (sorted[0] as [string, number])[0]);
  }
  const table = (key: string): TwoByTwo => {
    const k = keys.get(key);
    const a = k === undefined ? 0 : (inCohort[k] as number);
    const c = k === undefined ? 0 : (inRest[k] as number);
    return { a, b: cohortKnown - a, c, d: restKnown - c };
  };
  return { shown, table: shaped ? table : undefined };
}

/** The matches worth testing for one column, by its type. */
function matchesFor(column: AttributeColumn, counts: ValueCounts | undefined): { match: Match; value?: string }[] {
  const { type } = column.info;
  if (type === 'category') return [...(counts as ValueCounts).shown.values()].map((v) => ({ match: { in: [v] }, value: v }));
  if (type === 'multi') {
    return [...(counts as ValueCounts).shown.values()].map((v) => ({ match: { contains_any: [v] }, value: v }));
  }
  // `equals: false` is the same test mirrored; selection flips the direction when false is the fit.
  if (type === 'boolean') return [{ match: { equals: true } }];
  const isDate = type === 'date';
  const numbers = column.values
    .map((v) => (typeof v === 'number' ? (isDate ? new Date(v).getUTCFullYear() : v) : undefined))
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b);
  const cuts = cutPoints(numbers);
  const bounds: (number | undefined)[] = [undefined, ...cuts, undefined];
  const out: { match: Match }[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    for (let j = i + 1; j < bounds.length; j++) {
      const min = bounds[i];
      const max = bounds[j];
      if (min === undefined && max === undefined) continue;
      out.push({ match: { range: { ...(min !== undefined && { min }), ...(max !== undefined && { max }) } } });
    }
  }
  return out;
}

function tabulateMatch(column: AttributeColumn, match: Match, isDate: boolean, cohort: readonly boolean[]): TwoByTwo {
  const test = matcher(match, isDate);
  return tabulate(column.values.map((v) => test(v)), cohort);
}

/**
 * For a number or date column, the 2x2 table of any range at once: what tabulate gives for its `range`
 * match, counted by binary search in the sorted numbers of the cohort and of the rest instead of testing
 * every customer per range. Undefined for category, multi-valued and boolean columns, or when a number is NaN.
 */
function rangeTables(column: AttributeColumn, cohort: readonly boolean[]): ((min: number | undefined, max: number | undefined) => TwoByTwo) | undefined {
  const type = column.info.type;
  if (type === 'category' || type === 'multi' || type === 'boolean') return undefined;
  const isDate = type === 'date';
  const inCohort: number[] = [];
  const inRest: number[] = [];
  for (let i = 0; i < column.values.length; i++) {
    const v = column.values[i];
    if (v === null || v === undefined) continue;
    const n = rangeNumber(v, isDate);
    if (n === undefined) continue;
    if (Number.isNaN(n)) return undefined;
    (cohort[i] ? inCohort : inRest).push(n);
  }
  const a = Float64Array.from(inCohort).sort();
  const c = Float64Array.from(inRest).sort();
  const within = (sorted: Float64Array, min: number | undefined, max: number | undefined): number =>
    (max === undefined ? sorted.length : firstAbove(sorted, max)) - (min === undefined ? 0 : firstAtLeast(sorted, min));
  return (min, max) => {
    const ta = within(a, min, max);
    const tc = within(c, min, max);
    return { a: ta, b: a.length - ta, c: tc, d: c.length - tc };
  };
}

/** The first index whose number is >= x (the length when none is). */
function firstAtLeast(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose number is > x (the length when none is). */
function firstAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds and tests every candidate criterion of every attribute column (Fisher's exact test, two-sided),
 * then adjusts all p-values together (Benjamini-Hochberg): one family, however many columns.
 */
export function testCandidates(columns: ReadonlyMap<number, AttributeColumn>, cohort: readonly boolean[], options: CandidateOptions): Candidate[] {
  const tested: Omit<Candidate, 'qValue'>[] = [];
  for (const [index, column] of columns) {
    const isDate = column.info.type === 'date';
    const counts = column.info.type === 'category' || column.info.type === 'multi' ? countValues(column, cohort) : undefined;
    const tables = counts?.table;
    const ranges = rangeTables(column, cohort);
    for (const { match, value } of matchesFor(column, counts)) {
      const table =
        tables && value !== undefined
          ? tables(categoryKey(value))
          : ranges && 'range' in match
            ? ranges(match.range.min, match.range.max)
            : tabulateMatch(column, match, isDate, cohort);
      const cohortKnown = table.a + table.b;
      const restKnown = table.c + table.d;
      if (table.a < support(options.minSupport, cohortKnown) && table.c < support(options.minSupport, restKnown)) continue;
      // A value every known customer has (or none has) cannot tell the cohort apart.
      if (table.a + table.c === 0 || table.b + table.d === 0) continue;
      tested.push({ column: index, match, ...(value !== undefined && { value }), table, pValue: fisherExact(table).pValue });
    }
  }
  const q = benjaminiHochberg(tested.map((t) => t.pValue));
  return tested.map((t, i) => ({ ...t, qValue: q[i] as number }));
}
