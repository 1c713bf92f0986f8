import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import { drawHypergeometric, drawMarkedCounts } from '../../../src/core/stats/hypergeometric-draw.js';
import { hypergeometric, logPmf } from '../../../src/core/stats/hypergeometric.js';

/** Largest gap between the empirical and the exact CDF (Kolmogorov-Smirnov's D; conservative on a discrete law). */
function ksDistance(draws: number[], n1: number, n2: number, k: number): number {
  const h = hypergeometric(n1, n2, k);
  const counts = new Map<number, number>();
  for (const x of draws) counts.set(x, (counts.get(x) ?? 0) + 1);
  let exact = 0;
  let seen = 0;
  let worst = 0;
  for (let x = h.lo; x <= h.hi; x++) {
    exact += Math.exp(logPmf(h, x));
    seen += counts.get(x) ?? 0;
    worst = Math.max(worst, Math.abs(seen / draws.length - exact));
  }
  return worst;
}

const DRAWS = 4000;
// The 1% critical value of D for this many draws.
const CRITICAL = 1.63 / Math.sqrt(DRAWS);
const LAWS: [number, number, number][] = [
  [5, 7, 6],
  [30, 970, 100],
  [1, 999, 500],
  [400_000, 600_000, 500_000],
  [250, 250, 499],
];

describe('drawHypergeometric', () => {
  it.each(LAWS)('follows Hypergeometric(%i marked, %i unmarked, %i drawn): KS at the 1 percent level passes in at least 18 of 20 seeds', (n1, n2, k) => {
    let passed = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const next = seededRandom(seed);
      const draws = Array.from({ length: DRAWS }, () => drawHypergeometric(n1, n2, k, next()));
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(Math.max(0, k - n2));
      expect(Math.max(...draws)).toBeLessThanOrEqual(Math.min(k, n1));
      if (ksDistance(draws, n1, n2, k) < CRITICAL) passed++;
    }
    expect(passed).toBeGreaterThanOrEqual(18);
  });

  it('gives the only possible value at the edges', () => {
    expect(drawHypergeometric(0, 10, 4, 0.5)).toBe(0);
    expect(drawHypergeometric(10, 0, 4, 0.5)).toBe(4);
    expect(drawHypergeometric(3, 3, 0, 0.5)).toBe(0);
    expect(drawHypergeometric(3, 3, 6, 0.99)).toBe(3);
    expect(drawHypergeometric(3, 3, 6, 0)).toBe(3);
  });
});

describe('drawMarkedCounts', () => {
  it('hands out exactly the marked items, no group above its size', () => {
    const next = seededRandom(7);
    const sizes = Int32Array.from([0, 5, 120, 1, 0, 33, 900]);
    const out = new Int32Array(sizes.length);
    for (let i = 0; i < 500; i++) {
      const marked = Math.floor(next() * 1060);
      drawMarkedCounts(sizes, marked, next, out);
      expect(out.reduce((s, x) => s + x, 0)).toBe(marked);
      expect(out.every((x, g) => x <= (sizes[g] as number))).toBe(true);
    }
  });

  it('gives each group the law a random permutation of the marks would (the last group, drawn after the others: at least 18 of 20 seeds)', () => {
    const sizes = Int32Array.from([40, 7, 300, 53]);
    const marked = 120;
    let passed = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const next = seededRandom(seed);
      const out = new Int32Array(sizes.length);
      const last: number[] = [];
      for (let i = 0; i < DRAWS; i++) {
        drawMarkedCounts(sizes, marked, next, out);
        last.push(out[3] as number);
      }
      if (ksDistance(last, marked, 400 - marked, 53) < CRITICAL) passed++;
    }
    expect(passed).toBeGreaterThanOrEqual(18);
  });
});
