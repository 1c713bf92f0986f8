import { describe, expect, it } from 'vitest';
import { logOddsRatio } from '../../../src/core/stats/log-odds-ratio.js';

describe('logOddsRatio', () => {
  it('adds 0.5 to each cell and gives Woolf variance (R: log(10.5*40.5/(20.5*30.5)), sum(1/c(10.5,20.5,30.5,40.5)))', () => {
    const r = logOddsRatio({ a: 10, b: 20, c: 30, d: 40 });
    expect(r.estimate).toBeCloseTo(-0.38547433848175733, 12);
    expect(r.variance).toBeCloseTo(0.20149682631356627, 12);
  });

  it('stays finite with zero cells and is antisymmetric when the rows swap', () => {
    const r = logOddsRatio({ a: 0, b: 5, c: 5, d: 0 });
    expect(r.estimate).toBeCloseTo(Math.log((0.5 * 0.5) / (5.5 * 5.5)), 12);
    expect(Number.isFinite(r.variance)).toBe(true);
    expect(logOddsRatio({ a: 5, b: 0, c: 0, d: 5 }).estimate).toBeCloseTo(-r.estimate, 12);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => logOddsRatio({ a: -1, b: 0, c: 0, d: 0 })).toThrow(RangeError);
    expect(() => logOddsRatio({ a: 1.5, b: 0, c: 0, d: 0 })).toThrow(RangeError);
  });
});
