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

  it('reads the deals again when the pair leading on the sample is not the one that joins the most', () => {
    const customers: Table = {
      name: 'c.csv', header: ['Record ID', 'Company name'], sha256: '',
      rows: Array.from({ length: 50 }, (_, i) => [String(i + 1), `Co ${i + 1}`]), lines: Array.from({ length: 50 }, (_, i) => i + 2),
    };
    // The sample joins on names only, the rest of the file (twice as long) on ids only.
    const rows = Array.from({ length: DEAL_SAMPLE_ROWS * 3 }, (_, i) => {
      const c = (i % 50) + 1;
      const early = i < DEAL_SAMPLE_ROWS;
      return [`D${i}`, early ? 'x' : String(c), early ? `Co ${c}` : 'nobody', String(100 + (i % 7)), i % 3 === 0 ? 'Closed Lost' : 'Closed Won', '2025-01-02'];
    });
    const deals: Table = {
      name: 'd.csv', header: ['Deal Name', 'Associated Company IDs', 'Associated Company', 'Amount', 'Deal Stage', 'Close Date'], sha256: '',
      rows, lines: rows.map((_, i) => i + 2),
    };
    const roles = assignRoles(customers.header);
    const head = { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) };
    const first = new DealJoin(customers, roles, head, { rereadable: true });
    for (const row of deals.rows) first.add(row);
    expect(first.rereadPair).toMatchObject({ customer: 0, deal: 1 });
    const want = reference(customers, deals);
    const got = joinDealTable(customers, roles, deals, {});
    expect(got.keys).toEqual(want.keys);
    expect(got.quality).toEqual(want.quality);
    expect([...got.byKey]).toEqual([...want.byKey]);
    const once = new DealJoin(customers, roles, head, {});
    for (const row of deals.rows) once.add(row);
    expect(once.rereadPair).toBeUndefined();
    expect(once.finish('').keys).toEqual(want.keys);
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

  it('finds what a Map finds, for ids in sequence, out of sequence, far apart and overwritten', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const map = new KeyMap<number | undefined>();
    const want = new Map<string, number | undefined>();
    const keys = [
      ...Array.from({ length: 3000 }, (_, i) => String(18_000_000 + i)),
      ...Array.from({ length: 500 }, () => String(17_990_000 + Math.floor(random() * 40_000))),
      ...Array.from({ length: 200 }, () => String(Math.floor(random() * 1e12))),
      '0', '007', 'acme', '18000000', '18100000', '18003100',
    ];
    for (const [i, key] of keys.entries()) {
      const value = random() < 0.05 ? undefined : i;
      map.set(key, value);
      want.set(key, value);
    }
    for (const key of [...keys, '17', '18004000', '99999999']) {
      expect([key, map.get(key), map.has(key)]).toEqual([key, want.get(key), want.has(key)]);
    }
    expect(map.size).toBe(want.size);
  });
});
