import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cochranMantelHaenszel } from '../../../src/core/stats/cmh.js';
import type { TwoByTwo } from '../../../src/core/stats/fisher.js';

// R's ?mantelhaen.test, penicillin and rabbits: Rabbits is array(c(0,0,6,5, 3,0,3,6, 6,2,0,4,
// 5,6,1,0, 2,5,0,0), dim = c(2,2,5)), filled column-major so each stratum is c(a, c, b, d).
// R prints Mantel-Haenszel X-squared = 3.9286, df = 1, p-value = 0.04747. The common odds ratio,
// by hand: sum(a d / n) = 0 + 18/12 + 24/12 + 0 + 0 = 3.5, sum(b c / n) = 6/12 = 0.5, so 7.
const RABBITS: TwoByTwo[] = [
  { a: 0, b: 6, c: 0, d: 5 },
  { a: 3, b: 3, c: 0, d: 6 },
  { a: 6, b: 0, c: 2, d: 4 },
  { a: 5, b: 1, c: 6, d: 0 },
  { a: 2, b: 0, c: 5, d: 0 },
];

describe('cochranMantelHaenszel', () => {
  it('matches R mantelhaen.test on the rabbits data', () => {
    const r = cochranMantelHaenszel(RABBITS)!;
    expect(r.chiSquare).toBeCloseTo(3.928571428571429, 10);
    expect(r.pValue / 0.047472255142918154).toBeCloseTo(1, 6);
    expect(r.oddsRatio).toBeCloseTo(7, 12);
  });

  it('skips strata with fewer than 2 observations', () => {
    const strata = [
      { a: 10, b: 20, c: 5, d: 30 },
      { a: 8, b: 12, c: 6, d: 14 },
      { a: 4, b: 5, c: 4, d: 7 },
    ];
    const withTiny = cochranMantelHaenszel([...strata, { a: 1, b: 0, c: 0, d: 0 }, { a: 0, b: 0, c: 0, d: 0 }])!;
    // Reference by the formula in scipy.stats.chi2: X2 = 2.4346369609163414, p = 0.11868136856491616.
    expect(withTiny.chiSquare).toBeCloseTo(2.4346369609163414, 10);
    expect(withTiny.pValue / 0.11868136856491616).toBeCloseTo(1, 6);
    expect(withTiny.oddsRatio).toBeCloseTo(2.031914893617021, 10);
    expect(cochranMantelHaenszel(strata)).toEqual(withTiny);
  });

  it('is null without information: no strata, or only strata with an empty row or column', () => {
    expect(cochranMantelHaenszel([])).toBeNull();
    expect(cochranMantelHaenszel([{ a: 1, b: 0, c: 0, d: 0 }])).toBeNull();
    expect(
      cochranMantelHaenszel([
        { a: 3, b: 4, c: 0, d: 0 },
        { a: 2, b: 0, c: 5, d: 0 },
      ]),
    ).toBeNull();
  });

  it('with one stratum, equals the Yates-corrected chi-square scaled by (n - 1) / n', () => {
    fc.assert(
      fc.property(fc.record({ a: fc.nat(50), b: fc.nat(50), c: fc.nat(50), d: fc.nat(50) }), (t) => {
        const n = t.a + t.b + t.c + t.d;
        const r = cochranMantelHaenszel([t]);
        const rows = [t.a + t.b, t.c + t.d];
        const cols = [t.a + t.c, t.b + t.d];
        if (n < 2 || rows.includes(0) || cols.includes(0)) {
          expect(r).toBeNull();
          return;
        }
        // Pearson's X2 without correction is n (ad - bc)^2 / (row1 row2 col1 col2); MH uses n - 1.
        const delta = Math.abs(t.a - ((rows[0] as number) * (cols[0] as number)) / n);
        const corrected = delta >= 0.5 ? delta - 0.5 : delta;
        const expected = ((n - 1) * n * n * corrected * corrected) / ((rows[0] as number) * (rows[1] as number) * (cols[0] as number) * (cols[1] as number));
        expect(r!.chiSquare).toBeCloseTo(expected, 8);
        expect(r!.pValue).toBeGreaterThan(0);
        expect(r!.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives p 1, not a rounding above it, when the strata show no association at all', () => {
    // Each stratum's a equals its expectation: a statistic of 0, whose tail approximation rounds above 1.
    const r = cochranMantelHaenszel([
      { a: 1, b: 1, c: 1, d: 1 },
      { a: 2, b: 2, c: 2, d: 2 },
    ]);
    expect(r?.pValue).toBe(1);
  });
});
