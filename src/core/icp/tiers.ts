import type { Tiers } from './schema.js';

/** A row's tier; D is everything below the lowest threshold the file has (C, or B, or A). */
export type Tier = 'A' | 'B' | 'C' | 'D';

/** What `icp score` writes in icp_tier: a tier, or `disqualified` when a knockout criterion matched. */
export type TierLabel = Tier | 'disqualified';

export const TIER_NAMES: readonly Tier[] = ['A', 'B', 'C', 'D'];

/** The thresholds derive and init start from; users may move them by editing the file. */
export const DEFAULT_TIERS: Tiers = { A: 75, B: 50, C: 25 };

/** The thresholds a file has, best first: A always, then B and C when written (C only counts with B). */
export function thresholds(tiers: Tiers): [Exclude<Tier, 'D'>, number][] {
  const out: [Exclude<Tier, 'D'>, number][] = [['A', tiers.A]];
  if (tiers.B !== undefined) {
    out.push(['B', tiers.B]);
    if (tiers.C !== undefined) out.push(['C', tiers.C]);
  }
  return out;
}

/** The tiers a row can fall in with these thresholds, best first, D always last: `A, B, D` for a two-tier file. */
export function tiersOf(tiers: Tiers): Tier[] {
  return [...thresholds(tiers).map(([tier]) => tier), 'D'];
}

/**
 * The tier for a total of points: A at or above tiers.A, then B, then C (those the file has), else D;
 * `disqualified` overrides.
 */
export function tierFor(points: number, tiers: Tiers): Tier;
export function tierFor(points: number, tiers: Tiers, options: { disqualified?: boolean }): TierLabel;
export function tierFor(points: number, tiers: Tiers, options: { disqualified?: boolean } = {}): TierLabel {
  // A knockout criterion overrides points: a competitor with a perfect profile is still not a prospect.
  if (options.disqualified) return 'disqualified';
  for (const [tier, min] of thresholds(tiers)) if (points >= min) return tier;
  return 'D';
}

/** The lowest total that reaches each tier the file has, for display: `A>=75 B>=50 C>=25`, `A>=100 B>=40`. */
export function describeTiers(tiers: Tiers): string {
  return thresholds(tiers)
    .map(([tier, min]) => `${tier}>=${min}`)
    .join(' ');
}
