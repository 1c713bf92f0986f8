import type { ColumnInfo } from '../columns/infer.js';
import type { RoleAssignment } from '../columns/roles.js';
import { numberAt } from './deal-tally.js';
import type { DealStats } from './deal-types.js';

export function emptyDealStats(): DealStats {
  return { deals: 0, won: 0, lost: 0, open: 0, wonValue: 0, cycleDays: [], firstWon: null, lastWon: null };
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
