import { OptionError } from '../../errors.js';
import { noColumn } from '../columns/no-column.js';
import { findHeader, normalizeHeader, type Role, type RoleAssignment } from '../columns/roles.js';
import type { Table } from '../table.js';

export interface JoinKeys {
  customerColumn: number;
  dealColumn: number;
  /** Why these columns, for the summary: "Associated Company IDs -> Record ID (by role)". */
  reason: string;
  /** Share of deals whose key is a customer's key. */
  matchRate: number;
}

// Headers that name a record's own id in every CRM; a deal's own id never joins to a company.
const GENERIC_OWN_IDS = new Set(['recordid', 'id', 'objectid', 'hsobjectid', 'zohoid', 'recordid18']);

export interface Pair {
  customer: number;
  deal: number;
  reason: string;
}

function columnOf(roles: RoleAssignment, ...wanted: Role[]): number[] {
  return wanted.map((r) => roles.byRole.get(r)).filter((i): i is number => i !== undefined);
}

/** `key: none` with deals: there is nothing to join them by. */
export function noKeyJoin(): OptionError {
  return new OptionError('key', '⟨key⟩ none: the customers have no key, so deals cannot be joined to them', {
    hint: 'name the join columns with ⟨key⟩ <customerColumn>=<dealColumn>, or leave out the deals',
  });
}

/** The column of `header` in a table; an error naming the option and listing the columns when it is not there. */
export function headerIndex(table: Pick<Table, 'name' | 'header'>, header: string, option: string): number {
  const index = findHeader(table.header, header);
  if (index < 0) throw noColumn(option, header, table.name, table.header);
  return index;
}

/** Candidate (customer column, deal column) pairs in order of preference. */
export function candidatePairs(customers: Table, cRoles: RoleAssignment, deals: Pick<Table, 'header'>, dRoles: RoleAssignment): Pair[] {
  const pairs: Pair[] = [];
  const customerIds = columnOf(cRoles, 'id', 'account_id');
  const customerNames = columnOf(cRoles, 'name', 'account_name');
  for (const deal of columnOf(dRoles, 'account_id')) {
    for (const customer of customerIds) pairs.push({ customer, deal, reason: 'account id role' });
  }
  for (const deal of columnOf(dRoles, 'account_name')) {
    for (const customer of customerNames) pairs.push({ customer, deal, reason: 'account name role' });
  }
  // olist-style exports share a named key (mql_id) between files; a generic `Record ID` never joins.
  customers.header.forEach((header, customer) => {
    const key = normalizeHeader(header);
    if (GENERIC_OWN_IDS.has(key)) return;
    const deal = deals.header.findIndex((h) => normalizeHeader(h) === key);
    if (deal >= 0 && (customerIds.includes(customer) || customerNames.includes(customer))) {
      pairs.push({ customer, deal, reason: 'same header in both files' });
    }
  });
  return pairs;
}

/** The error when no pair of columns joins the deals to the customers. */
export function unjoinable(deals: string, customers: string): OptionError {
  return new OptionError('key', `cannot tell which columns join ${deals} to ${customers}`, {
    hint: 'pass ⟨key⟩ <customerColumn>=<dealColumn>, e.g. ⟨key⟩ "Record ID=Associated Company IDs"',
  });
}
