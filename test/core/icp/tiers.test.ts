import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, describeTiers, TIER_NAMES, tierFor } from '../../../src/core/icp/tiers.js';

describe('tierFor', () => {
  it('puts a total exactly on a threshold into that tier', () => {
    const tiers = { A: 75, B: 50, C: 25 };
    expect([100, 75, 74, 50, 49, 25, 24, 0, -40].map((p) => tierFor(p, tiers))).toEqual([
      'A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'D',
    ]);
  });

  it('marks a disqualified row disqualified whatever its points', () => {
    expect(tierFor(100, DEFAULT_TIERS, { disqualified: true })).toBe('disqualified');
    expect(tierFor(100, DEFAULT_TIERS, { disqualified: false })).toBe('A');
  });

  it('treats C = 0 as "everyone not below zero is at least C"', () => {
    expect(tierFor(0, { A: 60, B: 30, C: 0 })).toBe('C');
    expect(tierFor(-1, { A: 60, B: 30, C: 0 })).toBe('D');
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

describe('describeTiers', () => {
  it('shows each threshold', () => {
    expect(describeTiers({ A: 80, B: 55, C: 10 })).toBe('A>=80 B>=55 C>=10');
  });
});
