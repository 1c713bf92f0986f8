import type { Role } from '../columns/roles.js';
import type { JoinedDeals } from '../profile/deal-join.js';
import type { Table } from '../table.js';
import type { TopRule } from './cohort.js';

export interface DeriveOptions {
  top: TopRule;
  alpha: number;
  minSupport: number;
  maxCriteria: number;
  minLift: number;
  value?: string | undefined;
  outcome?: string | undefined;
  /** `--key`: the customers' key column [= the deals' column]; `none`: each row is its own record. */
  key?: { customer: string; deal?: string; none?: boolean } | undefined;
  since?: number | undefined;
  until?: number | undefined;
  attributes?: string[] | undefined;
  exclude?: string[] | undefined;
  /** Columns kept although the leakage screen suspects they record the outcome (`--allow`). */
  allow?: string[] | undefined;
  map?: ReadonlyMap<Role, string>;
  name?: string;
  /** Skip the cross-validation and the half-sample stability (the file says so). */
  fast?: boolean;
  /** Seed of every permutation, fold and half-sample (default DERIVE_SEED): derive stays deterministic. */
  seed?: number;
  /** Called as the slow steps advance (half-samples, folds), for a progress line on a terminal. */
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface DeriveInput {
  customers: Table;
  deals?: Table | undefined;
  /** The deals already joined as they were read (DealJoin), in place of a deals table. */
  joinedDeals?: JoinedDeals | undefined;
  options: DeriveOptions;
  /** ISO timestamp for generated_at: passed in so that core stays free of the clock. */
  generatedAt: string;
  /** Options as the user gave them, recorded in icp.yaml so a review can re-derive the same way. */
  recordedOptions: Record<string, string | number | boolean | null | string[]>;
}
