import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../src/core/stats/wilson.js';

// References: the Wilson score formula (no continuity correction), i.e. R's
// prop.test(x, n, correct = FALSE)$conf.int and binom::binom.wilson.
describe('wilsonInterval', () => {
  it('matches reference values', () => {
    const [lo, hi] = wilsonInterval(81, 263)!;
    expect(lo).toBeCloseTo(0.2552885198782742, 12);
    expect(hi).toBeCloseTo(0.36620957698280004, 12);
    expect(wilsonInterval(0, 10)).toEqual([0, expect.closeTo(0.2775327998628892, 12)]);
    expect(wilsonInterval(10, 10)).toEqual([expect.closeTo(0.7224672001371107, 12), 1]);
    expect(wilsonInterval(1, 1)![0]).toBeCloseTo(0.20654931437723745, 12);
  });

  it('narrows with a smaller z and returns null for n = 0', () => {
    const [lo95, hi95] = wilsonInterval(30, 100)!;
    const [lo90, hi90] = wilsonInterval(30, 100, 1.6448536269514722)!;
    expect(lo90).toBeGreaterThan(lo95);
    expect(hi90).toBeLessThan(hi95);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1, Number.NaN)).toThrow(RangeError);
  });

  it('lies within [0, 1] and contains the observed proportion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const s = Math.round(share * n);
        const [lo, hi] = wilsonInterval(s, n)!;
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(s / n + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(s / n - 1e-12);
      }),
    );
  });
});
