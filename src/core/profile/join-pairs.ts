import { assignRoles, type RoleAssignment } from '../columns/roles.js';
import type { Table } from '../table.js';
import type { DealJoinOptions } from './deal-join-types.js';
import { candidatePairs, headerIndex, noKeyJoin, type Pair } from './join.js';

/**
 * The customer columns a DealJoin reads: its pairs' keys, and the customers' created date when the deals
 * have no create date column (see customerStarts).
 */
export function customerColumnsUsed(customers: Table, cRoles: RoleAssignment, deals: { name: string; header: string[] }, options: DealJoinOptions): number[] {
  const dealsDated = (options.dealRoles ?? assignRoles(deals.header, options.map, deals.name)).byRole.has('created_date');
  const created = dealsDated ? undefined : cRoles.byRole.get('created_date');
  return [...new Set([...joinPairs(customers, cRoles, deals, options).map((p) => p.customer), ...(created === undefined ? [] : [created])])];
}

/** The pairs of join columns a DealJoin made with these options weighs, in order of preference. */
export function joinPairs(customers: Table, cRoles: RoleAssignment, deals: { name: string; header: string[] }, options: DealJoinOptions): Pair[] {
  if (options.pair) return [options.pair];
  const key = options.key;
  if (key?.none) throw noKeyJoin();
  if (key) return [{ customer: headerIndex(customers, key.customer, 'key'), deal: headerIndex(deals, key.deal ?? key.customer, 'key'), reason: '--key' }];
  return candidatePairs(customers, cRoles, deals, options.dealRoles ?? assignRoles(deals.header, options.map, deals.name));
}
