import { describe, expect, it } from 'vitest';
import { assignRoles } from '../../../src/core/columns/roles.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import { groupCustomers } from '../../../src/core/profile/customers.js';
import { DEAL_SAMPLE_ROWS, DealJoin, joinDealTable } from '../../../src/core/profile/deal-join.js';
import { aggregateDeals } from '../../../src/core/profile/deals.js';
import { chooseJoinKeys } from '../../../src/core/profile/join.js';
import { KeyMap } from '../../../src/core/profile/key-map.js';
import type { Table } from '../../../src/core/table.js';
import { readTable } from '../../../src/io/read-table.js';

const fixture = (name: string) => new URL(`../../../fixtures/${name}`, import.meta.url).pathname;

/** The in-memory way: choose the join on every deal, then aggregate. */
function reference(customers: Table, deals: Table, window: { since?: number; until?: number } = {}) {
  const roles = assignRoles(customers.header);
  const dRoles = assignRoles(deals.header);
  const keys = chooseJoinKeys(customers, roles, deals, dRoles);
  const grouped = groupCustomers(customers, keys.customerColumn);
  const result = aggregateDeals(deals, dRoles, typeTable(deals, dRoles), keys.dealColumn, new Set(grouped.customers.map((c) => c.key)), window);
  return { keys, ...result };
}

describe('DealJoin: deals joined and summed as they are read', () => {
  it('chooses the same keys and sums the same as chooseJoinKeys + aggregateDeals, with and without a window', async () => {
    const customers = await readTable(fixture('customers.csv'));
    const deals = await readTable(fixture('deals.csv'));
    const roles = assignRoles(customers.header);
    for (const window of [{}, { since: Date.UTC(2025, 0, 1) }, { until: Date.UTC(2024, 11, 31) }]) {
      const want = reference(customers, deals, window);
      const got = joinDealTable(customers, roles, deals, window);
      expect(got.keys).toEqual(want.keys);
      expect(got.quality).toEqual(want.quality);
      expect([...got.byKey]).toEqual([...want.byKey]);
      expect(got.rows).toBe(deals.rows.length);
    }
  });

  it('reads only the columns it needs once the sample has typed them', async () => {
    const customers = await readTable(fixture('customers.csv'));
    const deals = await readTable(fixture('deals.csv'));
    const join = new DealJoin(customers, assignRoles(customers.header), { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) }, {});
    for (const row of deals.rows) join.add(row.map((cell, i) => (join.columnsUsed.includes(i) ? cell : (undefined as unknown as string))));
    expect(join.finish(deals.sha256).byKey).toEqual(reference(customers, deals).byKey);
  });

  it('refuses to guess when no pair of columns joins', () => {
    const customers: Table = { name: 'c.csv', header: ['Record ID', 'Company name'], rows: [['1', 'Acme']], lines: [2], sha256: '' };
    const join = new DealJoin(customers, assignRoles(customers.header), { name: 'd.csv', header: ['Deal', 'Associated Company IDs'], sample: [] }, {});
    join.add(['x', '99']);
    expect(() => join.finish('')).toThrow(/cannot tell which columns join d\.csv to c\.csv/);
  });
});

describe('KeyMap', () => {
  it('keeps whole numbers and strings apart as normalizeKey does: 7 is not 007', () => {
    const map = new KeyMap<number>().set('7', 1).set('007', 2).set('0', 3).set('acme', 4).set('1234567890123456', 5);
    expect([map.get('7'), map.get('007'), map.get('0'), map.get('acme'), map.get('1234567890123456'), map.get('8')]).toEqual([1, 2, 3, 4, 5, undefined]);
    expect(map.has('07')).toBe(false);
  });
});
