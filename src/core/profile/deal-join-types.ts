import type { ColumnInfo } from '../columns/infer.js';
import type { Role, RoleAssignment } from '../columns/roles.js';
import type { DealQuality, DealStats, MatchedDeal } from './deal-types.js';
import type { JoinKeys, Pair } from './join.js';

export interface DealJoinOptions {
  map?: ReadonlyMap<Role, string> | undefined;
  key?: { customer: string; deal?: string; none?: boolean } | undefined;
  since?: number | undefined;
  until?: number | undefined;
  /**
   * The deals can be read a second time (a file, not stdin): then only the pair that leads on the sample is
   * summed, the others only counted (see DealJoin), and `reread` says when the deals must be read again.
   */
  rereadable?: boolean | undefined;
  /** Only this pair: the one `reread` named after an earlier read. */
  pair?: Pair | undefined;
  /**
   * Count and sum every pair on every deal, as for a file read once: an earlier read could not tell whether
   * a pair after the leader joins more deals.
   */
  countAll?: boolean | undefined;
  /**
   * The deals' roles and column types, when the caller read them already (report types each file once and
   * shares the types): else the roles come from `map` and the types from the first DEAL_SAMPLE_ROWS deals.
   */
  dealRoles?: RoleAssignment | undefined;
  dealColumns?: readonly ColumnInfo[] | undefined;
  /** The customers' column types, when known, so that their created dates read as everywhere else. */
  customerColumns?: readonly ColumnInfo[] | undefined;
  /** Keep every deal the winning pair joined (JoinedDeals.matched), for per-deal views such as report's lead source. */
  keepDeals?: boolean | undefined;
  /** With keepDeals: keep only these cells of each kept deal's row (the others undefined), for a join fed from a stream. */
  keepCells?: readonly number[] | undefined;
}

/** How to read the deals again (DealJoin.reread): with only the pair that won, or counting every pair on every deal. */
export type Reread = { pair: Pair } | { countAll: true };

/** The deals file joined to the customers and summed per customer, and what it was. */
export interface JoinedDeals {
  name: string;
  header: string[];
  rows: number;
  sha256: string;
  keys: JoinKeys;
  byKey: Map<string, DealStats>;
  quality: DealQuality;
  /** Every deal that joined a customer inside the window, in file order; empty unless `keepDeals`. */
  matched: MatchedDeal[];
}
