import { float64Of, mapInto } from '../typed-arrays.js';

/** Index of the first element >= x (lower) or > x (upper) in an ascending array. */
function bound(sorted: Float64Array, x: number, upper: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v < x || (upper && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sampleVariance(xs: Float64Array): number {
  if (xs.length < 2) return 0;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return ss / (xs.length - 1);
}

/**
 * The AUC of scores against labels with DeLong's standard error, from the structural components of each
 * positive and negative (ties count half): valid for tied, integer scores such as icp's points, where the
 * Hanley-McNeil formula assumes continuous ones. Null when a class is empty. O(n log n).
 */
export function aucWithDeLong(scores: ArrayLike<number>, labels: ArrayLike<boolean>): { auc: number; se: number } | null {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < scores.length; i++) (labels[i] ? pos : neg).push(scores[i] as number);
  if (pos.length === 0 || neg.length === 0) return null;
  const p = float64Of(pos).sort();
  const n = float64Of(neg).sort();
  const v10 = mapInto(new Float64Array(p.length), p, (x) => (bound(n, x, false) + 0.5 * (bound(n, x, true) - bound(n, x, false))) / n.length);
  const v01 = mapInto(new Float64Array(n.length), n, (y) => (p.length - bound(p, y, true) + 0.5 * (bound(p, y, true) - bound(p, y, false))) / p.length);
  let auc = 0;
  for (const v of v10) auc += v;
  auc /= v10.length;
  return { auc, se: Math.sqrt(sampleVariance(v10) / p.length + sampleVariance(v01) / n.length) };
}
