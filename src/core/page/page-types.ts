import type { IcpCategory } from '../columns/categories.js';
import type { CriterionCategory } from '../icp/schema.js';
import type { TierLabel } from '../icp/tiers.js';

/**
 * The one-page ICP document (`icp profile`) as data: which sections, which numbers. The HTML, the Markdown
 * and `--format json` are renderings of it. JSON names are part of the contract, as the report's are.
 */
export interface ProfilePage {
  title: string;
  /** When the page was made (the ICP has its own date, `icp.generated_at`). */
  generated_at: string;
  icp: { name: string; status: string; generated_at: string; unit: string; file: string };
  headline: { sentence: string; tiles: Tile[] };
  who: WhoSection;
  value: ValueSection;
  comparison: ComparisonSection | Missing;
  channels: ChannelsSection | Missing;
  personas: PersonasPage | Missing;
  gaps: GapsSection;
  appendix: Appendix;
}

/** A section the files given cannot fill: what would. */
export interface Missing {
  missing: string;
}

/** One figure of the headline strip; `value` as shown, `number` the figure it shows (null: none). */
export interface Tile {
  id: 'customers' | 'cohort' | 'tier_a' | 'validation' | 'window' | 'generated';
  label: string;
  value: string;
  detail: string | null;
  number: number | null;
}

/** A share of a group with the value, and its Wilson 95% interval. */
export interface ShareBar {
  count: number;
  /** The group's customers whose value is known (count / share), or the group's size when the share is 0. */
  n: number;
  share: number;
  ci: [number, number] | null;
}

export interface CriterionCard {
  label: string;
  column: string;
  category: CriterionCategory;
  points: number;
  disqualify: boolean;
  /** The cohort ("best customers") and the rest; null when the criterion carries no evidence (written by hand). */
  best: ShareBar | null;
  rest: ShareBar | null;
  lift: number | null;
  q_value: number | null;
  p_kind: string | null;
  stability: number | null;
}

export interface WhoSection {
  /** Fit criteria by category (in ICP_CATEGORIES order, then other), each ordered by points. */
  groups: { category: CriterionCategory; title: string; cards: CriterionCard[] }[];
  /** Anti-fit criteria: "Not our customer". */
  not_our_customer: CriterionCard[];
  /** Why there are no cards (an inconclusive ICP), else null. */
  empty: string | null;
}

/** One tier: its share of the accounts and of the measure, and its economics when the data is given. */
export interface TierRow {
  tier: TierLabel;
  accounts: number;
  share_of_accounts: number;
  share_of_measure: number | null;
  cumulative_share_of_accounts: number;
  cumulative_share_of_measure: number | null;
  win_rate: number | null;
  win_rate_ci: [number, number] | null;
  median_cycle_days: number | null;
  clv: number | null;
  cac: number | null;
  clv_cac_ratio: number | null;
}

export interface ValueSection {
  /** What the shares are of: "won value", "positive accounts". */
  measure: string;
  /** Tier A out of fold, from the ICP's validation (null when it was not validated). */
  tier_a_out_of_sample: { share_of_customers: number; share_of_value: number | null } | null;
  /** Every tier on the files given (the report's gains), or what would give them. */
  tiers: TierRow[] | Missing;
  in_sample: boolean | null;
}

export interface ComparisonSection {
  verdict: string;
  in_sample: boolean;
  measure: string;
  rows: { metric: string; icp: number | null; non_icp: number | null; ratio: number | null; format: 'share' | 'days' | 'money' | 'count' }[];
}

export interface ChannelsSection {
  column: string;
  file: string;
  unit: 'accounts' | 'deals';
  rows: { source: string; accounts: number; icp_accounts: number; icp_share: number | null; win_rate: number | null }[];
}

export interface GapsSection {
  /** `files`: the categories the given files cannot inform (as inspect lists them); `criteria`: those no criterion covers. */
  basis: 'files' | 'criteria';
  categories: { category: IcpCategory; questions: string[] }[];
}

export interface Appendix {
  items: { term: string; text: string }[];
  sources: { name: string; role: string; rows: number; sha256: string; used_for: 'icp' | 'page' | 'both' }[];
}

/** A persona as its card shows it: shares of the best units (customers, or won deals) and of the rest, with 95% intervals. */
export interface PersonaCard {
  name: string;
  function: string;
  seniority: string[];
  best: ShareBar;
  rest: ShareBar;
  lift: number | null;
  q_value: number;
  stability: number;
  titles: string[];
  buying_role: string | null;
  lead_sources: { source: string; share: number }[];
}

/** The personas of won deals against lost ones (derive --contact-roles). */
export interface DealPersonasPage {
  contact_roles: string;
  deals: { won: number; lost: number; accounts: number };
  personas: PersonaCard[];
  decision: { seniority: string; share: number }[];
  primary: { function: string; share: number }[];
  notes: string[];
}

/** The buyer personas of the ICP file (derive --contacts), with their shares as the cards show them. */
export interface PersonasPage {
  contacts: string;
  accounts: { best: number; rest: number };
  personas: PersonaCard[];
  decision: { seniority: string; share: number }[];
  notes: string[];
  deals?: DealPersonasPage | undefined;
}
