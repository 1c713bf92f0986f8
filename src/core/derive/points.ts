import type { TwoByTwo } from '../stats/index.js';

/**
 * Weight of evidence of a criterion: ln(cohort share / rest share), with half a count added to every cell
 * so that a value the rest never has still gets a finite weight.
 */
export function weightOfEvidence(t: TwoByTwo): number {
  const cohort = (t.a + 0.5) / (t.a + t.b + 1);
  const rest = (t.c + 0.5) / (t.c + t.d + 1);
  return Math.log(cohort / rest);
}

/** Splits `total` into integers proportional to `weights` (largest remainder; ties to the earlier one), each at least 1. */
export function apportion(weights: readonly number[], total: number): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * total : total / weights.length));
  const points = exact.map((e) => Math.max(1, Math.floor(e)));
  let left = total - points.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) points[(byRemainder[k] as { i: number }).i]! += 1;
  // Flooring at 1 can overshoot: take back from the largest.
  while (left < 0) {
    const largest = points.indexOf(Math.max(...points));
    points[largest]! -= 1;
    left++;
  }
  return points;
}

/**
 * Integer points from the weight of evidence: fit criteria share 100 points in proportion to their weight;
 * anti-fit criteria lose points on the same scale (at least 1, at most 100).
 */
export function assignPoints(tables: readonly { table: TwoByTwo; direction: 'fit' | 'anti' }[]): number[] {
  const weights = tables.map((t) => Math.abs(weightOfEvidence(t.table)));
  const fitIdx = tables.map((t, i) => (t.direction === 'fit' ? i : -1)).filter((i) => i >= 0);
  const fitWeights = fitIdx.map((i) => weights[i] as number);
  const fitPoints = apportion(fitWeights, 100);
  const fitTotal = fitWeights.reduce((s, w) => s + w, 0);
  return tables.map((t, i) => {
    if (t.direction === 'fit') return fitPoints[fitIdx.indexOf(i)] as number;
    const scaled = fitTotal > 0 ? Math.round((100 * (weights[i] as number)) / fitTotal) : 10;
    return -Math.min(100, Math.max(1, scaled));
  });
}
