import type { MatchedDeal } from '../profile/deal-types.js';
import type { AccountOutcome } from './accounts.js';
import type { TypedFile, TypedTable } from './typed-table.js';
import type { Role } from '../columns/roles.js';
import type { ByOwner, BySource, OwnerRow, SourceRow } from './report-types.js';
import { sourceKey } from './spend.js';

const NONE = '(none)';

interface Bucket {
  label: string;
  accounts: Set<string>;
  icp: Set<string>;
  deals: number;
  won: number;
  lost: number;
}

function bucketFor(buckets: Map<string, Bucket>, raw: string | undefined): Bucket {
  const key = sourceKey(raw) ?? '';
  let b = buckets.get(key);
  if (!b) {
    b = { label: key === '' ? NONE : (raw ?? '').trim(), accounts: new Set(), icp: new Set(), deals: 0, won: 0, lost: 0 };
    buckets.set(key, b);
  }
  return b;
}

type BreakdownRow = Omit<SourceRow, 'source'> & { label: string };

function toRow(b: Bucket, hasDeals: boolean, winRates: boolean): BreakdownRow {
  const closed = b.won + b.lost;
  return {
    label: b.label,
    accounts: b.accounts.size,
    icp_accounts: b.icp.size,
    icp_share: b.accounts.size > 0 ? b.icp.size / b.accounts.size : null,
    deals: hasDeals ? b.deals : null,
    won: hasDeals ? b.won : null,
    lost: hasDeals ? b.lost : null,
    win_rate: winRates && closed > 0 ? b.won / closed : null,
  };
}

/**
 * Accounts, ICP share and win rate per value of the column with `role`: each deal's own value when the
 * deals carry the role, else the account's. `allWon`: the deals have no stage or won column, so no win rate.
 */
function breakdown(
  role: Role,
  accounts: readonly AccountOutcome[],
  customers: TypedTable,
  deals: TypedFile | null,
  matched: readonly MatchedDeal[],
  allWon: boolean,
): { column: string; file: string; unit: 'accounts' | 'deals'; rows: BreakdownRow[] } | null {
  const buckets = new Map<string, Bucket>();
  const dealSource = deals?.roles.byRole.get(role);
  const customerSource = customers.roles.byRole.get(role);
  let column: string;
  let file: string;
  if (deals && dealSource !== undefined) {
    const icpKeys = new Set(accounts.filter((a) => a.icp).map((a) => a.key));
    for (const d of matched) {
      const b = bucketFor(buckets, d.row[dealSource]);
      b.accounts.add(d.key);
      if (icpKeys.has(d.key)) b.icp.add(d.key);
      b.deals++;
      if (d.outcome === 'won') b.won++;
      if (d.outcome === 'lost') b.lost++;
    }
    column = deals.table.header[dealSource] as string;
    file = deals.table.name;
  } else if (customerSource !== undefined) {
    for (const a of accounts) {
      const b = bucketFor(buckets, a.cells[customerSource]);
      b.accounts.add(a.key);
      if (a.icp) b.icp.add(a.key);
      b.deals += a.stats?.deals ?? 0;
      b.won += a.stats?.won ?? 0;
      b.lost += a.stats?.lost ?? 0;
    }
    column = customers.table.header[customerSource] as string;
    file = customers.table.name;
  } else {
    return null;
  }
  const hasDeals = deals !== null;
  const rows = [...buckets.values()]
    .map((b) => toRow(b, hasDeals, hasDeals && !allWon))
    .sort((a, b) => b.accounts - a.accounts || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { column, file, unit: deals && dealSource !== undefined ? 'deals' : 'accounts', rows };
}

/**
 * The marketing view: per lead source, how many accounts it brought, the share of them in the ICP, and
 * the win rate of its deals. Each deal's own source when the deals carry one, else the account's.
 */
export function bySource(
  accounts: readonly AccountOutcome[],
  customers: TypedTable,
  deals: TypedFile | null,
  matched: readonly MatchedDeal[],
  allWon = false,
): BySource | null {
  const b = breakdown('lead_source', accounts, customers, deals, matched, allWon);
  if (!b) return null;
  const { rows, ...where } = b;
  return { ...where, sources: rows.map(({ label, ...row }): SourceRow => ({ source: label, ...row })) };
}

/**
 * The sales view: win rate by owner (each deal's owner, else the account's). Derive never mines who sold,
 * since it is no trait of the customer; here it is a breakdown of the outcome, as a sales manager reads it.
 */
export function byOwner(
  accounts: readonly AccountOutcome[],
  customers: TypedTable,
  deals: TypedFile | null,
  matched: readonly MatchedDeal[],
  allWon = false,
): ByOwner | null {
  const b = breakdown('owner', accounts, customers, deals, matched, allWon);
  if (!b) return null;
  const { rows, ...where } = b;
  return { ...where, owners: rows.map(({ label, ...row }): OwnerRow => ({ owner: label, ...row })) };
}
