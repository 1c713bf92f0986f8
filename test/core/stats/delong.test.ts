import { describe, expect, it } from 'vitest';
import { auc, aucWithDeLong } from '../../../src/core/stats/index.js';
import { seededRandom } from '../../../src/core/random.js';

/** DeLong's variance by its definition: O(m n) over every positive-negative pair. */
function bruteForce(scores: number[], labels: boolean[]): { auc: number; se: number } {
  const pos = scores.filter((_, i) => labels[i]);
  const neg = scores.filter((_, i) => !labels[i]);
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = pos.map((x) => neg.reduce((s, y) => s + psi(x, y), 0) / neg.length);
  const v01 = neg.map((y) => pos.reduce((s, x) => s + psi(x, y), 0) / pos.length);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
  return { auc: mean(v10), se: Math.sqrt(variance(v10) / pos.length + variance(v01) / neg.length) };
}

describe('aucWithDeLong', () => {
  it('equals the definition on tied integer scores (200 random data sets)', () => {
    const next = seededRandom(4);
    for (let k = 0; k < 200; k++) {
      const n = 5 + Math.floor(next() * 60);
      const labels = Array.from({ length: n }, (_, i) => i < 2 || (i > 3 && next() < 0.3));
      const scores = labels.map((l) => Math.floor(next() * 4) + (l ? 1 : 0));
      const got = aucWithDeLong(scores, labels);
      const want = bruteForce(scores, labels);
      expect(got?.auc).toBeCloseTo(want.auc, 12);
      expect(got?.auc).toBeCloseTo(auc(scores, labels) as number, 12);
      expect(got?.se).toBeCloseTo(want.se, 12);
    }
  });

  it('is null when a class is empty', () => {
    expect(aucWithDeLong([1, 2], [true, true])).toBeNull();
  });
});
