import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { parseBoolean } from '../columns/parse/index.js';
import type { RoleAssignment } from '../columns/roles.js';
import type { Table } from '../table.js';
import { KeyMap } from './key-map.js';
import { normalizeKey } from './keys.js';
import { classifyStage, type DealOutcome } from './stage.js';

const DAY_MS = 86_400_000;

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
}

export interface DealWindow {
  since?: number | undefined;
  until?: number | undefined;
}

/** One deal that joined a customer inside the window, as aggregateDeals read it (for per-deal views). */
export interface MatchedDeal {
  row: readonly string[];
  key: string;
  outcome: DealOutcome;
  closeAt: number | null;
  createAt: number | null;
  /** Won value of a won deal (null when lost, open, or without an amount). */
  value: number | null;
}

export function emptyDealStats(): DealStats {
  return { deals: 0, won: 0, lost: 0, open: 0, wonValue: 0, cycleDays: [], firstWon: null, lastWon: null };
}

function numberAt(columns: readonly ColumnInfo[], index: number | undefined, row: readonly string[]): number | null {
  if (index === undefined) return null;
  const value = readCell(columns[index] as ColumnInfo, row[index]);
  return typeof value === 'number' ? value : null;
}

/**
 * Sums deals per customer key: won value, won/lost/open counts, sales cycles and first/last won dates.
 * With a window, only deals closed inside it count (deals without a close date are then left out).
 */
export function aggregateDeals(
  deals: Table,
  roles: RoleAssignment,
  columns: readonly ColumnInfo[],
  keyColumn: number,
  customerKeys: ReadonlySet<string>,
  window: DealWindow = {},
  // Per-deal views (the report's lead source and cost per deal) see exactly the deals that were counted.
  onDeal?: (deal: MatchedDeal) => void,
): { byKey: Map<string, DealStats>; quality: DealQuality } {
  const dates = dealDates(roles, columns);
  const tally = new DealTally(roles, columns, keyColumn, customerKeys, window, onDeal);
  for (const row of deals.rows) {
    const [closeAt, createAt] = dates(row);
    tally.add(row, normalizeKey(row[keyColumn]), closeAt, createAt);
  }
  return tally.result();
}

/** A deal's close and create dates as epoch ms (null when missing or unreadable), read once per row. */
export function dealDates(roles: RoleAssignment, columns: readonly ColumnInfo[]): (row: readonly string[]) => [closeAt: number | null, createAt: number | null] {
  const created = roles.byRole.get('created_date');
  const closed = roles.byRole.get('close_date');
  return (row) => [numberAt(columns, closed, row), numberAt(columns, created, row)];
}

/**
 * aggregateDeals one deal at a time, so deals can be summed as they are read (and for several candidate
 * join keys at once). add() every deal in file order, then result().
 */
export class DealTally {
  private readonly stage: number | undefined;
  private readonly wonFlag: number | undefined;
  private readonly amount: number | undefined;
  private readonly quality: DealQuality;
  private readonly unknown = new Map<string, number>();
  private readonly byKey = new Map<string, DealStats>();
  // One look-up per deal: each customer key holds its stats once it has a matched deal, null before.
  private readonly slots = new KeyMap<DealStats | null>();
  private readonly windowed: boolean;

  constructor(
    roles: RoleAssignment,
    private readonly columns: readonly ColumnInfo[],
    private readonly keyColumn: number,
    customerKeys: ReadonlySet<string>,
    private readonly window: DealWindow = {},
    private readonly onDeal?: (deal: MatchedDeal) => void,
  ) {
    this.stage = roles.byRole.get('deal_stage');
    this.wonFlag = roles.byRole.get('won');
    this.amount = roles.byRole.get('amount');
    const outcomeSource = this.stage !== undefined ? 'stage' : this.wonFlag !== undefined ? 'won_flag' : 'all_won';
    this.quality = {
      total: 0, matched: 0, unmatched: 0, unmatchedExamples: [], outsideWindow: 0,
      withoutCloseDate: 0, withoutDates: 0, negativeCycles: 0, negativeWonCycles: 0, withoutAmount: 0, unknownStages: [],
      outcomeSource, hasAmount: this.amount !== undefined,
    };
    for (const key of customerKeys) this.slots.set(key, null);
    this.windowed = window.since !== undefined || window.until !== undefined;
  }

  /** Counts one deal: `key` is normalizeKey of its key cell, the dates as dealDates reads them. */
  add(row: readonly string[], key: string, closeAt: number | null, createAt: number | null): void {
    const { quality, window } = this;
    quality.total++;
    if (closeAt === null) quality.withoutCloseDate++;
    if (closeAt === null && createAt === null) quality.withoutDates++;
    if (this.windowed) {
      if (closeAt === null || (window.since !== undefined && closeAt < window.since) || (window.until !== undefined && closeAt > window.until)) {
        quality.outsideWindow++;
        return;
      }
    }
    const slot = this.slots.get(key);
    if (slot === undefined) {
      quality.unmatched++;
      const raw = row[this.keyColumn] ?? '';
      if (quality.unmatchedExamples.length < 5 && key !== '' && !quality.unmatchedExamples.includes(raw)) quality.unmatchedExamples.push(raw);
      return;
    }
    quality.matched++;
    let outcome: DealOutcome = 'won';
    if (this.stage !== undefined) {
      const raw = (row[this.stage] ?? '').trim();
      const read = classifyStage(raw);
      outcome = read.outcome;
      if (!read.known && raw !== '') this.unknown.set(raw, (this.unknown.get(raw) ?? 0) + 1);
    } else if (this.wonFlag !== undefined) {
      outcome = parseBoolean(row[this.wonFlag] ?? '') ? 'won' : 'lost';
    }
    const days = closeAt !== null && createAt !== null ? (closeAt - createAt) / DAY_MS : null;
    if (days !== null && days < 0) {
      quality.negativeCycles++;
      if (outcome === 'won') quality.negativeWonCycles++;
    }
    let stats = slot;
    if (stats === null) {
      stats = emptyDealStats();
      this.slots.set(key, stats);
      this.byKey.set(key, stats);
    }
    stats.deals++;
    stats[outcome]++;
    if (outcome !== 'won') {
      this.onDeal?.({ row, key, outcome, closeAt, createAt, value: null });
      return;
    }
    const value = numberAt(this.columns, this.amount, row);
    this.onDeal?.({ row, key, outcome, closeAt, createAt, value });
    if (this.amount !== undefined && value === null) quality.withoutAmount++;
    stats.wonValue += value ?? 0;
    if (closeAt !== null) {
      stats.firstWon = stats.firstWon === null ? closeAt : Math.min(stats.firstWon, closeAt);
      stats.lastWon = stats.lastWon === null ? closeAt : Math.max(stats.lastWon, closeAt);
      if (days !== null && days >= 0) stats.cycleDays.push(days);
    }
  }

  /** The sums per customer key and the counts of the deals file, once every deal was added. */
  result(): { byKey: Map<string, DealStats>; quality: DealQuality } {
    this.quality.unknownStages = [...this.unknown]
      .map(([s, count]) => ({ stage: s, count }))
      .sort((a, b) => b.count - a.count || (a.stage < b.stage ? -1 : 1));
    return { byKey: this.byKey, quality: this.quality };
  }
}
