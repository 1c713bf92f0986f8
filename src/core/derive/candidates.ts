import type { CellValue } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import type { Match } from '../icp/schema.js';
import { categoryKey, matcher } from '../score/match.js';
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

/** The categorical values (or tokens) present, keyed case-insensitively, shown in their commonest spelling. */
function distinctValues(values: AttributeColumn['values']): Map<string, string> {
  const spellings = new Map<string, Map<string, number>>();
  for (const v of values) {
    const items = Array.isArray(v) ? (v as readonly string[]) : typeof v === 'string' ? [v] : [];
    for (const item of items) {
      const key = categoryKey(item);
      const forms = spellings.get(key) ?? new Map<string, number>();
      forms.set(item, (forms.get(item) ?? 0) + 1);
      spellings.set(key, forms);
    }
  }
  const shown = new Map<string, string>();
  for (const key of [...spellings.keys()].sort()) {
    const forms = [...(spellings.get(key) as Map<string, number>)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    shown.set(key, (forms[0] as [string, number])[0]);
  }
  return shown;
}

/** The matches worth testing for one column, by its type. */
function matchesFor(column: AttributeColumn): { match: Match; value?: string }[] {
  const { type } = column.info;
  if (type === 'category') return [...distinctValues(column.values).values()].map((v) => ({ match: { in: [v] }, value: v }));
  if (type === 'multi') {
    return [...distinctValues(column.values).values()].map((v) => ({ match: { contains_any: [v] }, value: v }));
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

/**
 * For a category or multi-valued column, the 2x2 table of every value at once, counted in one pass: what
 * tabulate gives for its `in` (or `contains_any`) match. Undefined for other columns, or when a cell holds
 * a value of another shape, which the matches judge one by one.
 */
function valueTables(column: AttributeColumn, cohort: readonly boolean[]): ((key: string) => TwoByTwo) | undefined {
  const multi = column.info.type === 'multi';
  if (!multi && column.info.type !== 'category') return undefined;
  const inCohort = new Map<string, number>();
  const inRest = new Map<string, number>();
  let cohortKnown = 0;
  let restKnown = 0;
  for (let i = 0; i < column.values.length; i++) {
    const v = column.values[i];
    if (v === null || v === undefined) continue;
    if (multi ? !Array.isArray(v) : typeof v !== 'string') return undefined;
    const keys = multi ? new Set((v as readonly string[]).map(categoryKey)) : [categoryKey(v as string)];
    const counts = cohort[i] ? inCohort : inRest;
    if (cohort[i]) cohortKnown++;
    else restKnown++;
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (key) => {
    const a = inCohort.get(key) ?? 0;
    const c = inRest.get(key) ?? 0;
    return { a, b: cohortKnown - a, c, d: restKnown - c };
  };
}

/**
 * Builds and tests every candidate criterion of every attribute column (Fisher's exact test, two-sided),
 * then adjusts all p-values together (Benjamini-Hochberg): one family, however many columns.
 */
export function testCandidates(columns: ReadonlyMap<number, AttributeColumn>, cohort: readonly boolean[], options: CandidateOptions): Candidate[] {
  const tested: Omit<Candidate, 'qValue'>[] = [];
  for (const [index, column] of columns) {
    const isDate = column.info.type === 'date';
    const tables = valueTables(column, cohort);
    for (const { match, value } of matchesFor(column)) {
      const test = matcher(match, isDate);
      const table = tables && value !== undefined ? tables(categoryKey(value)) : tabulate(column.values.map((v) => test(v)), cohort);
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
