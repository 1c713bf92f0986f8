import { logFactorials } from './log-factorials.js';

/**
 * The distribution of the top-left cell of a 2x2 table given its margins: X ~ Hypergeometric,
 * drawing `k` items (column 1) from `n1` marked (row 1) and `n2` unmarked (row 2).
 */
export interface Hypergeometric {
  readonly n1: number;
  readonly n2: number;
  readonly k: number;
  readonly lo: number;
  readonly hi: number;
  /** A most likely value (the larger one when two are tied). */
  readonly mode: number;
  /** ln of n1! n2! k! (N-k)! / N!, the part of the log-probability that does not depend on x. */
  readonly logConstant: number;
  readonly lf: Float64Array;
}

// A tail term this far (in nats) below the first one is < 2e-22 of the sum; past it the
// log-concave pmf only falls faster, so the rest of the tail cannot reach double precision.
const NEGLIGIBLE = 50;

/** The hypergeometric distribution of `a` for a table with row totals n1, n2 and first column total k. */
export function hypergeometric(n1: number, n2: number, k: number): Hypergeometric {
  const total = n1 + n2;
  const lf = logFactorials(total);
  const lo = Math.max(0, k - n2);
  const hi = Math.min(k, n1);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((k + 1) * (n1 + 1)) / (total + 2))));
  const logConstant = lf[n1]! + lf[n2]! + lf[k]! + lf[total - k]! - lf[total]!;
  return { n1, n2, k, lo, hi, mode, logConstant, lf };
}

/** ln P(X = x) for x inside the support. */
export function logPmf(h: Hypergeometric, x: number): number {
  const lf = h.lf;
  return h.logConstant - lf[x]! - lf[h.n1 - x]! - lf[h.k - x]! - lf[h.n2 - h.k + x]!;
}

/** P(X = start) + P(X = start + step) + ... to the end of the support; start must be on the falling side of the mode. */
export function tailProbability(h: Hypergeometric, start: number, step: 1 | -1): number {
  if (start < h.lo || start > h.hi) return 0;
  const first = logPmf(h, start);
  let sum = 0;
  for (let x = start; x >= h.lo && x <= h.hi; x += step) {
    const l = logPmf(h, x);
    if (l < first - NEGLIGIBLE) break;
    sum += Math.exp(l);
  }
  return sum;
}

/** The largest x in [from, to] with ln P(X = x) <= limit, where the pmf rises over [from, to]; from - 1 if none. */
export function lastAtMost(h: Hypergeometric, from: number, to: number, limit: number): number {
  let lo = from;
  let hi = to;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (logPmf(h, mid) <= limit) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** The smallest x in [from, to] with ln P(X = x) <= limit, where the pmf falls over [from, to]; to + 1 if none. */
export function firstAtMost(h: Hypergeometric, from: number, to: number, limit: number): number {
  let lo = from;
  let hi = to;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (logPmf(h, mid) <= limit) hi = mid - 1;
    else lo = mid + 1;
  }
  return lo;
}
