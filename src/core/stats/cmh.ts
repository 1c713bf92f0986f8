import { checkTwoByTwo, type TwoByTwo } from './fisher.js';
import { chiSquare1UpperTail } from './normal-tail.js';

export interface CochranMantelHaenszelResult {
  /** Mantel-Haenszel statistic with continuity correction, chi-square with 1 degree of freedom. */
  chiSquare: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Mantel-Haenszel common odds ratio: sum(a d / n) / sum(b c / n); Infinity or NaN like sampleOddsRatio. */
  oddsRatio: number;
}

/**
 * Cochran-Mantel-Haenszel test of association in 2x2 tables stratified by a third attribute, as R's
 * mantelhaen.test(correct = TRUE): does the attribute still matter once the strata are held fixed?
 * Strata with fewer than 2 observations are skipped. Null when no stratum carries any information
 * (none left, or each has an empty row or column, so the statistic's variance is 0).
 */
export function cochranMantelHaenszel(strata: readonly TwoByTwo[]): CochranMantelHaenszelResult | null {
  let delta = 0;
  let variance = 0;
  let concordant = 0;
  let discordant = 0;
  for (const t of strata) {
    checkTwoByTwo(t);
    const n = t.a + t.b + t.c + t.d;
    if (n < 2) continue;
    const row = t.a + t.b;
    const column = t.a + t.c;
    delta += t.a - (row * column) / n;
    variance += (row * (n - row) * column * (n - column)) / (n * n * (n - 1));
    concordant += (t.a * t.d) / n;
    discordant += (t.b * t.c) / n;
  }
  if (!(variance > 0)) return null;
  return { ...mantelHaenszelTest(delta, variance), oddsRatio: concordant / discordant };
}

/**
 * The Mantel-Haenszel statistic and its p from its two sums over the strata: delta = sum(a - E[a]) and
 * variance = sum(Var[a]), with R's continuity correction. For callers that keep the sums themselves.
 */
export function mantelHaenszelTest(delta: number, variance: number): { chiSquare: number; pValue: number } {
  if (!(variance > 0)) return { chiSquare: 0, pValue: 1 };
  // R applies the half-unit continuity correction only when it does not overshoot zero.
  const correction = Math.abs(delta) >= 0.5 ? 0.5 : 0;
  const chiSquare = (Math.abs(delta) - correction) ** 2 / variance;
  // The tail approximation can overshoot 1 by rounding at a statistic of 0.
  return { chiSquare, pValue: Math.min(1, chiSquare1UpperTail(chiSquare)) };
}
