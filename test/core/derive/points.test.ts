import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, assignPoints, weightOfEvidence } from '../../../src/core/derive/points.js';

describe('apportion', () => {
  it('splits 100 into integers, each at least 1, that add up exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }), (weights) => {
        const points = apportion(weights, 100);
        expect(points.reduce((s, p) => s + p, 0)).toBe(100);
        expect(points.every((p) => Number.isInteger(p) && p >= 1)).toBe(true);
      }),
    );
  });

  it('keeps the order of the weights', () => {
    expect(apportion([3, 1], 100)).toEqual([75, 25]);
    expect(apportion([1, 1, 1], 100)).toEqual([34, 33, 33]);
  });
});

describe('assignPoints', () => {
  it('gives fit criteria 100 points by weight of evidence and anti-fit negative points on the same scale', () => {
    const strong = { table: { a: 40, b: 10, c: 20, d: 180 }, direction: 'fit' as const };
    const weak = { table: { a: 25, b: 25, c: 60, d: 140 }, direction: 'fit' as const };
    const anti = { table: { a: 2, b: 48, c: 80, d: 120 }, direction: 'anti' as const };
    const points = assignPoints([strong, weak, anti]);
    expect((points[0] as number) + (points[1] as number)).toBe(100);
    expect(points[0]).toBeGreaterThan(points[1] as number);
    expect(points[2]).toBeLessThan(0);
    expect(weightOfEvidence(anti.table)).toBeLessThan(0);
  });
});
