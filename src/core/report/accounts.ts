import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { assignRoles, findHeader, type Role, type RoleAssignment } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import type { IcpDocument } from '../icp/schema.js';
import type { Tier, TierLabel } from '../icp/tiers.js';
import { customerKeyColumn, groupCustomers, type CustomerRecord } from '../profile/customers.js';
import { joinDealTable, type JoinedDeals } from '../profile/deal-join.js';
import type { DealQuality, DealStats, DealWindow, MatchedDeal } from '../profile/deal-types.js';
import { emptyDealStats } from '../profile/deals.js';
import type { JoinKeys } from '../profile/join.js';
import { compileIcp, SAMPLE_ROWS, type CompiledIcp } from '../score/compile.js';
import { scoreRow } from '../score/score-row.js';
import type { Table } from '../table.js';
import { OptionError, UsageError } from '../../errors.js';
import { normalizeKey } from '../profile/keys.js';

/** One account of the customers file, scored, with what its deals add up to. */
export interface AccountOutcome {
  key: string;
  label: string;
  cells: string[];
  score: number;
  tier: TierLabel;
  icp: boolean;
  /** Its deals in the window; null when no deals file was given. */
  stats: DealStats | null;
  /** The customers file's own lifetime value (HubSpot Total Revenue), used when there are no deals. */
  lifetimeValue: number | null;
}

/** A file's roles and column types, read once and shared by every part of the report. */
export interface TypedTable {
  table: Table;
  roles: RoleAssignment;
  columns: ColumnInfo[];
}

/** The scored accounts and everything the join learned. */
export interface AccountSet {
  accounts: AccountOutcome[];
  compiled: CompiledIcp;
  customers: TypedTable;
  deals: TypedTable | null;
  join: (JoinKeys & { customerHeader: string; dealHeader: string }) | null;
  dealQuality: DealQuality | null;
  /** The customers as grouped by key, one per account in the same order (for measures read from rows). */
  records: CustomerRecord[];
  /** Every deal that joined an account inside the window, in file order. */
  matchedDeals: MatchedDeal[];
  duplicateKeys: number;
}

/**
 * Reads a table's roles and column types. `--map` applies to every file a report reads, so each file
 * takes only the entries whose header it has (buildReport checks that every entry found some file).
 */
export function typed(table: Table, map: ReadonlyMap<Role, string>): TypedTable {
  const own = new Map([...map].filter(([, header]) => header === '' || findHeader(table.header, header) >= 0));
  const roles = assignRoles(table.header, own, table.name);
  return { table, roles, columns: typeTable(table, roles) };
}

/** Whether a tier counts as ICP in this report: it is one of `icpTiers` (never `disqualified`). */
export function isIcpTier(tier: TierLabel, icpTiers: readonly Tier[]): boolean {
  return (icpTiers as readonly string[]).includes(tier);
}

/**
 * The deals joined to the customers through the one deals join (DealJoin), with the file's own roles and
 * column types and every joined deal kept for the per-deal views. report has no --key: --map names the
 * join columns instead (each file takes the entries it has).
 */
function joinDeals(customers: TypedTable, deals: TypedTable, window: DealWindow): JoinedDeals {
  try {
    const { since, until } = window;
    const types = { dealRoles: deals.roles, dealColumns: deals.columns, customerColumns: customers.columns };
    return joinDealTable(customers.table, customers.roles, deals.table, { ...types, since, until, keepDeals: true });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new OptionError('map', error.message, { hint: 'name the join columns with {map} id=<customers column> {map} account_id=<deals column>' });
  }
}

/** Deal rows whose own id (Record ID, opportunity_id) repeats: a deal exported twice is counted twice. */
export function duplicateDealIds(deals: TypedTable): number {
  const id = deals.roles.byRole.get('id');
  if (id === undefined) return 0;
  const seen = new Set<string>();
  let repeats = 0;
  for (const row of deals.table.rows) {
    const key = normalizeKey(row[id]);
    if (key === '') continue;
    if (seen.has(key)) repeats++;
    else seen.add(key);
  }
  return repeats;
}

/**
 * Groups the customers by key (as derive does), scores each with the ICP through the same code as
 * `icp score`, and joins the deals closed in the window to them.
 */
export function scoreAccounts(input: {
  doc: IcpDocument;
  customers: Table;
  deals?: Table | undefined;
  icpTiers: readonly Tier[];
  window: DealWindow;
  map: ReadonlyMap<Role, string>;
}): AccountSet {
  const customers = typed(input.customers, input.map);
  const compiled = compileIcp(input.doc, customers.table.header, customers.table.rows.slice(0, SAMPLE_ROWS), input.map);
  let deals: TypedTable | null = null;
  let join: AccountSet['join'] = null;
  let joined: JoinedDeals | undefined;
  if (input.deals) {
    deals = typed(input.deals, input.map);
    joined = joinDeals(customers, deals, input.window);
    const { keys } = joined;
    join = { ...keys, customerHeader: customers.table.header[keys.customerColumn] as string, dealHeader: deals.table.header[keys.dealColumn] as string };
  }
  const { customers: records, duplicateKeys } = groupCustomers(customers.table, customerKeyColumn(customers.roles, join));
  const byKey = joined?.byKey ?? null;
  const ltv = customers.roles.byRole.get('lifetime_value');
  const accounts = records.map((record): AccountOutcome => {
    const s = scoreRow(compiled, record.cells);
    // An account written on several rows (one per order) is worth the sum of its rows, as in derive.
    let value: number | null = null;
    for (const r of ltv === undefined ? [] : record.rows) {
      const cell = readCell(customers.columns[ltv as number] as ColumnInfo, customers.table.rows[r]?.[ltv as number]);
      if (typeof cell === 'number') value = (value ?? 0) + cell;
    }
    return {
      key: record.key,
      label: record.label,
      cells: record.cells,
      score: s.score,
      tier: s.tier,
      icp: isIcpTier(s.tier, input.icpTiers),
      stats: byKey ? (byKey.get(record.key) ?? emptyDealStats()) : null,
      lifetimeValue: value,
    };
  });
  return { accounts, records, compiled, customers, deals, join, dealQuality: joined?.quality ?? null, matchedDeals: joined?.matched ?? [], duplicateKeys };
}
