import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/core/stats/benjamini-hochberg.js';

const closeAll = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((q, i) => {
    expect(q).toBeCloseTo(expected[i] as number, 12);
  });
};

describe('benjaminiHochberg', () => {
  it('matches R p.adjust(method = "BH")', () => {
    closeAll(benjaminiHochberg([0.01, 0.04, 0.03, 0.005]), [0.02, 0.04, 0.04, 0.02]);
    // p.adjust(c(0.2, 0.01, 0.5, 0.01, 0.04, 0.9, 0.049, 0.3), "BH")
    closeAll(benjaminiHochberg([0.2, 0.01, 0.5, 0.01, 0.04, 0.9, 0.049, 0.3]), [0.32, 0.04, 0.5714285714285714, 0.04, 0.098, 0.9, 0.098, 0.4]);
  });

  it('handles empty input, a single value, and caps at 1', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.3])).toEqual([0.3]);
    expect(benjaminiHochberg([1, 1, 0.9])).toEqual([1, 1, 1]);
  });

  it('gives tied p-values the same q whatever their position', () => {
    const q = benjaminiHochberg([0.03, 0.5, 0.03, 0.001, 0.03]);
    expect(q[0]).toBe(q[2]);
    expect(q[2]).toBe(q[4]);
    // Sorted: 0.001, 0.03 x 3, 0.5, so every 0.03 gets min(5 x 0.03 / 4, 5 x 0.5 / 5) = 0.0375.
    expect(q[0]).toBeCloseTo(0.0375, 12);
    expect(q[3]).toBeCloseTo(0.005, 12);
  });

  it('rejects values that are not probabilities', () => {
    expect(() => benjaminiHochberg([0.1, Number.NaN])).toThrow(RangeError);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
    expect(() => benjaminiHochberg([-0.1])).toThrow(RangeError);
  });

  it('gives q >= p, q <= 1, and q in the same order as p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (p) => {
        const q = benjaminiHochberg(p);
        p.forEach((pi, i) => {
          const qi = q[i] as number;
          expect(qi).toBeGreaterThanOrEqual(pi);
          expect(qi).toBeLessThanOrEqual(1);
          p.forEach((pj, j) => {
            if (pi <= pj) expect(qi).toBeLessThanOrEqual(q[j] as number);
          });
        });
      }),
    );
  });

  it('equals the textbook definition min over j >= rank of m p(j) / j', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (p) => {
        const sorted = [...p].sort((x, y) => x - y);
        const m = p.length;
        const q = benjaminiHochberg(p);
        p.forEach((pi, i) => {
          // With ties, the last (largest) rank of the value gives the smallest bound.
          const rank = sorted.lastIndexOf(pi) + 1;
          let best = 1;
          for (let j = rank; j <= m; j++) best = Math.min(best, (m * (sorted[j - 1] as number)) / j);
          expect(q[i]).toBeCloseTo(best, 12);
        });
      }),
    );
  });
});
