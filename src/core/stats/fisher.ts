import { firstAtMost, hypergeometric, lastAtMost, logPmf, tailProbability, type Hypergeometric } from './hypergeometric.js';

/** 2x2 table: a = cohort with attribute, b = cohort without, c = rest with, d = rest without. */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

// R's fisher.test counts a table as "as likely" when its probability is within this relative
// tolerance, so that tables tied in exact arithmetic are not split by rounding.
const RELATIVE_TOLERANCE = 1e-7;
const LOG_TOLERANCE = Math.log1p(RELATIVE_TOLERANCE);

/** Throws unless every cell is a non-negative integer: a bad count is a bug upstream, not data. */
export function checkTwoByTwo(t: TwoByTwo): void {
  for (const key of ['a', 'b', 'c', 'd'] as const) {
    const v = t[key];
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`2x2 table cell ${key} must be a non-negative integer, got ${v}`);
  }
}

function distributionOf(t: TwoByTwo): Hypergeometric {
  checkTwoByTwo(t);
  return hypergeometric(t.a + t.b, t.c + t.d, t.a + t.c);
}

/** Sample odds ratio (a*d)/(b*c): Infinity when only b*c is 0, 0 when only a*d is 0, NaN when both are. */
export function sampleOddsRatio(t: TwoByTwo): number {
  return (t.a * t.d) / (t.b * t.c);
}

/**
 * Fisher's exact test, two-sided: the probability of all tables with the observed margins that are
 * as or less likely than the observed one (R's fisher.test). p is 0 only below the smallest double.
 */
export function fisherExact(t: TwoByTwo): { pValue: number; oddsRatio: number } {
  const h = distributionOf(t);
  const oddsRatio = sampleOddsRatio(t);
  const limit = logPmf(h, t.a) + LOG_TOLERANCE;
  if (logPmf(h, h.mode) <= limit) return { pValue: 1, oddsRatio };
  // The pmf is log-concave, so the tables at most as likely as the observed one form two tails:
  // [lo, left] and [right, hi], found by bisection on each side of the mode.
  const left = lastAtMost(h, h.lo, h.mode - 1, limit);
  const right = firstAtMost(h, h.mode + 1, h.hi, limit);
  const pValue = tailProbability(h, left, -1) + tailProbability(h, right, 1);
  return { pValue: Math.min(1, pValue), oddsRatio };
}

/** One-sided Fisher exact p-value: 'greater' = P(A >= a), a positive association of cohort and attribute; 'less' = P(A <= a). */
export function fisherExactOneSided(t: TwoByTwo, alternative: 'greater' | 'less'): number {
  const h = distributionOf(t);
  const a = t.a;
  // Sum the small side directly and take the complement otherwise, so that tiny p-values keep
  // their relative precision and the sums only ever walk away from the mode.
  if (alternative === 'greater') {
    if (a > h.mode) return Math.min(1, tailProbability(h, a, 1));
    return clamp01(1 - tailProbability(h, a - 1, -1));
  }
  if (a < h.mode) return Math.min(1, tailProbability(h, a, -1));
  return clamp01(1 - tailProbability(h, a + 1, 1));
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
