import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseTiers, TIER_RULE } from '../../../src/core/derive/tiers.js';
import { checkIcpRules } from '../../../src/core/icp/check.js';
import type { IcpDocument, Tiers } from '../../../src/core/icp/schema.js';
import { thresholds, tierFor, tiersOf } from '../../../src/core/icp/tiers.js';

/** How many customers fall in each tier the thresholds define (D included). */
function counts(scores: readonly number[], tiers: Tiers): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(tiersOf(tiers).map((t) => [t, 0]));
  for (const s of scores) out[tierFor(s, tiers)]! += 1;
  return out;
}

const repeat = (value: number, n: number) => new Array<number>(n).fill(value);

/** Deterministic pseudo-random integer scores in 0..100 (a linear congruential generator). */
function spread(n: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % 101;
  });
}

const doc = (tiers: Tiers): IcpDocument => ({
  version: 1,
  name: 'x',
  status: 'manual',
  generated_at: '2026-11-23T00:00:00Z',
  source: [],
  cohort: { measure: 'manual', rule: 'by hand', size: 0, total: 0, share_of_value: null },
  criteria: [],
  tiers,
});

describe('chooseTiers', () => {
  it('with many distinct scores, gives three non-empty tiers and an A about the cohort size', () => {
    const scores = spread(1000, 7);
    const { tiers, note } = chooseTiers(scores, 100);
    expect(note).toBeUndefined();
    expect(Object.keys(tiers)).toEqual(['A', 'B', 'C']);
    const n = counts(scores, tiers);
    expect(n.A).toBeGreaterThan(0);
    expect(n.B).toBeGreaterThan(0);
    expect(n.C).toBeGreaterThan(0);
    // Scores 0..100 on 1000 customers: about 10 per value, so each band is within one value of its target.
    expect(Math.abs(n.A! - 100)).toBeLessThanOrEqual(15);
    expect(Math.abs(n.A! + n.B! - 200)).toBeLessThanOrEqual(15);
    expect(Math.abs(n.A! + n.B! + n.C! - 400)).toBeLessThanOrEqual(15);
  });

  it('takes the distinct score whose count of customers at or above it is closest to each target', () => {
    const scores = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10, ...repeat(0, 10)];
    // At or above: 100 -> 1, 90 -> 2, ..., 70 -> 4 (cohort 4), 30 -> 8 (twice), 10 -> 10 (closest to 16).
    expect(chooseTiers(scores, 4)).toEqual({ tiers: { A: 70, B: 30, C: 10 } });
  });

  it('keeps customers tied on a score in one tier, taking whichever side of the tie is closer', () => {
    // Cohort 4: 100 has 1 customer at or above it, 80 has 6; 6 is closer to 4.
    const scores = [100, ...repeat(80, 5), ...repeat(50, 6), ...repeat(20, 8), ...repeat(0, 10)];
    const { tiers } = chooseTiers(scores, 4);
    expect(tiers).toEqual({ A: 80, B: 50, C: 20 });
    expect(counts(scores, tiers)).toEqual({ A: 6, B: 6, C: 8, D: 10 });
    // Cohort 3: 100 (1 customer, off by 2) and 80 (6, off by 3): the closer one, 100, even if A is small.
    expect(chooseTiers(scores, 3).tiers.A).toBe(100);
  });

  it('breaks an exact tie between two scores towards the higher score', () => {
    // Cohort 4: 90 has 2 customers at or above it and 50 has 6, both 2 away.
    const scores = [...repeat(90, 2), ...repeat(50, 4), ...repeat(30, 10), ...repeat(10, 10)];
    expect(chooseTiers(scores, 4).tiers.A).toBe(90);
  });

  it('leaves a lower score for B and C even when the cohort is most of the customers', () => {
    const scores = [...repeat(100, 2), ...repeat(60, 3), ...repeat(30, 95)];
    const { tiers, note } = chooseTiers(scores, 90);
    expect(tiers).toEqual({ A: 100, B: 60, C: 30 });
    expect(note).toBeUndefined();
  });

  it('scores {0, 100}: one tier, A at 100, and a plain note', () => {
    const scores = [...repeat(100, 30), ...repeat(0, 70)];
    const choice = chooseTiers(scores, 20);
    expect(choice).toEqual({ tiers: { A: 100 }, note: 'Only 1 tier, A: every customer scores 100 or 0.' });
    expect(checkIcpRules(doc(choice.tiers))).toEqual([]);
  });

  it('scores {0, 60, 100}: two tiers, A and B, and a plain note', () => {
    const scores = [...repeat(100, 10), ...repeat(60, 25), ...repeat(0, 65)];
    const choice = chooseTiers(scores, 10);
    expect(choice).toEqual({ tiers: { A: 100, B: 60 }, note: 'Only 2 tiers, A and B: every customer scores 100, 60 or 0.' });
    expect(counts(scores, choice.tiers)).toEqual({ A: 10, B: 25, D: 65 });
    expect(checkIcpRules(doc(choice.tiers))).toEqual([]);
  });

  it('two positive scores and no zero: the note lists only the scores customers have', () => {
    expect(chooseTiers([...repeat(70, 3), ...repeat(30, 7)], 3)).toEqual({
      tiers: { A: 70, B: 30 },
      note: 'Only 2 tiers, A and B: every customer scores 70 or 30.',
    });
  });

  it('all zero (or no customer): A at 100, every customer tier D, and says so', () => {
    const note = 'Only 1 tier, A at 100 (the most a row can score): every customer scores 0, so every customer is tier D.';
    expect(chooseTiers(repeat(0, 20), 4)).toEqual({ tiers: { A: 100 }, note });
    expect(chooseTiers([], 0)).toEqual({ tiers: { A: 100 }, note });
  });

  it('never uses 0 as a threshold, even when a cohort this large would call for it', () => {
    const scores = [...repeat(100, 2), ...repeat(50, 2), ...repeat(10, 2), ...repeat(0, 94)];
    const { tiers } = chooseTiers(scores, 50);
    expect(tiers).toEqual({ A: 100, B: 50, C: 10 });
    expect(tierFor(0, tiers)).toBe('D');
  });

  it('is deterministic and ignores the order of the scores', () => {
    const scores = spread(500, 11);
    const first = chooseTiers(scores, 37);
    expect(chooseTiers([...scores].reverse(), 37)).toEqual(first);
    expect(
      chooseTiers(
        [...scores].sort((a, b) => a - b),
        37,
      ),
    ).toEqual(first);
    expect(chooseTiers(scores, 37)).toEqual(first);
  });

  it('property: thresholds are distinct positive customer scores, decreasing, none empty, min(3, distinct) of them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 200 }), fc.integer({ min: 0, max: 250 }), (scores, cohort) => {
        const { tiers, note } = chooseTiers(scores, cohort);
        const positive = new Set(scores.filter((s) => s > 0));
        const present = thresholds(tiers).map(([, min]) => min);
        expect(checkIcpRules(doc(tiers))).toEqual([]);
        if (positive.size === 0) {
          expect(tiers).toEqual({ A: 100 });
          return;
        }
        expect(present).toHaveLength(Math.min(3, positive.size));
        for (const min of present) expect(positive.has(min)).toBe(true);
        const n = counts(scores, tiers);
        for (const [tier] of thresholds(tiers)) expect(n[tier]).toBeGreaterThan(0);
        expect(note === undefined).toBe(positive.size >= 3);
      }),
    );
  });

  it('TIER_RULE states the rule the code follows', () => {
    expect(TIER_RULE).toMatch(/closest to the cohort size/);
    expect(TIER_RULE).toMatch(/never 0/);
    expect(TIER_RULE).toMatch(/fewer than three distinct scores above 0/);
  });
});
