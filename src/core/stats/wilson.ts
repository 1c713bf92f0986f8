/** The standard normal quantile for a two-sided 95% interval, qnorm(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion successes / n (no continuity correction); null for n = 0.
 * Unlike the Wald interval it stays inside [0, 1] and is not degenerate at 0 or n successes.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): [number, number] | null {
  if (!(n >= 0) || !(successes >= 0) || successes > n || !Number.isFinite(n)) {
    throw new RangeError(`Wilson interval needs 0 <= successes <= n, got ${successes}/${n}`);
  }
  if (!(z > 0)) throw new RangeError(`Wilson interval needs z > 0, got ${z}`);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes one bound is exactly 0 or 1; clamping removes the rounding that misses it.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return [lower, upper];
}
