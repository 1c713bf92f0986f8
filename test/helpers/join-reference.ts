import type { ColumnInfo } from '../../src/core/columns/infer.js';
import type { RoleAssignment } from '../../src/core/columns/roles.js';
import { DealTally } from '../../src/core/profile/deal-tally.js';
import type { CustomerStarts, DealQuality, DealStats, DealWindow, MatchedDeal } from '../../src/core/profile/deal-types.js';
import { dealDates } from '../../src/core/profile/deals.js';
import { candidatePairs, headerIndex, type JoinKeys, noKeyJoin, unjoinable } from '../../src/core/profile/join.js';
import { normalizeKey } from '../../src/core/profile/keys.js';
import type { Table } from '../../src/core/table.js';

// The deals join written the plain way, on whole tables: every pair's match rate, then one pass summing the
// winner's deals. src/ has one join (DealJoin, streaming); the tests hold it to this reference.

/** The normalized keys of a customers column. */
function keySet(table: Table, column: number): Set<string> {
  const keys = new Set<string>();
  for (const row of table.rows) {
    const key = normalizeKey(row[column]);
    if (key !== '') keys.add(key);
  }
  return keys;
}

function matchRate(deals: Table, column: number, keys: Set<string>): number {
  if (deals.rows.length === 0) return 0;
  let hits = 0;
  for (const row of deals.rows) if (keys.has(normalizeKey(row[column]))) hits++;
  return hits / deals.rows.length;
}

/**
 * Chooses the columns that join deals to customers: `--key` when given, else the candidate pair with the
 * highest match rate (earlier candidates win ties). Never the deal's own `Record ID`.
 */
export function chooseJoinKeys(
  customers: Table,
  cRoles: RoleAssignment,
  deals: Table,
  dRoles: RoleAssignment,
  key?: { customer: string; deal?: string; none?: boolean },
): JoinKeys {
  if (key?.none) throw noKeyJoin();
  if (key) {
    const customer = headerIndex(customers, key.customer, '--key');
    const deal = headerIndex(deals, key.deal ?? key.customer, '--key');
    return { customerColumn: customer, dealColumn: deal, reason: '--key', matchRate: matchRate(deals, deal, keySet(customers, customer)) };
  }
  const pairs = candidatePairs(customers, cRoles, deals, dRoles);
  let best: JoinKeys | undefined;
  const sets = new Map<number, Set<string>>();
  for (const pair of pairs) {
    const keys = sets.get(pair.customer) ?? keySet(customers, pair.customer);
    sets.set(pair.customer, keys);
    const rate = matchRate(deals, pair.deal, keys);
    if (!best || rate > best.matchRate) {
      best = { customerColumn: pair.customer, dealColumn: pair.deal, reason: pair.reason, matchRate: rate };
    }
  }
  if (!best || best.matchRate === 0) {
    throw unjoinable(deals.name, customers.name);
  }
  return best;
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
