import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc } from '../../../src/core/stats/auc.js';

/** P(pos > neg) + 0.5 P(pos = neg) over all pairs: the definition, in O(n^2). */
function pairwiseAuc(scores: number[], labels: boolean[]): number | null {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (!labels[i]) return;
    scores.forEach((t, j) => {
      if (labels[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return pairs === 0 ? null : wins / pairs;
}

const scored = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 80 })
  .map((rows) => ({ scores: rows.map((r) => r[0]), labels: rows.map((r) => r[1]) }));

describe('auc', () => {
  it('is 1 for perfectly separated scores, 0 reversed, 0.5 all tied', () => {
    const labels = [true, true, false, false, false];
    expect(auc([9, 8, 3, 2, 1], labels)).toBe(1);
    expect(auc([1, 2, 3, 8, 9], labels)).toBe(0);
    expect(auc([5, 5, 5, 5, 5], labels)).toBe(0.5);
  });

  it('matches a hand count with ties', () => {
    // Positives 3, 2; negatives 1, 2, 3: 3 beats 1 and 2 and ties 3 (2.5); 2 beats 1, ties 2 (1.5).
    expect(auc([3, 2, 1, 2, 3], [true, true, false, false, false])).toBeCloseTo(4 / 6, 12);
  });

  it('is null when a class is empty, and rejects mismatched lengths', () => {
    expect(auc([1, 2], [true, true])).toBeNull();
    expect(auc([], [])).toBeNull();
    expect(() => auc([1, 2], [true])).toThrow(RangeError);
  });

  it('equals the pairwise definition and flips with the labels', () => {
    fc.assert(
      fc.property(scored, ({ scores, labels }) => {
        const value = auc(scores, labels);
        const expected = pairwiseAuc(scores, labels);
        if (expected === null) {
          expect(value).toBeNull();
        } else {
          expect(value).toBeCloseTo(expected, 12);
          expect(
            auc(
              scores,
              labels.map((l) => !l),
            ),
          ).toBeCloseTo(1 - expected, 12);
        }
      }),
    );
  });
});
