import { benjaminiHochberg, fisherExact, mantelHaenszelTest, type TwoByTwo } from '../stats/index.js';
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

/**
 * The Cochran-Mantel-Haenszel p of every cell over the strata of the sample (deals within their accounts):
 * the sums of a - E[a] and Var[a] kept per cell, one stratum at a time (strata with one unit, or all best
 * or none, carry no information).
 */
function stratifiedP(
  cells: readonly (readonly string[])[],
  best: readonly boolean[],
  sample: readonly number[],
  strata: readonly number[],
): Map<string, number> {
  const byStratum = new Map<number, number[]>();
  for (const u of sample) {
    const k = strata[u] as number;
    let units = byStratum.get(k);
    if (!units) byStratum.set(k, (units = []));
    units.push(u);
  }
  const sums = new Map<string, [number, number]>();
  const local = new Map<string, [number, number]>();
  for (const units of byStratum.values()) {
    const n = units.length;
    const w = units.reduce((t, u) => t + (best[u] ? 1 : 0), 0);
    if (n < 2 || w === 0 || w === n) continue;
    local.clear();
    for (const u of units) {
      for (const key of cells[u] as readonly string[]) {
        let e = local.get(key);
        if (!e) local.set(key, (e = [0, 0]));
        e[0]++;
        if (best[u]) e[1]++;
      }
    }
    for (const [key, [m, a]] of local) {
      let t = sums.get(key);
      if (!t) sums.set(key, (t = [0, 0]));
      t[0] += a - (w * m) / n;
      t[1] += (w * (n - w) * m * (n - m)) / (n * n * (n - 1));
    }
  }
  return new Map([...sums].map(([key, [delta, variance]]) => [key, mantelHaenszelTest(delta, variance).pValue]));
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
  let bestN = 0;
  for (const a of sample) {
    const isBest = best[a] === true;
    if (isBest) bestN++;
    for (const key of cells[a] as readonly string[]) {
      let c = counts.get(key);
      if (!c) counts.set(key, (c = [0, 0]));
      c[isBest ? 0 : 1]++;
    }
  }
  const restN = sample.length - bestN;
  const stratified = strata ? stratifiedP(cells, best, sample, strata) : undefined;
  const tests = [...counts]
    .filter(([, [a, c]]) => a + c >= need && a + c < sample.length)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([key, [a, c]]) => {
      const table = { a, b: bestN - a, c, d: restN - c };
      const pValue = stratified ? (stratified.get(key) ?? 1) : fisherExact(table).pValue;
      return { key, ...parseCell(key), table, pValue, qValue: 1 };
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
