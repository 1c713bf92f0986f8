import { logFactorials } from './log-factorials.js';

/**
 * Lower tail P(X <= a) of Fisher's noncentral hypergeometric distribution: the count of successes among the
 * first group of a 2x2 table (a, b / c, d) given its margins, when the odds ratio is `oddsRatio`. With
 * oddsRatio = 1 it is Fisher's exact one-sided p. Exact for small or empty cells, where a normal test of log
 * odds ratios with half counts added is biased towards "no effect".
 */
export function noncentralLowerTail(t: { a: number; b: number; c: number; d: number }, oddsRatio: number): number {
  const n1 = t.a + t.b;
  const n0 = t.c + t.d;
  const m = t.a + t.c;
  const lf = logFactorials(n1 + n0);
  const choose = (n: number, k: number) => (lf[n] as number) - (lf[k] as number) - (lf[n - k] as number);
  const lo = Math.max(0, m - n0);
  const hi = Math.min(n1, m);
  const logPsi = Math.log(oddsRatio);
  const weights: number[] = [];
  for (let x = lo; x <= hi; x++) weights.push(choose(n1, x) + choose(n0, m - x) + x * logPsi);
  // A loop, not Math.max(...weights): a segment of a million deals would overflow the argument stack.
  const top = weights.reduce((m, w) => (w > m ? w : m), -Infinity);
  let total = 0;
  let tail = 0;
  weights.forEach((w, i) => {
    const v = Math.exp(w - top);
    total += v;
    if (lo + i <= t.a) tail += v;
  });
  return Math.min(1, tail / total);
}
