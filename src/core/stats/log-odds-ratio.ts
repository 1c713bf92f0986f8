import { checkTwoByTwo, type TwoByTwo } from './fisher.js';

export interface LogOddsRatio {
  /** log((a + 0.5)(d + 0.5) / ((b + 0.5)(c + 0.5))). */
  estimate: number;
  /** Woolf's variance of the estimate: the sum of 1 / (cell + 0.5). */
  variance: number;
}

/**
 * Log odds ratio of a 2x2 table with the Haldane-Anscombe correction (0.5 added to every cell) and
 * Woolf's variance. The correction keeps both finite when a cell is 0, which small segments often have,
 * so that two tables can be compared on a normal scale without special cases.
 */
export function logOddsRatio(t: TwoByTwo): LogOddsRatio {
  checkTwoByTwo(t);
  const [a, b, c, d] = [t.a + 0.5, t.b + 0.5, t.c + 0.5, t.d + 0.5];
  return { estimate: Math.log((a * d) / (b * c)), variance: 1 / a + 1 / b + 1 / c + 1 / d };
}
