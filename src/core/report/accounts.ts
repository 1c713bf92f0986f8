import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import type { Role } from '../columns/roles.js';
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
import { RepeatedIds } from './repeated-ids.js';
import type { StreamedDeals } from './streamed-deals.js';
import { type TypedFile, type TypedTable, typed } from './typed-table.js';

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

/** The scored accounts and everything the join learned. */
export interface AccountSet {
  accounts: AccountOutcome[];
  compiled: CompiledIcp;
  customers: TypedTable;
  deals: TypedFile | null;
  join: (JoinKeys & { customerHeader: string; dealHeader: string }) | null;
  dealQuality: DealQuality | null;
  /** The customers as grouped by key, one per account in the same order (for measures read from rows). */
  records: CustomerRecord[];
  /** Every deal that joined an account inside the window, in file order. */
  matchedDeals: MatchedDeal[];
  duplicateKeys: number;
  /** Deal rows whose own id repeats (duplicateDealIds). */
  duplicateDeals: number;
  /** The deals with their rows, when they were read whole (review, --holdout); null when joined as read. */
  dealsTable: TypedTable | null;
}

/** Whether a tier counts as ICP in this report: it is one of `icpTiers` (never `disqualified`). */
export function isIcpTier(tier: TierLabel, icpTiers: readonly Tier[]): boolean {
  return (icpTiers as readonly string[]).includes(tier);
}

/** report has no --key: --map names the join columns instead (each file takes the entries it has). */
export function withMapHint<T>(join: () => T): T {
  try {
    return join();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new OptionError('map', error.message, { hint: 'name the join columns with ⟨map⟩ id=<customers column> ⟨map⟩ account_id=<deals column>' });
  }
}

/**
 * The deals joined to the customers through the one deals join (DealJoin), with the file's own roles and
 * column types and every joined deal kept for the per-deal views: a table in memory (review, --holdout),
 * or the deals joined as the file was read (StreamedDeals, report).
 */
function joinDeals(customers: TypedTable, deals: Table | StreamedDeals, map: ReadonlyMap<Role, string>, window: DealWindow) {
  if ('joined' in deals) {
    const file: TypedFile = { table: { name: deals.name, header: deals.header }, roles: deals.roles, columns: deals.columns };
    return { file, table: null, joined: deals.joined, duplicates: deals.duplicateIds };
  }
  const table = typed(deals, map);
  const { since, until } = window;
  const types = { dealRoles: table.roles, dealColumns: table.columns, customerColumns: customers.columns };
  const joined = withMapHint(() => joinDealTable(customers.table, customers.roles, deals, { ...types, since, until, keepDeals: true }));
  return { file: table, table, joined, duplicates: duplicateDealIds(table) };
}

/** Deal rows whose own id (Record ID, opportunity_id) repeats: a deal exported twice is counted twice. */
export function duplicateDealIds(deals: TypedTable): number {
  const id = deals.roles.byRole.get('id');
  if (id === undefined) return 0;
  const ids = new RepeatedIds();
  for (const row of deals.table.rows) ids.add(row[id]);
  return ids.repeats;
}

/**
 * Groups the customers by key (as derive does), scores each with the ICP through the same code as
 * `icp score`, and joins the deals closed in the window to them.
 */
export function scoreAccounts(input: {
  doc: IcpDocument;
  customers: Table;
  deals?: Table | StreamedDeals | undefined;
  icpTiers: readonly Tier[];
  window: DealWindow;
  map: ReadonlyMap<Role, string>;
}): AccountSet {
  // Deals joined as they were read come with the customers as the join typed them: typed once.
  const customers = input.deals && 'joined' in input.deals ? input.deals.customers : typed(input.customers, input.map);
  const compiled = compileIcp(input.doc, customers.table.header, customers.table.rows.slice(0, SAMPLE_ROWS), input.map);
  let deals: TypedFile | null = null;
  let join: AccountSet['join'] = null;
  let joined: JoinedDeals | undefined;
  let duplicateDeals = 0;
  let dealsTable: TypedTable | null = null;
  if (input.deals) {
    ({ file: deals, table: dealsTable, joined, duplicates: duplicateDeals } = joinDeals(customers, input.deals, input.map, input.window));
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
  return {
    accounts,
    records,
    compiled,
    customers,
    deals,
    join,
    dealQuality: joined?.quality ?? null,
    matchedDeals: joined?.matched ?? [],
    duplicateKeys,
    duplicateDeals,
    dealsTable,
  };
}
