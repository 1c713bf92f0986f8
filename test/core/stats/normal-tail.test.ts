import { describe, expect, it } from 'vitest';
import { chiSquare1UpperTail, erfc, normalUpperTail, twoSidedNormalPValue } from '../../../src/core/stats/normal-tail.js';

// References: Python math.erfc and scipy.stats (norm.sf, chi2.sf); the approximation promises a
// relative error below 1.2e-7, so that is the tolerance, deep into the tail included.
const relative = (actual: number, expected: number) => expect(Math.abs(actual / expected - 1)).toBeLessThan(1.2e-7);

describe('normal tails', () => {
  it('erfc matches reference values in relative terms', () => {
    relative(erfc(0), 1);
    relative(erfc(1), 0.15729920705028513);
    relative(erfc(3), 2.2090496998585438e-5);
    relative(erfc(6), 2.1519736712498916e-17);
    relative(erfc(-0.5), 1.5204998778130465);
  });

  it('gives the familiar normal and chi-square tail probabilities', () => {
    relative(normalUpperTail(1.959963984540054), 0.025);
    relative(twoSidedNormalPValue(-1.959963984540054), 0.05);
    relative(chiSquare1UpperTail(3.84), 0.05004352124870519);
    relative(chiSquare1UpperTail(50), 1.537459794428033e-12);
    expect(chiSquare1UpperTail(0)).toBe(1);
    expect(twoSidedNormalPValue(0)).toBe(1);
  });
});
