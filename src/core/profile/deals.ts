import type { ColumnInfo } from '../columns/infer.js';
import type { RoleAssignment } from '../columns/roles.js';
import type { Table } from '../table.js';
import { DealTally, numberAt } from './deal-tally.js';
import { normalizeKey } from './keys.js';
import type { CustomerStarts, DealQuality, DealStats, DealWindow, MatchedDeal } from './deal-types.js';

export function emptyDealStats(): DealStats {
  return { deals: 0, won: 0, lost: 0, open: 0, wonValue: 0, cycleDays: [], firstWon: null, lastWon: null };
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
  starts?: CustomerStarts,
): { byKey: Map<string, DealStats>; quality: DealQuality } {
  const dates = dealDates(roles, columns);
  const tally = new DealTally(roles, columns, keyColumn, customerKeys, window, onDeal, starts);
  for (const row of deals.rows) tally.add(row, normalizeKey(row[keyColumn]), dates.closeAt(row), dates.createAt(row));
  return tally.result();
}

/** Readers of a deal's close and create dates as epoch ms (null when missing or unreadable). */
export function dealDates(
  roles: RoleAssignment,
  columns: readonly ColumnInfo[],
): { closeAt: (row: readonly string[]) => number | null; createAt: (row: readonly string[]) => number | null } {
  const created = roles.byRole.get('created_date');
  const closed = roles.byRole.get('close_date');
  return { closeAt: (row) => numberAt(columns, closed, row), createAt: (row) => numberAt(columns, created, row) };
}
