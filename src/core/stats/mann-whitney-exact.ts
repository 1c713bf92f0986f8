/**
 * P(U <= u) for the Mann-Whitney U of samples of sizes m and n without ties, under the null
 * hypothesis (R's pwilcox). O((m n)^2 / 4) work, so callers keep it for small samples.
 */
export function exactUCdf(u: number, m: number, n: number): number {
  // Recurrence on the largest of the m + n values: it belongs to x with probability m / (m + n)
  // and then beats all n values of y. Working with probabilities rather than counts keeps every
  // step a convex combination, so there is no cancellation and no overflow of C(m + n, m).
  // rows[i] is the distribution of U for sizes (i, j) at the current j.
  const rows: Float64Array[] = Array.from({ length: m + 1 }, () => Float64Array.of(1));
  for (let j = 1; j <= n; j++) {
    for (let i = 1; i <= m; i++) {
      const withoutX = rows[i - 1] as Float64Array; // sizes (i - 1, j), already updated for this j
      const withoutY = rows[i] as Float64Array; // sizes (i, j - 1)
      const next = new Float64Array(i * j + 1);
      const pX = i / (i + j);
      const pY = j / (i + j);
      for (let k = 0; k < withoutY.length; k++) next[k] = pY * (withoutY[k] as number);
      for (let k = 0; k < withoutX.length; k++) next[k + j] = (next[k + j] as number) + pX * (withoutX[k] as number);
      rows[i] = next;
    }
  }
  const distribution = rows[m] as Float64Array;
  let sum = 0;
  for (let k = 0; k <= Math.min(Math.floor(u), distribution.length - 1); k++) sum += distribution[k] as number;
  return Math.min(1, sum);
}
