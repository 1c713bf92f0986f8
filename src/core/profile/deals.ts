import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { parseBoolean } from '../columns/parse/index.js';
import type { RoleAssignment } from '../columns/roles.js';
import type { Table } from '../table.js';
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
  const stage = roles.byRole.get('deal_stage');
  const wonFlag = roles.byRole.get('won');
  const amount = roles.byRole.get('amount');
  const created = roles.byRole.get('created_date');
  const closed = roles.byRole.get('close_date');
  const outcomeSource = stage !== undefined ? 'stage' : wonFlag !== undefined ? 'won_flag' : 'all_won';
  const quality: DealQuality = {
    total: deals.rows.length, matched: 0, unmatched: 0, unmatchedExamples: [], outsideWindow: 0,
    withoutCloseDate: 0, withoutDates: 0, negativeCycles: 0, negativeWonCycles: 0, withoutAmount: 0, unknownStages: [],
    outcomeSource, hasAmount: amount !== undefined,
  };
  const unknown = new Map<string, number>();
  const byKey = new Map<string, DealStats>();
  const windowed = window.since !== undefined || window.until !== undefined;

  for (const row of deals.rows) {
    const closeAt = numberAt(columns, closed, row);
    const createAt = numberAt(columns, created, row);
    if (closeAt === null) quality.withoutCloseDate++;
    if (closeAt === null && createAt === null) quality.withoutDates++;
    if (windowed) {
      if (closeAt === null || (window.since !== undefined && closeAt < window.since) || (window.until !== undefined && closeAt > window.until)) {
        quality.outsideWindow++;
        continue;
      }
    }
    const key = normalizeKey(row[keyColumn]);
    if (!customerKeys.has(key)) {
      quality.unmatched++;
      if (quality.unmatchedExamples.length < 5 && key !== '' && !quality.unmatchedExamples.includes(row[keyColumn] ?? '')) {
        quality.unmatchedExamples.push(row[keyColumn] ?? '');
      }
      continue;
    }
    quality.matched++;
    let outcome: DealOutcome = 'won';
    if (stage !== undefined) {
      const raw = (row[stage] ?? '').trim();
      const read = classifyStage(raw);
      outcome = read.outcome;
      if (!read.known && raw !== '') unknown.set(raw, (unknown.get(raw) ?? 0) + 1);
    } else if (wonFlag !== undefined) {
      outcome = parseBoolean(row[wonFlag] ?? '') ? 'won' : 'lost';
    }
    const days = closeAt !== null && createAt !== null ? (closeAt - createAt) / DAY_MS : null;
    if (days !== null && days < 0) {
      quality.negativeCycles++;
      if (outcome === 'won') quality.negativeWonCycles++;
    }
    const stats = byKey.get(key) ?? emptyDealStats();
    byKey.set(key, stats);
    stats.deals++;
    stats[outcome]++;
    if (outcome !== 'won') {
      onDeal?.({ row, key, outcome, closeAt, createAt, value: null });
      continue;
    }
    const value = numberAt(columns, amount, row);
    onDeal?.({ row, key, outcome, closeAt, createAt, value });
    if (amount !== undefined && value === null) quality.withoutAmount++;
    stats.wonValue += value ?? 0;
    if (closeAt !== null) {
      stats.firstWon = stats.firstWon === null ? closeAt : Math.min(stats.firstWon, closeAt);
      stats.lastWon = stats.lastWon === null ? closeAt : Math.max(stats.lastWon, closeAt);
      if (days !== null && days >= 0) stats.cycleDays.push(days);
    }
  }
  quality.unknownStages = [...unknown]
    .map(([s, count]) => ({ stage: s, count }))
    .sort((a, b) => b.count - a.count || (a.stage < b.stage ? -1 : 1));
  return { byKey, quality };
}
