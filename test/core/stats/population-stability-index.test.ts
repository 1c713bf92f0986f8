import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { populationStabilityIndex } from '../../../src/core/stats/population-stability-index.js';

// References computed with numpy: shares (count + 0.5) / (total + 0.5 bins), then
// sum((actual - expected) * log(actual / expected)).
describe('populationStabilityIndex', () => {
  it('matches reference values, including an empty bin', () => {
    expect(populationStabilityIndex([100, 200, 300, 400], [150, 180, 270, 400])).toBeCloseTo(0.025396414056512523, 12);
    expect(populationStabilityIndex([10, 0, 5], [0, 10, 5])).toBeCloseTo(3.690330227543543, 12);
  });

  it('rejects mismatched bins, negative counts and empty distributions', () => {
    expect(() => populationStabilityIndex([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => populationStabilityIndex([], [])).toThrow(RangeError);
    expect(() => populationStabilityIndex([1, -1], [1, 1])).toThrow(RangeError);
    expect(() => populationStabilityIndex([0, 0], [1, 1])).toThrow(RangeError);
  });

  const counts = fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }).filter((c) => c.some((v) => v > 0));

  it('is 0 for identical distributions, positive and symmetric otherwise', () => {
    fc.assert(
      fc.property(counts, counts, (e, a) => {
        expect(populationStabilityIndex(e, e)).toBe(0);
        if (e.length !== a.length) return;
        const psi = populationStabilityIndex(e, a);
        expect(psi).toBeGreaterThanOrEqual(0);
        expect(psi).toBeCloseTo(populationStabilityIndex(a, e), 12);
      }),
    );
  });
});
