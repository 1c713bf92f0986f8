import type { Tiers } from '../icp/schema.js';
import type { Tier, TierLabel } from '../icp/tiers.js';

/**
 * The outcome figures of one group of accounts (a segment or a tier). JSON names are part of the
 * contract (`icp report --format json`). A figure that cannot be computed is null and `notes` says why.
 */
export interface SegmentMetrics {
  accounts: number;
  deals: number | null;
  won: number | null;
  lost: number | null;
  open: number | null;
  /** Accounts with at least one won deal: the customers that CAC divides by. */
  won_accounts: number | null;
  /** won / (won + lost) deals. */
  win_rate: number | null;
  /** Wilson 95% interval of win_rate, [low, high]. */
  win_rate_ci: [number, number] | null;
  /** Median days from create (or engage) date to close date of won deals; negative cycles left out. */
  median_cycle_days: number | null;
  avg_won_value: number | null;
  total_won_value: number | null;
  /** total_won_value / accounts. */
  clv: number | null;
  leads?: number;
  converted?: number;
  conversion_rate?: number | null;
  conversion_rate_ci?: [number, number] | null;
  spend?: number | null;
  /** spend / won_accounts. */
  cac?: number | null;
  clv_cac_ratio?: number | null;
  notes: string[];
}

/** ICP against non-ICP: ratios and tests. */
export interface Comparison {
  /** ICP win rate / non-ICP win rate. */
  win_rate_lift: number | null;
  /** Fisher's exact test, two-sided, of won/lost deals by segment. */
  win_rate_p_value: number | null;
  /** Mann-Whitney U test, two-sided, of won deals' cycle days by segment. */
  cycle_days_p_value: number | null;
  /** ICP median cycle days minus non-ICP median (negative: ICP closes faster). */
  cycle_days_difference: number | null;
  /** ICP CLV / non-ICP CLV. */
  clv_ratio: number | null;
  /** ICP conversion rate / non-ICP conversion rate (with leads). */
  conversion_lift?: number | null;
  /** Fisher's exact test of converted/not converted leads by segment (with leads). */
  conversion_p_value?: number | null;
  /** Area under the ROC curve of the account score against won vs lost, over closed deals. */
  auc: number | null;
  notes: string[];
}

/** One lead source or channel: how many ICP accounts it brings and how their deals go. */
export interface SourceRow {
  source: string;
  accounts: number;
  icp_accounts: number;
  icp_share: number | null;
  deals: number | null;
  won: number | null;
  lost: number | null;
  win_rate: number | null;
}

/** The `by_source` section: one row per lead source or channel. */
export interface BySource {
  /** The header the source was read from, and the file that carries it. */
  column: string;
  file: string;
  /** 'deals' when each deal carries its own source; 'accounts' when the customers file does. */
  unit: 'accounts' | 'deals';
  sources: SourceRow[];
}

/** The `data_quality` section: what was dropped or doubtful in the inputs, each with a count. */
export type OwnerRow = Omit<SourceRow, 'source'> & { owner: string };

/** Win rate by owner: who sold, never mined as a customer trait, read here as a breakdown. */
export interface ByOwner {
  column: string;
  file: string;
  unit: 'accounts' | 'deals';
  owners: OwnerRow[];
}

export interface DataQuality {
  deals_total: number | null;
  deals_matched: number | null;
  /** count: every deal that joined no account; without_account: of those, the ones whose account cell is blank. */
  unmatched_deals: { count: number; without_account: number; examples: string[] };
  deals_outside_window: number;
  deals_without_close_date: number;
  deals_without_dates: { count: number };
  /** Close before create: excluded from the cycle figures. */
  negative_cycles: { count: number; won_excluded: number };
  won_deals_without_amount: number;
  unknown_stages: { count: number; stages: { stage: string; count: number }[] };
  /** Keys that repeat: customers (rows combined into one account), deal ids (counted each time), leads. */
  duplicate_keys: { count: number; customers: number; deals: number; leads: number };
  /** How won/lost was read from the deals: a stage column, a won flag, or every deal counted as won. */
  outcome_source: 'stage' | 'won_flag' | 'all_won' | null;
  /** Where sales cycles start: the deals' create (or engage) date, or the customers' when the deals have none. */
  cycle_start: { from: 'deals' | 'customers'; column: string } | null;
  /** ICP criteria with no column in the customers file (unknown for every account). */
  missing_criteria: { label: string; column: string }[];
  /** Lead rows left out of conversion because their converted value is blank or unreadable. */
  leads_without_outcome: number;
}

/** Where the spend came from and how much of it could be put on accounts. */
export interface SpendSummary {
  source: string;
  total: number;
  allocated: number;
  /** Spend on channels that brought no account (not in any segment's CAC). */
  unallocated: { source: string; amount: number }[];
  method: string;
}

/** The whole report: what `icp report` prints and `icp review` backtests with. */
export interface Report {
  icp: { name: string; status: string; generated_at: string; criteria: number; thresholds: Tiers; icp_tiers: Tier[] };
  inputs: { role: 'customers' | 'deals' | 'leads' | 'spend'; name: string; rows: number; sha256: string }[];
  window: { since: string | null; until: string | null };
  join: { customers: string; deals: string; reason: string; match_rate: number } | null;
  segments: { icp: SegmentMetrics; non_icp: SegmentMetrics };
  tiers: Partial<Record<TierLabel, SegmentMetrics>>;
  comparison: Comparison;
  by_source: BySource | null;
  by_owner: ByOwner | null;
  spend: SpendSummary | null;
  data_quality: DataQuality;
  formulas: Record<string, string>;
  verdict: string;
  /** Whether ICP accounts win (or, without deals, convert) significantly more often: the review's test. */
  significant: boolean;
  notes: string[];
}
