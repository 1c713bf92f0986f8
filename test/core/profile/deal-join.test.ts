import { describe, expect, it } from 'vitest';
import { assignRoles } from '../../../src/core/columns/roles.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import { groupCustomers } from '../../../src/core/profile/customers.js';
import { DEAL_SAMPLE_ROWS, DealJoin, joinDealTable } from '../../../src/core/profile/deal-join.js';
import { aggregateDeals, chooseJoinKeys } from '../../helpers/join-reference.js';
import { KeyMap } from '../../../src/core/profile/key-map.js';
import type { MatchedDeal } from '../../../src/core/profile/deal-types.js';
import type { Table } from '../../../src/core/table.js';
import { readTable } from '../../../src/io/csv/read-table.js';

const fixture = (name: string) => new URL(`../../../fixtures/${name}`, import.meta.url).pathname;

/** The in-memory way: choose the join on every deal, then aggregate. */
function reference(customers: Table, deals: Table, window: { since?: number; until?: number } = {}) {
  const roles = assignRoles(customers.header);
  const dRoles = assignRoles(deals.header);
  const keys = chooseJoinKeys(customers, roles, deals, dRoles);
  const grouped = groupCustomers(customers, keys.customerColumn);
  const matched: MatchedDeal[] = [];
  const result = aggregateDeals(deals, dRoles, typeTable(deals, dRoles), keys.dealColumn, new Set(grouped.customers.map((c) => c.key)), window, (d) =>
    matched.push(d),
  );
  return { keys, ...result, matched };
}

describe('DealJoin: deals joined and summed as they are read', () => {
  it('chooses the same keys and sums the same as chooseJoinKeys + aggregateDeals, with and without a window', async () => {
    const customers = await readTable(fixture('customers.csv'));
    const deals = await readTable(fixture('deals.csv'));
    const roles = assignRoles(customers.header);
    for (const window of [{}, { since: Date.UTC(2025, 0, 1) }, { until: Date.UTC(2024, 11, 31) }]) {
      const want = reference(customers, deals, window);
      const got = joinDealTable(customers, roles, deals, { ...window, keepDeals: true });
      expect(got.keys).toEqual(want.keys);
      expect(got.quality).toEqual(want.quality);
      expect([...got.byKey]).toEqual([...want.byKey]);
      expect(got.rows).toBe(deals.rows.length);
      // The deals report's per-deal views read: those the winning pair joined, in file order.
      expect(want.matched.length).toBeGreaterThan(0);
      expect(got.matched).toEqual(want.matched);
      expect(joinDealTable(customers, roles, deals, window).matched).toEqual([]);
    }
  });

  it('reads only the columns it needs once the sample has typed them', async () => {
    const customers = await readTable(fixture('customers.csv'));
    const deals = await readTable(fixture('deals.csv'));
    const join = new DealJoin(
      customers,
      assignRoles(customers.header),
      { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) },
      {},
    );
    for (const row of deals.rows) join.add(row.map((cell, i) => (join.columnsUsed.includes(i) ? cell : (undefined as unknown as string))));
    expect(join.finish(deals.sha256).byKey).toEqual(reference(customers, deals).byKey);
  });

  it('reads the deals again when the pair leading on the sample is not the one that joins the most', () => {
    const customers: Table = {
      name: 'c.csv',
      header: ['Record ID', 'Company name'],
      sha256: '',
      rows: Array.from({ length: 50 }, (_, i) => [String(i + 1), `Co ${i + 1}`]),
      lines: Array.from({ length: 50 }, (_, i) => i + 2),
    };
    // The sample joins on names only, the rest of the file (twice as long) on ids only.
    const rows = Array.from({ length: DEAL_SAMPLE_ROWS * 3 }, (_, i) => {
      const c = (i % 50) + 1;
      const early = i < DEAL_SAMPLE_ROWS;
      return [`D${i}`, early ? 'x' : String(c), early ? `Co ${c}` : 'nobody', String(100 + (i % 7)), i % 3 === 0 ? 'Closed Lost' : 'Closed Won', '2025-01-02'];
    });
    const deals: Table = {
      name: 'd.csv',
      header: ['Deal Name', 'Associated Company IDs', 'Associated Company', 'Amount', 'Deal Stage', 'Close Date'],
      sha256: '',
      rows,
      lines: rows.map((_, i) => i + 2),
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

  it('looks a pair after the leader up only where the leader misses, and reads again when it may match more', () => {
    const customers: Table = {
      name: 'c.csv',
      header: ['Record ID', 'Company name'],
      sha256: '',
      rows: Array.from({ length: 50 }, (_, i) => [String(i + 1), `Co ${i + 1}`]),
      lines: Array.from({ length: 50 }, (_, i) => i + 2),
    };
    const roles = assignRoles(customers.header);
    const header = ['Deal Name', 'Associated Company IDs', 'Associated Company', 'Amount', 'Deal Stage', 'Close Date'];
    /** Deals whose id and name `cells(i, c)` gives, for deal i of customer c. */
    const dealsWith = (cells: (i: number, c: number) => [id: string, name: string]): Table => {
      const rows = Array.from({ length: DEAL_SAMPLE_ROWS * 3 }, (_, i) => {
        const c = (i % 50) + 1;
        return [`D${i}`, ...cells(i, c), String(100 + (i % 7)), i % 3 === 0 ? 'Closed Lost' : 'Closed Won', '2025-01-02'];
      });
      return { name: 'd.csv', header, sha256: '', rows, lines: rows.map((_, i) => i + 2) };
    };
    /** The first read's reread and its look-ups of company names (column 2); the join as chooseJoinKeys makes it. */
    const check = (deals: Table, firstReread: unknown, dealColumn: number): number => {
      const head = { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) };
      const first = new DealJoin(customers, roles, head, { rereadable: true });
      let lookups = 0;
      const rows = deals.rows.map(
        (row) =>
          new Proxy(row, {
            get: (target, p) => {
              if (p === '2') lookups++;
              return Reflect.get(target, p);
            },
          }),
      );
      for (const row of rows) first.add(row);
      expect(first.reread).toEqual(firstReread);
      const want = reference(customers, deals);
      const got = joinDealTable(customers, roles, deals, { keepDeals: true });
      expect(got.matched).toEqual(want.matched);
      expect(got.keys).toEqual(want.keys);
      expect(got.quality).toEqual(want.quality);
      expect([...got.byKey]).toEqual([...want.byKey]);
      expect(got.keys.dealColumn).toBe(dealColumn);
      return lookups;
    };
    const sampleName = (i: number, c: number) => (i % 10 === 0 ? 'nobody' : `Co ${c}`);
    // Ids join every deal; names never join one the ids miss: no name is looked up at all.
    expect(
      check(
        dealsWith((i, c) => [String(c), sampleName(i, c)]),
        undefined,
        1,
      ),
    ).toBe(0);
    // Every 7th deal after the sample has an unknown id and no known name: names are looked up there only.
    const missed = Array.from({ length: DEAL_SAMPLE_ROWS * 3 }, (_, i) => i >= DEAL_SAMPLE_ROWS && i % 7 === 0).filter(Boolean).length;
    expect(
      check(
        dealsWith((i, c) => (i >= DEAL_SAMPLE_ROWS && i % 7 === 0 ? ['999', 'nobody'] : [String(c), sampleName(i, c)])),
        undefined,
        1,
      ),
    ).toBe(missed);
    // After the sample, most ids are stale but the names join: the names may match more, so the deals are
    // read again, counting and summing every pair, and the names win.
    check(
      dealsWith((i, c) => (i < DEAL_SAMPLE_ROWS || i % 4 === 0 ? [String(c), sampleName(i, c)] : ['999', `Co ${c}`])),
      { countAll: true },
      2,
    );
    // Names join a few deals the ids miss, in the sample too, and miss more the ids join: watched from the
    // sample on, they are out without a second read.
    const watched = check(
      dealsWith((i, c) => (i % 100 === 3 ? ['999', `Co ${c}`] : [String(c), sampleName(i, c)])),
      undefined,
      1,
    );
    expect(watched).toBe(DEAL_SAMPLE_ROWS * 3);
  });

  it('joins deals with unmatched keys, unknown stages, short rows and bad dates as the in-memory way does, read once or again', () => {
    const customers: Table = {
      name: 'c.csv',
      header: ['Record ID', 'Company name'],
      sha256: '',
      rows: Array.from({ length: 60 }, (_, i) => [String(i + 1), `Co ${i + 1}`]),
      lines: Array.from({ length: 60 }, (_, i) => i + 2),
    };
    const roles = assignRoles(customers.header);
    const header = ['Deal Name', 'Associated Company IDs', 'Associated Company', 'Amount', 'Deal Stage', 'Create Date', 'Close Date'];
    const stages = ['Closed Won', 'Closed Lost', 'Negotiation', 'Parked forever', '', 'closedwon'];
    const rows = Array.from({ length: 7000 }, (_, i): string[] => {
      const c = ((i * 7) % 60) + 1;
      const id = i % 11 === 0 ? `9${i}` : i % 17 === 0 ? '' : String(c);
      const name = i % 13 === 0 ? `Co ${(i % 60) + 1}` : i % 5 === 0 ? 'Someone else' : `Co ${c}`;
      const amount = i % 9 === 0 ? '' : `${1000 + ((i * 31) % 5000)}.${i % 100}`;
      const create = i % 19 === 0 ? '' : `2025-0${(i % 9) + 1}-1${i % 10}`;
      const close = i % 23 === 0 ? '' : `2025-0${((i + 4) % 9) + 1}-0${(i % 9) + 1}`;
      const row = [`D${i}`, id, name, amount, stages[i % stages.length] as string, create, close];
      // Now and then a row cut short, as exports with a missing trailing field have.
      return i % 29 === 0 ? row.slice(0, 5) : row;
    });
    const deals: Table = { name: 'd.csv', header, sha256: '', rows, lines: rows.map((_, i) => i + 2) };
    for (const window of [{}, { since: Date.UTC(2025, 3, 1) }]) {
      const want = reference(customers, deals, window);
      expect(want.quality.unmatched).toBeGreaterThan(0);
      expect(want.quality.unknownStages.map((s) => s.stage)).toContain('Parked forever');
      expect(want.quality.negativeCycles).toBeGreaterThan(0);
      expect(want.quality.withoutAmount).toBeGreaterThan(0);
      // A table in memory can be read again (joinDealTable); a stream read once counts every pair.
      const head = { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) };
      const once = new DealJoin(customers, roles, head, window);
      for (const row of deals.rows) once.add(row);
      expect(once.reread).toBeUndefined();
      for (const got of [joinDealTable(customers, roles, deals, window), once.finish('')]) {
        expect(got.keys).toEqual(want.keys);
        expect(got.quality).toEqual(want.quality);
        expect([...got.byKey]).toEqual([...want.byKey]);
      }
    }
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
      '0',
      '007',
      'acme',
      '18000000',
      '18100000',
      '18003100',
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
