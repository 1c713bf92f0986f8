import type { TierLabel } from '../icp/tiers.js';
import type { CompiledIcp } from './compile.js';
import type { RowScore } from './score-row.js';

/** Running totals for the end-of-run summary: rows, rows per tier, unknowns per criterion. */
export interface ScoreTally {
  rows: number;
  dropped: number;
  tiers: Record<TierLabel, number>;
  /** Per criterion (same order as compiled.criteria): rows where its value was unknown. */
  unknown: number[];
}

export function newTally(compiled: CompiledIcp): ScoreTally {
  return { rows: 0, dropped: 0, tiers: { A: 0, B: 0, C: 0, D: 0, disqualified: 0 }, unknown: compiled.criteria.map(() => 0) };
}

/** Adds one scored row to the tally. */
export function tallyRow(tally: ScoreTally, score: RowScore): void {
  tally.rows++;
  tally.tiers[score.tier]++;
  for (const i of score.unknown) tally.unknown[i]!++;
}

const ORDER: TierLabel[] = ['A', 'B', 'C', 'D', 'disqualified'];

/** Whether a tier is at least `min` (A best); disqualified rows never pass a filter. */
export function meetsTier(tier: TierLabel, min: 'A' | 'B' | 'C' | 'D'): boolean {
  return tier !== 'disqualified' && ORDER.indexOf(tier) <= ORDER.indexOf(min);
}
