import { describe, expect, it } from 'vitest';
import { readableBound, yearLike } from '../../../src/core/derive/nice.js';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('readableBound', () => {
  it('rounds a bound only as far as no customer crosses it', () => {
    const values = sorted([10, 47, 48, 497, 503, 900]);
    expect(readableBound(497, 'max', values)).toBe(500);
    expect(readableBound(503, 'min', values)).toBe(500);
    expect(readableBound(48, 'min', values)).toBe(48);
    expect(readableBound(47, 'max', values)).toBe(47);
  });

  it('keeps four significant digits of a year', () => {
    const years = sorted([1950, 1986, 1987, 1990, 2022]);
    expect(yearLike(false, years)).toBe(true);
    expect(readableBound(1987, 'min', years, 4)).toBe(1987);
    expect(readableBound(1990, 'max', years, 4)).toBe(1990);
    expect(readableBound(1990, 'min', sorted([1950, 1987, 1990]), 4)).toBe(1990);
  });

  it('never rounds coarser than two significant digits, however wide the gap', () => {
    const values = sorted([10, 200, 497, 100_000]);
    expect(readableBound(497, 'max', values)).toBe(500);
    expect(readableBound(200, 'min', values)).toBe(200);
    expect(yearLike(false, values)).toBe(false);
  });

  it('never moves a customer across the bound (property over random data)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const xs = Array.from({ length: 30 }, (_, i) => Math.round(((seed * 7919 + i * 104729) % 100_000) / 7) / 10);
      const values = sorted(xs);
      const bound = values[(seed % 28) + 1] as number;
      const min = readableBound(bound, 'min', values);
      const max = readableBound(bound, 'max', values);
      for (const v of values) {
        expect(v >= min).toBe(v >= bound);
        expect(v <= max).toBe(v <= bound);
      }
    }
  });
});
