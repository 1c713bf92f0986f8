import type { Tiers } from './schema.js';

/** A row's tier; D is everything below tiers.C. */
export type Tier = 'A' | 'B' | 'C' | 'D';

/** What `icp score` writes in icp_tier: a tier, or `disqualified` when a knockout criterion matched. */
export type TierLabel = Tier | 'disqualified';

export const TIER_NAMES: readonly Tier[] = ['A', 'B', 'C', 'D'];

/** The thresholds derive and init start from; users may move them by editing the file. */
export const DEFAULT_TIERS: Tiers = { A: 75, B: 50, C: 25 };

/** The tier for a total of points: A at or above tiers.A, then B, then C, else D; `disqualified` overrides. */
export function tierFor(points: number, tiers: Tiers): Tier;
export function tierFor(points: number, tiers: Tiers, options: { disqualified?: boolean }): TierLabel;
export function tierFor(points: number, tiers: Tiers, options: { disqualified?: boolean } = {}): TierLabel {
  // A knockout criterion overrides points: a competitor with a perfect profile is still not a prospect.
  if (options.disqualified) return 'disqualified';
  if (points >= tiers.A) return 'A';
  if (points >= tiers.B) return 'B';
  if (points >= tiers.C) return 'C';
  return 'D';
}

/** The lowest total that reaches each tier, for display: `A>=75 B>=50 C>=25`. */
export function describeTiers(tiers: Tiers): string {
  return `A>=${tiers.A} B>=${tiers.B} C>=${tiers.C}`;
}
