import type { Role } from '../columns/roles.js';
import { joinDealTable } from '../profile/deal-join.js';
import type { DealJoinOptions } from '../profile/deal-join-types.js';
import { typed } from '../report/typed-table.js';
import type { Table } from '../table.js';
import type { ProfileSqlInput } from './profile-sql.js';

/**
 * The columns `icp sql profile` reads, found on exports (or samples) of the two tables as derive finds them:
 * the join pair that matches the most deals (or --key), the deals' stage, won flag, amount and dates with
 * their decimal mark and date orders.
 */
export function profileColumns(
  customers: Table,
  deals: Table,
  options: { map: ReadonlyMap<Role, string>; key?: DealJoinOptions['key'] },
): { customerKey: string; deals: Omit<ProfileSqlInput['deals'], 'table'> } {
  const c = typed(customers, options.map);
  const t = typed(deals, options.map);
  const joined = joinDealTable(customers, c.roles, deals, {
    map: options.map,
    key: options.key,
    dealRoles: t.roles,
    dealColumns: t.columns,
    customerColumns: c.columns,
  });
  const header = (role: Role) => {
    const at = t.roles.byRole.get(role);
    return at === undefined ? undefined : deals.header[at];
  };
  const info = (role: Role) => {
    const at = t.roles.byRole.get(role);
    return at === undefined ? undefined : t.columns[at];
  };
  return {
    customerKey: customers.header[joined.keys.customerColumn] as string,
    deals: {
      key: deals.header[joined.keys.dealColumn] as string,
      stage: header('deal_stage'),
      won: header('won'),
      amount: header('amount'),
      created: header('created_date'),
      closed: header('close_date'),
      decimal: info('amount')?.decimal ?? '.',
      createdOrder: info('created_date')?.dateFormat?.order ?? 'ymd',
      closedOrder: info('close_date')?.dateFormat?.order ?? 'ymd',
    },
  };
}
