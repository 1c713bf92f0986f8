import { spearman } from '../stats/index.js';

/**
 * The value-column part of the leakage screen: with a value column (--value, or the lifetime value derive
 * ranks by), a number that explains it alone (rank correlation), or as a product or ratio with another
 * (tenure x MonthlyCharges = TotalCharges), records the value, not a trait of the customer.
 */
/** Spearman rank correlation with the value (a column, or a product/ratio of two) at or above this is suspect. */
export const LEAK_VALUE_RHO = 0.9;
/** Rows used for the pair screen (product/ratio of two columns), evenly spaced over the customers. */
export const PAIR_ROWS = 2000;
/** Numeric columns tried in pairs (the ones closest to the value by rank correlation). */
export const PAIR_COLUMNS = 40;

export function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function rhoOver(rows: readonly number[], f: (r: number) => number, value: readonly number[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const r of rows) {
    const x = f(r);
    if (Number.isFinite(x)) {
      xs.push(x);
      ys.push(value[r] as number);
    }
  }
  return spearman(xs, ys);
}

/** Columns whose values explain the value: alone (rank correlation), or as a product or ratio of two. */
export function valueSuspects(
  numeric: Map<number, { header: string; values: ArrayLike<unknown> }>,
  value: { label: string; values: readonly number[] },
  add: (index: number, why: string) => void,
): void {
  const num = (vs: ArrayLike<unknown>, r: number) => (isNumber(vs[r]) ? (vs[r] as number) : NaN);
  const all = value.values.flatMap((v, r) => (Number.isFinite(v) ? [r] : []));
  const single = new Map<number, number>();
  for (const [index, c] of numeric) {
    const rho = Math.abs(rhoOver(all, (r) => num(c.values, r), value.values));
    single.set(index, rho);
    if (rho >= LEAK_VALUE_RHO) add(index, `rank correlation ${rho.toFixed(2)} with ${value.label}`);
  }
  const step = Math.max(1, all.length / PAIR_ROWS);
  const rows = Array.from({ length: Math.min(all.length, PAIR_ROWS) }, (_, k) => all[Math.floor(k * step)] as number);
  const pairable = [...single]
    .filter(([, rho]) => rho < LEAK_VALUE_RHO)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, PAIR_COLUMNS)
    .map(([i]) => i)
    .sort((a, b) => a - b);
  for (let p = 0; p < pairable.length; p++) {
    for (let q = p + 1; q < pairable.length; q++) {
      const [i, j] = [pairable[p] as number, pairable[q] as number];
      const [a, b] = [numeric.get(i)!, numeric.get(j)!];
      const forms: [string, (r: number) => number][] = [
        ['×', (r) => num(a.values, r) * num(b.values, r)],
        ['/', (r) => num(a.values, r) / num(b.values, r)],
      ];
      for (const [op, f] of forms) {
        const rho = Math.abs(rhoOver(rows, f, value.values));
        if (rho < LEAK_VALUE_RHO) continue;
        const why = `${a.header} ${op} ${b.header} has rank correlation ${rho.toFixed(2)} with ${value.label}`;
        add(i, why);
        add(j, why);
        break;
      }
    }
  }
}
