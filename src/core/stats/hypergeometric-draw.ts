import { hypergeometric, logPmf } from './hypergeometric.js';

/**
 * One exact draw of X ~ Hypergeometric (k items drawn from n1 marked and n2 unmarked) by inversion, the
 * uniform `u` spent on the support from the mode outwards (up, then down, in turn): the probabilities
 * come from the pmf's ratio between neighbours, so a draw costs about one step per unit of standard
 * deviation, whatever n1 + n2.
 */
export function drawHypergeometric(n1: number, n2: number, k: number, u: number): number {
  if (k === 0 || n1 === 0) return 0;
  if (n2 === 0) return k;
  const h = hypergeometric(n1, n2, k);
  const { lo, hi, mode } = h;
  const atMode = Math.exp(logPmf(h, mode));
  let left = u - atMode;
  if (left <= 0) return mode;
  let up = mode;
  let down = mode;
  let pUp = atMode;
  let pDown = atMode;
  for (;;) {
    const canUp = up < hi;
    const canDown = down > lo;
    if (!canUp && !canDown) return mode; // u beyond the rounded total of the pmf: the most likely value
    if (canUp) {
      pUp *= ((n1 - up) * (k - up)) / ((up + 1) * (n2 - k + up + 1));
      up++;
      left -= pUp;
      if (left <= 0) return up;
    }
    if (canDown) {
      pDown *= (down * (n2 - k + down)) / ((n1 - down + 1) * (k - down + 1));
      down--;
      left -= pDown;
      if (left <= 0) return down;
    }
  }
}

/**
 * The marked items among groups of the given sizes when `marked` of their items, taken together, are
 * marked at random (a multivariate hypergeometric draw, group by group): the counts a permutation of the
 * marks over the items would give, without touching the items. Writes them to `out`.
 */
export function drawMarkedCounts(sizes: Int32Array, marked: number, next: () => number, out: Int32Array): void {
  let items = 0;
  for (let g = 0; g < sizes.length; g++) items += sizes[g] as number;
  let left = marked;
  for (let g = 0; g < sizes.length; g++) {
    const size = sizes[g] as number;
    const x = size === 0 ? 0 : drawHypergeometric(left, items - left, size, next());
    out[g] = x;
    left -= x;
    items -= size;
  }
}
