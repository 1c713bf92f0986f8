import { benjaminiHochberg, cochranMantelHaenszel, fisherExact, type TwoByTwo } from '../stats/index.js';
import type { PersonaFunction, Seniority } from './title-dictionary.js';

/** A contact as the search reads it: its seniorities and function (classifyTitle). */
export interface ClassedContact {
  seniority: readonly Seniority[];
  function: PersonaFunction;
}

/** One cell tested: a function, a seniority, or both; `key` as `f:sales`, `s:vp`, `fs:sales|vp`. */
export interface CellTest {
  key: string;
  function: PersonaFunction | undefined;
  seniority: Seniority | undefined;
  table: TwoByTwo;
  pValue: number;
  qValue: number;
}

/** The cells a contact puts its account in: its function, each seniority, and each function x seniority. */
export function cellsOf(c: ClassedContact): string[] {
  const levels = c.seniority.filter((s) => s !== 'unknown');
  const fn = c.function === 'other' ? [] : [`f:${c.function}`];
  return [...fn, ...levels.map((s) => `s:${s}`), ...(c.function === 'other' ? [] : levels.map((s) => `fs:${c.function}|${s}`))];
}

/** A cell's function and seniority from its key. */
export function parseCell(key: string): { function: PersonaFunction | undefined; seniority: Seniority | undefined } {
  const [kind, rest = ''] = key.split(':') as [string, string];
  if (kind === 'f') return { function: rest as PersonaFunction, seniority: undefined };
  if (kind === 's') return { function: undefined, seniority: rest as Seniority };
  const [f, s] = rest.split('|') as [string, string];
  return { function: f as PersonaFunction, seniority: s as Seniority };
}

/** Per stratum of the sample: its best and other units. */
function strataTotals(best: readonly boolean[], sample: readonly number[], strata: readonly number[]): Map<number, [number, number]> {
  const totals = new Map<number, [number, number]>();
  for (const u of sample) {
    const k = strata[u] as number;
    let t = totals.get(k);
    if (!t) totals.set(k, (t = [0, 0]));
    t[best[u] ? 0 : 1]++;
  }
  return totals;
}

/**
 * The p-value of a cell: Fisher's exact test of its 2x2, or with strata (deals within their accounts) the
 * Cochran-Mantel-Haenszel test of its 2x2 per stratum, where it is (1 when no stratum carries information).
 */
function cellP(table: TwoByTwo, byStratum: Map<number, [number, number]> | undefined, totals: Map<number, [number, number]> | undefined): number {
  if (!byStratum || !totals) return fisherExact(table).pValue;
  const tables = [...byStratum].map(([k, [a, c]]) => {
    const [best, rest] = totals.get(k) as [number, number];
    return { a, b: best - a, c, d: rest - c };
  });
  return cochranMantelHaenszel(tables)?.pValue ?? 1;
}

/**
 * Tests every cell on the units of `sample` (indexes into `cells` and `best`): per cell, best units with one
 * against the rest with one, Fisher's exact test (or, with `strata`, Cochran-Mantel-Haenszel within them),
 * Benjamini-Hochberg over the cells tested. A cell is tested when enough units have it (`need`, counted on
 * both groups together: the outcome does not decide which cells are tested).
 */
export function searchCells(
  cells: readonly (readonly string[])[],
  best: readonly boolean[],
  sample: readonly number[],
  need: number,
  strata?: readonly number[],
): CellTest[] {
  const counts = new Map<string, [number, number]>();
  const perStratum = strata ? new Map<string, Map<number, [number, number]>>() : undefined;
  let bestN = 0;
  for (const a of sample) {
    const isBest = best[a] === true;
    if (isBest) bestN++;
    for (const key of cells[a] as readonly string[]) {
      let c = counts.get(key);
      if (!c) counts.set(key, (c = [0, 0]));
      c[isBest ? 0 : 1]++;
      if (perStratum && strata) {
        let m = perStratum.get(key);
        if (!m) perStratum.set(key, (m = new Map()));
        let k = m.get(strata[a] as number);
        if (!k) m.set(strata[a] as number, (k = [0, 0]));
        k[isBest ? 0 : 1]++;
      }
    }
  }
  const restN = sample.length - bestN;
  const totals = strata ? strataTotals(best, sample, strata) : undefined;
  const tests = [...counts]
    .filter(([, [a, c]]) => a + c >= need && a + c < sample.length)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([key, [a, c]]) => {
      const table = { a, b: bestN - a, c, d: restN - c };
      return { key, ...parseCell(key), table, pValue: cellP(table, perStratum?.get(key), totals), qValue: 1 };
    });
  const q = benjaminiHochberg(tests.map((t) => t.pValue));
  tests.forEach((t, i) => {
    t.qValue = q[i] as number;
  });
  return tests;
}

/** Best share over rest share; Infinity when no rest account has it. */
export function liftOf(t: TwoByTwo): number {
  const best = t.a / Math.max(1, t.a + t.b);
  const rest = t.c / Math.max(1, t.c + t.d);
  return rest === 0 ? (best === 0 ? 1 : Infinity) : best / rest;
}
