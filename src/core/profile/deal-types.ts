import type { DealOutcome } from './stage.js';

/** What one customer's deals add up to. */
export interface DealStats {
  deals: number;
  won: number;
  lost: number;
  open: number;
  wonValue: number;
  /** Create (or engage) date to close date of won deals, in days; negative cycles left out. */
  cycleDays: number[];
  firstWon: number | null;
  lastWon: number | null;
}

/** Counts a user should see about the deals file; also the report's data_quality. */
export interface DealQuality {
  total: number;
  matched: number;
  unmatched: number;
  /** Of the unmatched, deals whose account cell is blank or a missing marker: they have no account. */
  withoutKey: number;
  /** Account keys no customer has (blank ones never), the first five of the file. */
  unmatchedExamples: string[];
  outsideWindow: number;
  withoutCloseDate: number;
  withoutDates: number;
  /** Deals that close before they were created (a data problem whatever their outcome). */
  negativeCycles: number;
  /** Of those, the won deals: the ones the cycle figures had to leave out. */
  negativeWonCycles: number;
  withoutAmount: number;
  unknownStages: { stage: string; count: number }[];
  /** How won/lost was read: a stage column, a won flag, or every deal counted as won. */
  outcomeSource: 'stage' | 'won_flag' | 'all_won';
  hasAmount: boolean;
  /** Where sales cycles start: the deals' own create date, the customers' (deals without one), or nowhere. */
  cycleStart: { from: 'deals' | 'customers'; column: string } | null;
}

/** When each customer started (customerStarts), for deals without a create date of their own. */
export interface CustomerStarts {
  /** The customers' column the dates come from. */
  column: string;
  byKey: ReadonlyMap<string, number>;
}

export interface DealWindow {
  since?: number | undefined;
  until?: number | undefined;
}

/** One deal that joined a customer inside the window, as the deals join read it (for per-deal views). */
export interface MatchedDeal {
  row: readonly string[];
  key: string;
  outcome: DealOutcome;
  closeAt: number | null;
  createAt: number | null;
  /** Won value of a won deal (null when lost, open, or without an amount). */
  value: number | null;
}
