import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { isMissing } from '../columns/parse/index.js';
import type { MatchedDeal } from '../profile/deal-types.js';
import { OptionError } from '../../errors.js';
import type { AccountOutcome } from './accounts.js';
import type { TypedFile, TypedTable } from './typed-table.js';
import type { SpendSummary } from './report-types.js';

/** Spend put on each account (by key), and how it was put there. */
export interface SpendAllocation {
  byKey: Map<string, number>;
  summary: SpendSummary;
}

/** A lead source as compared across files: `Paid Search` in the spend file is `paid search` on a deal. */
export function sourceKey(raw: string | undefined): string | null {
  return raw === undefined || isMissing(raw) ? null : raw.trim().toLowerCase();
}

function numberIn(t: TypedFile, column: number, row: readonly string[]): number | null {
  const v = readCell(t.columns[column] as ColumnInfo, row[column]);
  return typeof v === 'number' ? v : null;
}

function add(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** The amount column of a spend file: its cost or amount role, else its only numeric column. */
function amountColumn(spend: TypedTable): number {
  const byRole = spend.roles.byRole.get('cost') ?? spend.roles.byRole.get('amount');
  if (byRole !== undefined) return byRole;
  const numeric = spend.columns.filter((c) => c.type === 'money' || c.type === 'number');
  if (numeric.length === 1) return (numeric[0] as ColumnInfo).index;
  throw new OptionError('map', `${spend.table.name}: cannot tell which column is the amount spent`, {
    hint: 'name it "Spend", "Cost" or "Amount", or pass ⟨map⟩ cost=<Header>',
  });
}

/** A spend file (channel or lead source, amount): each channel's spend shared equally by what it brought. */
function fromFile(
  spend: TypedTable,
  accounts: readonly AccountOutcome[],
  customers: TypedTable,
  deals: TypedFile | null,
  matched: readonly MatchedDeal[],
): SpendAllocation {
  const amountAt = amountColumn(spend);
  const sourceAt = spend.roles.byRole.get('lead_source');
  const bySource = new Map<string, { label: string; amount: number }>();
  let total = 0;
  let general = 0;
  for (const row of spend.table.rows) {
    const amount = numberIn(spend, amountAt, row);
    if (amount === null) continue;
    total += amount;
    const key = sourceAt === undefined ? null : sourceKey(row[sourceAt]);
    if (key === null) general += amount;
    else bySource.set(key, { label: (row[sourceAt as number] ?? '').trim(), amount: (bySource.get(key)?.amount ?? 0) + amount });
  }
  const byKey = new Map<string, number>(accounts.map((a) => [a.key, 0]));
  // Units a channel's spend is shared by: deals when each deal has its own source, else accounts.
  const dealSource = deals?.roles.byRole.get('lead_source');
  const customerSource = customers.roles.byRole.get('lead_source');
  const units: { key: string; source: string | null }[] =
    dealSource !== undefined
      ? matched.map((d) => ({ key: d.key, source: sourceKey(d.row[dealSource]) }))
      : accounts.map((a) => ({ key: a.key, source: customerSource === undefined ? null : sourceKey(a.cells[customerSource]) }));
  const perSource = new Map<string, number>();
  for (const u of units) if (u.source !== null) add(perSource, u.source, 1);
  const unallocated: SpendSummary['unallocated'] = [];
  const hasSources = sourceAt !== undefined && (dealSource !== undefined || customerSource !== undefined);
  for (const [key, { label, amount }] of bySource) {
    if (!hasSources) general += amount;
    else if (!perSource.has(key)) unallocated.push({ source: label, amount });
  }
  for (const u of units) {
    if (hasSources && u.source !== null && bySource.has(u.source))
      add(byKey, u.key, (bySource.get(u.source) as { amount: number }).amount / (perSource.get(u.source) as number));
  }
  // Spend without a channel (or when no file says where accounts came from) is shared by every account.
  if (accounts.length > 0) for (const a of accounts) add(byKey, a.key, general / accounts.length);
  const unitFile =
    dealSource !== undefined
      ? `${deals?.table.name}:${JSON.stringify(deals?.table.header[dealSource])} (per deal)`
      : `${customers.table.name}:${JSON.stringify(customers.table.header[customerSource ?? 0])} (per account)`;
  const method = hasSources
    ? `each channel's spend in ${spend.table.name} shared equally by the ${dealSource !== undefined ? 'deals' : 'accounts'} it brought, read from ${unitFile}${general > 0 ? '; spend without a channel shared equally by every account' : ''}`
    : `${sourceAt === undefined ? `${spend.table.name} names no channel` : 'neither customers nor deals carry a lead source'}: its total shared equally by every account`;
  unallocated.sort((a, b) => b.amount - a.amount || (a.source < b.source ? -1 : 1));
  const lost = unallocated.reduce((s, u) => s + u.amount, 0);
  return { byKey, summary: { source: spend.table.name, total, allocated: accounts.length > 0 ? total - lost : 0, unallocated, method } };
}

/** A cost column on customers (per account) or on deals (summed per account over its deals in the window). */
function fromCostColumn(
  accounts: readonly AccountOutcome[],
  customers: TypedTable,
  deals: TypedFile | null,
  matched: readonly MatchedDeal[],
): SpendAllocation | null {
  const byKey = new Map<string, number>(accounts.map((a) => [a.key, 0]));
  const onCustomers = customers.roles.byRole.get('cost');
  const onDeals = deals?.roles.byRole.get('cost');
  let where: string;
  if (onCustomers !== undefined) {
    for (const a of accounts) add(byKey, a.key, numberIn(customers, onCustomers, a.cells) ?? 0);
    where = `${customers.table.name}:${JSON.stringify(customers.table.header[onCustomers])} per account`;
  } else if (deals && onDeals !== undefined) {
    for (const d of matched) add(byKey, d.key, numberIn(deals, onDeals, d.row) ?? 0);
    where = `${deals.table.name}:${JSON.stringify(deals.table.header[onDeals])} summed over each account's deals`;
  } else {
    return null;
  }
  const total = [...byKey.values()].reduce((s, v) => s + v, 0);
  return { byKey, summary: { source: where, total, allocated: total, unallocated: [], method: `the cost column ${where}` } };
}

/** Puts marketing spend on accounts, from a spend file or a cost column; null when there is none. */
export function allocateSpend(input: {
  spend: TypedTable | null;
  accounts: readonly AccountOutcome[];
  customers: TypedTable;
  deals: TypedFile | null;
  matchedDeals: readonly MatchedDeal[];
}): SpendAllocation | null {
  if (input.spend) return fromFile(input.spend, input.accounts, input.customers, input.deals, input.matchedDeals);
  return fromCostColumn(input.accounts, input.customers, input.deals, input.matchedDeals);
}
