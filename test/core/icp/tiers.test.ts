import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, describeTiers, TIER_NAMES, tierFor, tiersOf } from '../../../src/core/icp/tiers.js';

describe('tierFor', () => {
  it('puts a total exactly on a threshold into that tier', () => {
    const tiers = { A: 75, B: 50, C: 25 };
    expect([100, 75, 74, 50, 49, 25, 24, 0, -40].map((p) => tierFor(p, tiers))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'D']);
  });

  it('marks a disqualified row disqualified whatever its points', () => {
    expect(tierFor(100, DEFAULT_TIERS, { disqualified: true })).toBe('disqualified');
    expect(tierFor(100, DEFAULT_TIERS, { disqualified: false })).toBe('A');
  });

  it('treats C = 0 as "everyone not below zero is at least C"', () => {
    expect(tierFor(0, { A: 60, B: 30, C: 0 })).toBe('C');
    expect(tierFor(-1, { A: 60, B: 30, C: 0 })).toBe('D');
  });

  it('maps a score below the lowest threshold present to D in a file with fewer tiers', () => {
    expect([100, 80, 79, 40, 39, 0].map((p) => tierFor(p, { A: 80, B: 40 }))).toEqual(['A', 'A', 'B', 'B', 'D', 'D']);
    expect([100, 60, 59, 1, 0].map((p) => tierFor(p, { A: 60 }))).toEqual(['A', 'A', 'D', 'D', 'D']);
    expect(tierFor(100, { A: 60 }, { disqualified: true })).toBe('disqualified');
  });

  it('never gives more points a worse tier', () => {
    const tiersArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 })
      .map((xs) => xs.sort((a, b) => b - a))
      .map(([A, B, C]) => ({ A: A!, B: B!, C: C! }));
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: -200, max: 200 }), fc.integer({ min: 0, max: 50 }), (tiers, p, more) => {
        const rank = (points: number) => TIER_NAMES.indexOf(tierFor(points, tiers));
        expect(rank(p + more)).toBeLessThanOrEqual(rank(p));
      }),
    );
  });
});

describe('describeTiers and tiersOf', () => {
  it('shows each threshold the file has', () => {
    expect(describeTiers({ A: 80, B: 55, C: 10 })).toBe('A>=80 B>=55 C>=10');
    expect(describeTiers({ A: 80, B: 55 })).toBe('A>=80 B>=55');
    expect(describeTiers({ A: 80 })).toBe('A>=80');
  });

  it('lists the tiers a row can fall in, D always last', () => {
    expect(tiersOf({ A: 80, B: 55, C: 10 })).toEqual(['A', 'B', 'C', 'D']);
    expect(tiersOf({ A: 80, B: 55 })).toEqual(['A', 'B', 'D']);
    expect(tiersOf({ A: 80 })).toEqual(['A', 'D']);
  });
});
