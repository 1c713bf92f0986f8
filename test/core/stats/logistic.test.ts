import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import { ridgeLogistic } from '../../../src/core/stats/logistic.js';

/** Simulated 0/1 indicators with known log-odds effects. */
function simulate(n: number, effects: number[], intercept: number, seed: number) {
  const next = seededRandom(seed);
  const x = effects.map(() => new Uint8Array(n));
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    let eta = intercept;
    effects.forEach((b, j) => {
      const v = next() < 0.4 ? 1 : 0;
      (x[j] as Uint8Array)[r] = v;
      eta += b * v;
    });
    y[r] = next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { x, y, rows: Int32Array.from({ length: n }, (_, i) => i) };
}

describe('ridgeLogistic', () => {
  it('recovers known effects within sampling error on 20,000 rows', () => {
    const { x, y, rows } = simulate(20_000, [1.5, -0.8, 0], -1, 7);
    const fit = ridgeLogistic(x, rows, y, 1);
    expect(fit.intercept).toBeCloseTo(-1, 0);
    expect(fit.slopes[0]).toBeGreaterThan(1.35);
    expect(fit.slopes[0]).toBeLessThan(1.65);
    expect(fit.slopes[1]).toBeGreaterThan(-0.95);
    expect(fit.slopes[1]).toBeLessThan(-0.65);
    expect(Math.abs(fit.slopes[2] as number)).toBeLessThan(0.12);
  });

  it('stays finite when an indicator separates the labels perfectly', () => {
    const n = 200;
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const x = Uint8Array.from(rows, (r) => (r < 50 ? 1 : 0));
    const fit = ridgeLogistic([x], rows, x, 1);
    expect(Number.isFinite(fit.slopes[0])).toBe(true);
    expect(fit.slopes[0]).toBeGreaterThan(3);
  });

  it('splits the evidence of two copies of one indicator instead of counting it twice', () => {
    const { x, y, rows } = simulate(5000, [1.2], -1, 11);
    const col = x[0] as Uint8Array;
    const single = ridgeLogistic([col], rows, y, 1);
    const twice = ridgeLogistic([col, col], rows, y, 1);
    expect((twice.slopes[0] as number) + (twice.slopes[1] as number)).toBeCloseTo(single.slopes[0] as number, 1);
  });
});
