import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherExact, fisherExactOneSided, sampleOddsRatio, type TwoByTwo } from '../../../src/core/stats/fisher.js';

// Reference p-values from R's fisher.test (two-sided, alternative = "greater", "less"),
// cross-checked with scipy.stats.fisher_exact.
const REFERENCES: [TwoByTwo, number, number, number][] = [
  [{ a: 3, b: 1, c: 1, d: 3 }, 0.4857142857142857, 0.2428571428571428, 0.9857142857142858], // tea tasting
  [{ a: 10, b: 2, c: 3, d: 15 }, 0.0005367241191434357, 0.000465180943362905, 0.9999845190186861],
  [{ a: 1, b: 9, c: 11, d: 3 }, 0.0027594561852200836, 0.9999663480953022, 0.0013797280926100418],
  [{ a: 0, b: 5, c: 5, d: 0 }, 0.007936507936507938, 1, 0.003968253968253969],
  [{ a: 2, b: 30, c: 40, d: 500 }, 1, 0.7003968956533039, 0.5772966547099794],
  [{ a: 120, b: 880, c: 9000, d: 90000 }, 0.0023408605333999294, 0.0013032486520843723, 0.9990722484427963],
  [{ a: 500, b: 49500, c: 400, d: 49600 }, 0.0009067254550709705, 0.00045336272753548527, 0.999644295496506],
  [{ a: 40, b: 60, c: 30000, d: 69900 }, 0.03747042545999736, 0.02139207662795503, 0.9872456851265154],
];

function binomial(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/** Fisher's p-values by exact enumeration in integers, with R's relative tolerance of 1e-7 for two-sided. */
function enumerated(t: TwoByTwo): { twoSided: number; greater: number; less: number } {
  const n1 = t.a + t.b;
  const n2 = t.c + t.d;
  const k = t.a + t.c;
  const count = (x: number) => binomial(n1, x) * binomial(n2, k - x);
  const observed = count(t.a);
  let total = 0n;
  let extreme = 0n;
  let greater = 0n;
  let less = 0n;
  for (let x = Math.max(0, k - n2); x <= Math.min(k, n1); x++) {
    const c = count(x);
    total += c;
    if (c * 10_000_000n <= observed * 10_000_001n) extreme += c;
    if (x >= t.a) greater += c;
    if (x <= t.a) less += c;
  }
  const ratio = (part: bigint) => Number((part * 10n ** 30n) / total) / 1e30;
  return { twoSided: ratio(extreme), greater: ratio(greater), less: ratio(less) };
}

const table = (max: number) => fc.record({ a: fc.nat(max), b: fc.nat(max), c: fc.nat(max), d: fc.nat(max) });

describe('fisherExact', () => {
  it.each(REFERENCES)('matches R for %o', (t, twoSided, greater, less) => {
    // Log-factorials near ln(100000!) ~ 1e6 carry ~1e-10 absolute rounding, hence relative checks.
    expect(fisherExact(t).pValue / twoSided).toBeCloseTo(1, 8);
    expect(fisherExactOneSided(t, 'greater') / greater).toBeCloseTo(1, 8);
    expect(fisherExactOneSided(t, 'less') / less).toBeCloseTo(1, 8);
  });

  it('gives p = 1 when a margin is empty', () => {
    expect(fisherExact({ a: 7, b: 0, c: 0, d: 0 }).pValue).toBe(1);
    expect(fisherExact({ a: 0, b: 0, c: 0, d: 0 }).pValue).toBe(1);
    expect(fisherExact({ a: 3, b: 0, c: 9, d: 0 }).pValue).toBe(1);
  });

  it('agrees with exact integer enumeration on random tables', () => {
    fc.assert(
      fc.property(table(40), (t) => {
        const expected = enumerated(t);
        const close = (actual: number, wanted: number) => expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(1e-12 + 1e-9 * wanted);
        close(fisherExact(t).pValue, expected.twoSided);
        close(fisherExactOneSided(t, 'greater'), expected.greater);
        close(fisherExactOneSided(t, 'less'), expected.less);
      }),
      { numRuns: 300 },
    );
  });

  it('gives p in (0, 1], unchanged by transposing or swapping rows or columns', () => {
    fc.assert(
      fc.property(table(300), ({ a, b, c, d }) => {
        const p = fisherExact({ a, b, c, d }).pValue;
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        for (const other of [
          { a, b: c, c: b, d },
          { a: c, b: d, c: a, d: b },
          { a: b, b: a, c: d, d: c },
        ]) {
          expect(Math.abs(fisherExact(other).pValue - p)).toBeLessThanOrEqual(1e-9 * p);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact at 100,000 observations, far into the tails', () => {
    // References by exact integer enumeration (Python fractions), as enumeratedP does.
    const far = { a: 300, b: 9700, c: 1800, d: 88200 };
    expect(fisherExact(far).pValue / 3.569571209936319e-10).toBeCloseTo(1, 8);
    expect(fisherExactOneSided(far, 'greater') / 2.1459077684811908e-10).toBeCloseTo(1, 8);
    expect(fisherExact({ a: 3, b: 97, c: 9000, d: 90900 }).pValue / 0.03410278713087679).toBeCloseTo(1, 8);
    // Below the smallest double the p-value underflows to 0 rather than turning into NaN.
    expect(fisherExact({ a: 5000, b: 5000, c: 5000, d: 85000 }).pValue).toBe(0);
  });

  it('rejects cells that are not non-negative integers', () => {
    expect(() => fisherExact({ a: -1, b: 1, c: 1, d: 1 })).toThrow(RangeError);
    expect(() => fisherExact({ a: 1.5, b: 1, c: 1, d: 1 })).toThrow(RangeError);
    expect(() => fisherExact({ a: Number.NaN, b: 1, c: 1, d: 1 })).toThrow(RangeError);
  });
});

describe('fisherExactOneSided', () => {
  it('has greater + less = 1 + P(A = a), and two-sided at least the smaller side', () => {
    fc.assert(
      fc.property(table(60), (t) => {
        const greater = fisherExactOneSided(t, 'greater');
        const less = fisherExactOneSided(t, 'less');
        if (t.b > 0 && t.c > 0) {
          const next = { a: t.a + 1, b: t.b - 1, c: t.c - 1, d: t.d + 1 };
          const pointMass = greater - fisherExactOneSided(next, 'greater');
          expect(greater + less - 1).toBeCloseTo(pointMass, 10);
        }
        expect(fisherExact(t).pValue).toBeGreaterThanOrEqual(Math.min(greater, less) - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('is small for a positive association only under "greater"', () => {
    const t = { a: 30, b: 10, c: 20, d: 60 };
    expect(fisherExactOneSided(t, 'greater')).toBeLessThan(1e-6);
    expect(fisherExactOneSided(t, 'less')).toBeGreaterThan(0.999);
  });
});

describe('sampleOddsRatio', () => {
  it('is (a d) / (b c) with Infinity, 0 and NaN at the edges', () => {
    expect(sampleOddsRatio({ a: 10, b: 2, c: 3, d: 15 })).toBeCloseTo(25, 12);
    expect(fisherExact({ a: 10, b: 2, c: 3, d: 15 }).oddsRatio).toBeCloseTo(25, 12);
    expect(sampleOddsRatio({ a: 4, b: 0, c: 3, d: 5 })).toBe(Infinity);
    expect(sampleOddsRatio({ a: 0, b: 4, c: 3, d: 5 })).toBe(0);
    expect(sampleOddsRatio({ a: 0, b: 0, c: 3, d: 5 })).toBeNaN();
  });
});
