import { exactUCdf } from './mann-whitney-exact.js';
import { twoSidedNormalPValue } from './normal-tail.js';
import { sortedCopy, uStatistic } from './u-statistic.js';

export interface MannWhitneyResult {
  /** U of x against y: pairs with x > y plus half the ties (R's W statistic of wilcox.test(x, y)). */
  u: number;
  /** The normal-approximation statistic, with tie and continuity corrections (0 when all values tie). */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** 'exact' when the null distribution of U was enumerated, 'normal' when approximated. */
  method: 'exact' | 'normal';
}

export interface MannWhitneyOptions {
  /** 'auto' (default) is exact as R does it: no ties and both samples under 50; 'normal' never is. */
  method?: 'auto' | 'normal';
}

// R's wilcox.test switches to the normal approximation at 50 observations per sample.
const EXACT_LIMIT = 50;

/** Mann-Whitney U test (Wilcoxon rank-sum), two-sided, as R's wilcox.test(x, y, correct = TRUE); null when a sample is empty. */
export function mannWhitney(x: readonly number[], y: readonly number[], options: MannWhitneyOptions = {}): MannWhitneyResult | null {
  const nx = x.length;
  const ny = y.length;
  if (nx === 0 || ny === 0) return null;
  const { u, tieTerm } = uStatistic(sortedCopy(x), sortedCopy(y));
  const z = normalZ(u, tieTerm, nx, ny);
  const exact = (options.method ?? 'auto') === 'auto' && tieTerm === 0 && nx < EXACT_LIMIT && ny < EXACT_LIMIT;
  if (!exact) return { u, z, pValue: z === 0 ? 1 : twoSidedNormalPValue(z), method: 'normal' };
  // U is symmetric about nx ny / 2, so the smaller tail is P(U <= min(u, nx ny - u)); summing it
  // directly keeps small p-values precise where 1 - P(U < u) would cancel.
  const pValue = Math.min(1, 2 * exactUCdf(Math.min(u, nx * ny - u), nx, ny));
  return { u, z, pValue, method: 'exact' };
}

function normalZ(u: number, tieTerm: number, nx: number, ny: number): number {
  const n = nx + ny;
  const variance = ((nx * ny) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  // Every value tied: there is no evidence of a shift at all.
  if (!(variance > 0)) return 0;
  const shift = u - (nx * ny) / 2;
  return (shift - Math.sign(shift) * 0.5) / Math.sqrt(variance);
}
