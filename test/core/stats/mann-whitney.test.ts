import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactUCdf } from '../../../src/core/stats/mann-whitney-exact.js';
import { mannWhitney } from '../../../src/core/stats/mann-whitney.js';

const relative = (actual: number, expected: number, digits = 6) => expect(actual / expected).toBeCloseTo(1, digits);

/** P(U <= u) by listing every way to give m of the ranks 1..m+n to x. */
function bruteForceCdf(u: number, m: number, n: number): number {
  let hits = 0;
  let all = 0;
  for (let mask = 0; mask < 1 << (m + n); mask++) {
    let bits = 0;
    let rankSum = 0;
    for (let r = 0; r < m + n; r++)
      if (mask & (1 << r)) {
        bits++;
        rankSum += r + 1;
      }
    if (bits !== m) continue;
    all++;
    if (rankSum - (m * (m + 1)) / 2 <= u) hits++;
  }
  return hits / all;
}

describe('mannWhitney', () => {
  it('matches a hand computation with ties', () => {
    // x = 1 2 3 4, y = 2 5 6. U = 0 + 0.5 + 1 + 1 = 2.5, mean 4 x 3 / 2 = 6. One tie group of
    // size 2: var = (12 / 12) (8 - (8 - 2) / (7 x 6)) = 7.857143; z = (2.5 - 6 + 0.5) / 2.803060
    // = -1.070259; p = 2 Phi(-1.070259) = 0.2845027 (R: wilcox.test(x, y, exact = FALSE)).
    const r = mannWhitney([1, 2, 3, 4], [2, 5, 6])!;
    expect(r.u).toBe(2.5);
    expect(r.z).toBeCloseTo(-1.0702591020190138, 10);
    relative(r.pValue, 0.2845026979112075);
    expect(r.method).toBe('normal');
  });

  it('matches R wilcox.test on its documentation data (ties, so normal approximation)', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const r = mannWhitney(x, y)!;
    expect(r.u).toBe(58); // R: W = 58, p-value = 0.1329
    relative(r.pValue, 0.13291945818531892);
    const tied = mannWhitney([12, 15, 15, 20, 31, 7, 7, 9, 44, 15], [3, 7, 8, 8, 9, 15, 2, 1, 10, 11, 12])!;
    expect(tied.u).toBe(87.5);
    relative(tied.pValue, 0.023456679821128142);
  });

  it('is exact for small samples without ties, as R is by default', () => {
    expect(mannWhitney([1, 2, 3], [4, 5, 6])).toMatchObject({ u: 0, pValue: expect.closeTo(0.1, 12), method: 'exact' });
    // R documentation, permeability constants: W = 35, exact two-sided p = 0.2544 (one-sided 0.1272).
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const exact = mannWhitney(x, y)!;
    expect(exact).toMatchObject({ u: 35, method: 'exact' });
    relative(exact.pValue, 0.2544122544122544, 10);
    const normal = mannWhitney(x, y, { method: 'normal' })!;
    relative(normal.pValue, 0.24462360512698333);
  });

  it('gives p = 1 for identical samples and for all values tied, null for an empty sample', () => {
    expect(mannWhitney([3, 1, 2, 5], [5, 2, 1, 3])).toMatchObject({ z: 0, pValue: 1 });
    expect(mannWhitney([7, 7], [7, 7, 7])).toMatchObject({ u: 3, z: 0, pValue: 1 });
    expect(mannWhitney([], [1])).toBeNull();
    expect(mannWhitney([1], [])).toBeNull();
    expect(() => mannWhitney([Number.NaN], [1])).toThrow(RangeError);
  });

  it('is symmetric: U(x, y) + U(y, x) = nx ny, same p, opposite z', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 70 });
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const xy = mannWhitney(x, y)!;
        const yx = mannWhitney(y, x)!;
        expect(xy.u + yx.u).toBe(x.length * y.length);
        expect(xy.z).toBeCloseTo(-yx.z, 12);
        expect(xy.pValue).toBeCloseTo(yx.pValue, 12);
        expect(xy.pValue).toBeGreaterThan(0);
        expect(xy.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('exactUCdf', () => {
  it('equals brute-force enumeration of rank assignments', () => {
    for (const [m, n] of [
      [1, 1],
      [2, 3],
      [3, 3],
      [4, 6],
      [5, 7],
      [6, 6],
    ] as const) {
      for (let u = -1; u <= m * n; u++) expect(exactUCdf(u, m, n)).toBeCloseTo(bruteForceCdf(u, m, n), 12);
    }
  });

  it('keeps tiny tail probabilities: P(U = 0) = 1 / C(98, 49) for two samples of 49', () => {
    // C(98, 49) = 25477612258980856902730428600
    // (the nearest double: the literal's digits go beyond what a double holds)
    relative(exactUCdf(0, 49, 49), 1 / 2.547761225898086e28, 8);
  });
});
