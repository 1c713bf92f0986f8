import fc from 'fast-check';
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
    expect(first.reread).toMatchObject({ pair: { customer: 0, deal: 1 } });
    const want = reference(customers, deals);
    const got = joinDealTable(customers, roles, deals, {});
    expect(got.keys).toEqual(want.keys);
    expect(got.quality).toEqual(want.quality);
    expect([...got.byKey]).toEqual([...want.byKey]);
    const once = new DealJoin(customers, roles, head, {});
    for (const row of deals.rows) once.add(row);
    expect(once.reread).toBeUndefined();
    expect(once.finish('').keys).toEqual(want.keys);
  });

  it('sums alike when the deals are shared out among several joins (threads) and absorbed, in any split', async () => {
    const customers = await readTable(fixture('customers.csv'));
    const fixtureDeals = await readTable(fixture('deals.csv'));
    // Amounts with cents: a sum in another order would differ in the last bits.
    const deals: Table = { ...fixtureDeals, rows: fixtureDeals.rows.map((row, i) => row.map((cell, c) => (fixtureDeals.header[c] === 'Amount' && /^\d+$/.test(cell) ? `${cell}.${(i * 37) % 100}` : cell))) };
    const roles = assignRoles(customers.header);
    const head = { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) };
    const windows = [{}, { since: Date.UTC(2025, 0, 1) }];
    const whole = windows.map((window) => {
      const join = new DealJoin(customers, roles, head, window);
      for (const row of deals.rows) join.add(row);
      return join.finish('');
    });
    expect([...(whole[0] as ReturnType<DealJoin['finish']>).byKey.values()].some((s) => !Number.isInteger(s.wonValue))).toBe(true);
    // Batches of consecutive deals, each handed to one of three joins, as the reader shares them out.
    const batches = fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(batches, fc.integer({ min: 0, max: 1 }), (split, w) => {
        const window = windows[w] as (typeof windows)[number];
        const parts = [0, 1, 2].map(() => new DealJoin(customers, roles, head, window));
        let at = 0;
        for (let b = 0; at < deals.rows.length; b++) {
          const [size, owner] = split[b % split.length] as [number, number];
          for (const row of deals.rows.slice(at, at + size)) (parts[owner] as DealJoin).add(row, at++);
        }
        const [main, ...others] = parts as [DealJoin, ...DealJoin[]];
        for (const part of others.reverse()) main.absorb(part.state());
        const got = main.finish('');
        const want = whole[w] as ReturnType<DealJoin['finish']>;
        expect(got.keys).toEqual(want.keys);
        expect(got.quality).toEqual(want.quality);
        expect([...got.byKey]).toEqual([...want.byKey]);
        expect(got.rows).toBe(deals.rows.length);
      }),
      { numRuns: 25 },
    );
  });

  it('looks a pair after the leader up only where the leader misses, and reads again when it may match more', () => {
    const customers: Table = {
      name: 'c.csv', header: ['Record ID', 'Company name'], sha256: '',
      rows: Array.from({ length: 50 }, (_, i) => [String(i + 1), `Co ${i + 1}`]), lines: Array.from({ length: 50 }, (_, i) => i + 2),
    };
    const roles = assignRoles(customers.header);
    const header = ['Deal Name', 'Associated Company IDs', 'Associated Company', 'Amount', 'Deal Stage', 'Close Date'];
    /** Deals that join on ids in the sample; after it, `late(i)` says how deal i's id and name read. */
    const dealsWith = (late: (i: number, c: number) => [id: string, name: string]): Table => {
      const rows = Array.from({ length: DEAL_SAMPLE_ROWS * 3 }, (_, i) => {
        const c = (i % 50) + 1;
        const [id, name] = i < DEAL_SAMPLE_ROWS ? [String(c), i % 10 === 0 ? 'nobody' : `Co ${c}`] : late(i, c);
        return [`D${i}`, id, name, String(100 + (i % 7)), i % 3 === 0 ? 'Closed Lost' : 'Closed Won', '2025-01-02'];
      });
      return { name: 'd.csv', header, sha256: '', rows, lines: rows.map((_, i) => i + 2) };
    };
    const check = (deals: Table, firstReread: unknown, dealColumn: number) => {
      const head = { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) };
      const first = new DealJoin(customers, roles, head, { rereadable: true });
      // How often the first read looks at a deal's company name (column 2).
      let lookups = 0;
      const rows = deals.rows.map((row) => new Proxy(row, { get: (target, p) => (p === '2' && lookups++, Reflect.get(target, p)) }));
      for (const row of rows) first.add(row);
      expect(first.reread).toEqual(firstReread);
      const want = reference(customers, deals);
      const got = joinDealTable(customers, roles, deals, {});
      expect(got.keys).toEqual(want.keys);
      expect(got.quality).toEqual(want.quality);
      expect([...got.byKey]).toEqual([...want.byKey]);
      expect(got.keys.dealColumn).toBe(dealColumn);
      return lookups;
    };
    // Ids join every deal after the sample, names none: the names are looked up on the sample's misses only.
    const ids = check(dealsWith((_, c) => [String(c), 'nobody']), undefined, 1);
    expect(ids).toBeLessThan(DEAL_SAMPLE_ROWS);
    // Later deals have unknown ids and known names: the name pair matches more, so the deals are read again
    // counting every pair, then with the name pair alone.
    check(dealsWith((i, c) => (i % 4 === 0 ? [String(c), 'nobody'] : ['999', `Co ${c}`])), { countAll: true }, 2);
    // Names match a few deals the ids miss, and miss more that the ids match: out after all.
    check(dealsWith((i, c) => (i % 100 === 0 ? ['999', `Co ${c}`] : [String(c), i % 50 === 1 ? 'nobody' : `Co ${c}`])), undefined, 1);
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
