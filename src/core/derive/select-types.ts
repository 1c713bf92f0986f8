import type { Match } from '../icp/schema.js';
import type { TwoByTwo } from '../stats/index.js';

/** How a criterion's p-value was obtained, as the ICP file states it. */
export type PKind = 'nominal' | 'permutation' | 'bonferroni' | 'exact';

/** A criterion proposed from the tests, with the evidence of exactly the match it will be scored with. */
export interface Selected {
  slot: number;
  /** The column's index in the customers file. */
  column: number;
  match: Match;
  /** fit: over-represented in the cohort (positive points); anti: under-represented (negative points). */
  direction: 'fit' | 'anti';
  table: TwoByTwo;
  pValue: number;
  pKind: PKind;
  qValue: number;
  /** Membership of every customer: 1 matches, 0 does not, -1 unknown. */
  members: Int8Array;
  /** Values or intervals it was picked from (for the conditional tests' Bonferroni). */
  tries: number;
}

export type LeftOutReason = 'nested' | 'correlated' | 'redundant' | 'below_lift' | 'capped' | 'anti_not_beyond_selection' | 'unstable' | 'negligible' | 'sign';

export interface LeftOut {
  criterion: Selected;
  reason: LeftOutReason;
  /** The criterion or parent column that explains it. */
  because?: { slot: number; column: number; match?: Match };
  detail?: string;
}

export interface SelectOptions {
  alpha: number;
  maxCriteria: number;
  /** Smallest cohort-share / rest-share ratio worth a criterion (and its inverse for anti-fit). */
  minLift: number;
  minSupport: number;
  /** Seed of the anti-fit permutations. */
  seed: number;
  /** Permutations of the anti-fit test (fewer in resamples). */
  permutations?: number;
}

export interface Selection {
  selected: Selected[];
  leftOut: LeftOut[];
  /** Hypotheses tested (values, tokens, intervals, booleans). */
  tested: number;
}
