import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseTiers } from '../../../src/core/derive/tiers.js';

// Issue 12, part 6: "every customer scores 100, 87, 82, 81, 78 or 42 other values." was seen with the old tiers.
describe('the tiers note', () => {
  it('appears only with fewer than three positive scores and then lists every score (at most three), never "other values"', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 100 }), (scores, cohort) => {
        const { note } = chooseTiers(scores, cohort);
        const positive = new Set(scores.filter((s) => s > 0));
        if (positive.size >= 3) return note === undefined;
        expect(note).toBeDefined();
        expect(note).not.toMatch(/other values/);
        const listed = (note as string).slice((note as string).indexOf('scores ')).match(/\d+/g) ?? [];
        expect(listed.length).toBeLessThanOrEqual(3);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
