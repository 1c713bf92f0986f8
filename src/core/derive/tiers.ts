import type { Tiers } from '../icp/schema.js';

/** How the tier thresholds were chosen, written into icp.yaml so a reader can check it. */
export const TIER_RULE =
  'A starts at the score of the customer ranked at the cohort size (so tier A is about as large as the cohort), ' +
  'B at twice that rank, C at four times it; thresholds are then made strictly decreasing and at least 1 point apart.';

function scoreAtRank(sortedDesc: readonly number[], rank: number): number {
  const index = Math.min(sortedDesc.length - 1, Math.max(0, rank - 1));
  return sortedDesc[index] ?? 0;
}

/**
 * Chooses A/B/C thresholds from the customers' own scores so that the tiers split the customers file:
 * A holds about as many customers as the cohort, A+B twice that, A+B+C four times.
 */
export function chooseTiers(scores: readonly number[], cohortSize: number): Tiers {
  const sorted = [...scores].sort((a, b) => b - a);
  const size = Math.max(1, cohortSize);
  let a = scoreAtRank(sorted, size);
  let b = scoreAtRank(sorted, 2 * size);
  let c = scoreAtRank(sorted, 4 * size);
  c = Math.min(98, Math.max(1, c));
  b = Math.min(99, Math.max(c + 1, b));
  a = Math.min(100, Math.max(b + 1, a));
  return { A: a, B: b, C: c };
}
