/** The most indicators one fit takes (patterns are keyed by a 31-bit mask); --max-criteria is capped to it. */
export const MAX_INDICATORS = 30;

/**
 * Logistic regression of a 0/1 label on 0/1 indicators with a light ridge penalty (lambda / 2 times the sum
 * of squared slopes; the intercept is free), fitted by Newton-Raphson. The penalty keeps the fit finite when
 * an indicator separates the labels perfectly and barely moves a well-determined slope.
 * Rows are first grouped by their pattern of indicators (at most 2^k patterns), so each iteration costs
 * the number of patterns, not of rows. Returns the intercept and one slope per indicator.
 */
export function ridgeLogistic(
  indicators: readonly ArrayLike<number>[],
  rows: ArrayLike<number>,
  labels: ArrayLike<number>,
  lambda = 1,
): { intercept: number; slopes: number[] } {
  // Patterns are keyed by a 31-bit mask.
  if (indicators.length > MAX_INDICATORS) throw new RangeError(`ridgeLogistic takes at most ${MAX_INDICATORS} indicators, got ${indicators.length}`);
  const k = indicators.length + 1;
  const patterns = new Map<number, { total: number; positive: number }>();
  for (let n = 0; n < rows.length; n++) {
    const r = rows[n] as number;
    let key = 0;
    for (let j = 0; j < indicators.length; j++) if (((indicators[j] as ArrayLike<number>)[r] as number) === 1) key |= 1 << j;
    let p = patterns.get(key);
    if (!p) patterns.set(key, (p = { total: 0, positive: 0 }));
    p.total++;
    if (labels[r] === 1) p.positive++;
  }
  const groups = [...patterns].sort((x, y) => x[0] - y[0]);
  const beta = new Float64Array(k);
  const x = new Float64Array(k);
  for (let iteration = 0; iteration < 100; iteration++) {
    const gradient = new Float64Array(k);
    const hessian = Array.from({ length: k }, () => new Float64Array(k));
    for (const [key, { total, positive }] of groups) {
      x[0] = 1;
      for (let j = 1; j < k; j++) x[j] = (key >> (j - 1)) & 1;
      let eta = 0;
      for (let j = 0; j < k; j++) eta += (beta[j] as number) * (x[j] as number);
      const p = 1 / (1 + Math.exp(-eta));
      const w = total * p * (1 - p);
      const residual = positive - total * p;
      for (let j = 0; j < k; j++) {
        const xj = x[j] as number;
        if (xj === 0) continue;
        gradient[j]! += residual * xj;
        const hj = hessian[j] as Float64Array;
        for (let l = 0; l < k; l++) hj[l]! += w * xj * (x[l] as number);
      }
    }
    for (let j = 1; j < k; j++) {
      gradient[j]! -= lambda * (beta[j] as number);
      (hessian[j] as Float64Array)[j]! += lambda;
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let j = 0; j < k; j++) {
      beta[j]! += step[j] as number;
      largest = Math.max(largest, Math.abs(step[j] as number));
    }
    if (largest < 1e-10) break;
  }
  return { intercept: beta[0] as number, slopes: Array.from(beta.subarray(1)) };
}

/** Solves A x = b for a small symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = (m[col] as number[])[col] as number;
    if (Math.abs(p) < 1e-300) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = ((m[r] as number[])[col] as number) / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) (m[r] as number[])[c]! -= f * ((m[col] as number[])[c] as number);
    }
  }
  return Float64Array.from(m, (row, i) => {
    const p = row[i] as number;
    return Math.abs(p) < 1e-300 ? 0 : (row[n] as number) / p;
  });
}
