import type { Tiers } from '../icp/schema.js';
import type { Tier, TierLabel } from '../icp/tiers.js';
import type { ByPersona } from './by-persona.js';
import type { FailingSegment, SegmentMeasure } from './failing-segments.js';

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
/** One tier of the gains table: its accounts and what they hold of the measure, with running totals. */
export interface GainsRow {
  tier: TierLabel;
  accounts: number;
  share_of_accounts: number;
  /** Value measure: the tier's value; outcome measure: its positive accounts, their rate and interval. */
  value?: number;
  positives?: number;
  rate?: number;
  rate_ci?: [number, number] | null;
  /** Share of the total value (or of the positive accounts) the tier holds. */
  share_of_measure: number | null;
  cumulative_share_of_accounts: number;
  cumulative_share_of_measure: number | null;
}

interface MeasureBase {
  /** The measure as read from this report's files ("won value", "TotalCharges", "Churn is No"). */
  label: string;
  /** What the ICP file says it was built for (cohort.measure). */
  built_for: string;
  /** The customers column it was read from; null for deals (won value, having a won deal). */
  column: string | null;
  source: 'deals' | 'customers';
  /** Accounts whose measure is known (in a window: accounts with a deal closed in it), and those left out. */
  accounts: number;
  unknown: number;
  icp_accounts: number;
  non_icp_accounts: number;
  gains: GainsRow[];
  /** Two-sided p of the headline test: Mann-Whitney over per-account values, or Fisher over outcomes. */
  p_value: number | null;
  /** The ICP does better on its measure at the report's alpha. */
  significant: boolean;
}

/** The ICP judged on the measure it was built for: value capture, or conversion. */
export type MeasureResult =
  | (MeasureBase & {
      kind: 'value';
      icp_share_of_accounts: number | null;
      icp_share_of_value: number | null;
      clv_icp: number | null;
      clv_non_icp: number | null;
      clv_ratio: number | null;
      /** Percentile bootstrap 95% interval (1,000 resamples of each segment, fixed seed). */
      clv_ratio_ci: [number, number] | null;
    })
  | (MeasureBase & {
      kind: 'outcome';
      icp_rate: number | null;
      icp_rate_ci: [number, number] | null;
      non_icp_rate: number | null;
      non_icp_rate_ci: [number, number] | null;
      rate_lift: number | null;
      auc: number | null;
    });

export interface Report {
  /** `unit`: what a record of the customers file is when it is no account list (leads, records), from the ICP. */
  icp: { name: string; status: string; generated_at: string; criteria: number; thresholds: Tiers; icp_tiers: Tier[]; unit?: 'leads' | 'records' };
  inputs: { role: 'customers' | 'deals' | 'leads' | 'spend'; name: string; rows: number; sha256: string }[];
  window: { since: string | null; until: string | null };
  join: { customers: string; deals: string; reason: string; match_rate: number } | null;
  /** The ICP on its own measure (the headline); null with a note when the files hold no such measure. */
  measure: MeasureResult | null;
  /**
   * Whether these rows built the ICP: an input's sha256 is a source of the ICP file, or the customer keys
   * overlap its derive's keys by more than half. `overlap`: the estimated share of this report's
   * customers that the derive saw (null when the ICP file records no key signature).
   */
  in_sample: boolean;
  overlap: number | null;
  /**
   * Segments (a value of a category column with at least 30 measured accounts) where the ICP's lift is
   * absent or reversed, Benjamini-Hochberg over the `tested` segments; on the ICP's measure (`measure`).
   */
  failing_segments: { measure: SegmentMeasure; tested: number; segments: FailingSegment[] };
  segments: { icp: SegmentMetrics; non_icp: SegmentMetrics };
  tiers: Partial<Record<TierLabel, SegmentMetrics>>;
  comparison: Comparison;
  by_source: BySource | null;
  by_owner: ByOwner | null;
  /** With --contacts: win rate by each persona of the ICP file present or absent. */
  by_persona?: ByPersona;
  spend: SpendSummary | null;
  data_quality: DataQuality;
  formulas: Record<string, string>;
  verdict: string;
  /** Whether ICP accounts win (or, without deals, convert) significantly more often: the review's test. */
  significant: boolean;
  notes: string[];
}
