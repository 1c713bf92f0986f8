import { seededRandom } from '../random.js';

/**
 * Percentile bootstrap 95% interval of mean(x) / mean(y): each group resampled with replacement on its own
 * (the groups are fixed by the ICP, not drawn), `rounds` times from a fixed seed so a report is reproducible.
 * Rounds whose mean(y) is 0 are dropped; null when fewer than 90% of the rounds give a ratio, or when a
 * group is empty.
 */
export function bootstrapRatioOfMeans(x: readonly number[], y: readonly number[], options: { rounds?: number; seed?: number } = {}): [number, number] | null {
  const { rounds = 1000, seed = 20261202 } = options;
  if (x.length === 0 || y.length === 0) return null;
  const next = seededRandom(seed);
  const mean = (values: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(next() * values.length)] as number;
    return sum / values.length;
  };
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const mx = mean(x);
    const my = mean(y);
    if (my !== 0) ratios.push(mx / my);
  }
  if (ratios.length < 0.9 * rounds) return null;
  ratios.sort((a, b) => a - b);
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.round(q * (ratios.length - 1))))] as number;
  return [at(0.025), at(0.975)];
}
