import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherExactOneSided } from '../../../src/core/stats/fisher.js';
import { noncentralLowerTail } from '../../../src/core/stats/noncentral-hypergeometric.js';

describe('noncentralLowerTail', () => {
  it("is Fisher's exact one-sided (less) p when the odds ratio is 1", () => {
    const cell = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        fc.pre(a + b > 0 && c + d > 0);
        expect(noncentralLowerTail({ a, b, c, d }, 1)).toBeCloseTo(fisherExactOneSided({ a, b, c, d }, 'less'), 9);
      }),
    );
  });

  it('computes a sparse table by hand: 0 of 6 against 2 of 24 at an odds ratio of 85', () => {
    // P(X = 0) = C(24,2) / (C(24,2) + 6 * 24 * 85 + C(6,2) * 85^2)
    const expected = 276 / (276 + 6 * 24 * 85 + 15 * 85 * 85);
    expect(noncentralLowerTail({ a: 0, b: 6, c: 2, d: 22 }, 85)).toBeCloseTo(expected, 12);
  });

  it('grows with the odds ratio it is tested against, and is 1 at the top of the range', () => {
    const t = { a: 3, b: 7, c: 5, d: 15 };
    expect(noncentralLowerTail(t, 4)).toBeLessThan(noncentralLowerTail(t, 1));
    expect(noncentralLowerTail({ a: 8, b: 0, c: 0, d: 20 }, 2)).toBe(1);
  });
});
