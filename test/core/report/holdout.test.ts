import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../../../src/core/profile/keys.js';
import { checkHoldoutParts, dealsOfPart, holdoutKeys, splitHoldout, type HoldoutSplit } from '../../../src/core/report/holdout.js';
import { customerOwners, DealOwners } from '../../../src/core/report/holdout-owners.js';
import type { Table } from '../../../src/core/table.js';
import { IcpError } from '../../../src/errors.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

// Customer 1 has two rows (one per order); the row without a key is a customer of its own.
const CUSTOMERS = tableFromCsv(
  'c.csv',
  [
    'Record ID,Company name,Industry,Create Date',
    '1,A,Software,2025-01-10',
    '2,B,Retail,2025-03-01',
    '1,A,Software,2025-02-01',
    '3,C,Retail,',
    ',X,Retail,2024-12-01',
    '4,D,Software,',
    '5,E,Retail,2026-02-01',
    '6,F,Software,2025-06-30',
  ].join('\n'),
);
// Deal 109 joins no customer; customer 3 has no created date but a deal; customer 4 no date at all.
const DEALS = tableFromCsv(
  'd.csv',
  [
    'Record ID,Deal Stage,Amount,Create Date,Close Date,Associated Company IDs',
    '101,Closed Won,100,2025-02-01,2025-03-01,1',
    '102,Closed Lost,100,2025-04-01,2025-05-01,2',
    '103,Closed Won,100,2025-04-01,2025-06-01,1',
    '104,Closed Won,100,2025-01-15,2025-02-01,3',
    '105,Closed Lost,100,,,4',
    '106,Closed Won,100,2026-03-01,2026-04-01,5',
    '107,Closed Won,100,2025-07-01,2025-08-01,6',
    '108,Closed Lost,100,2025-08-01,2025-09-01,2',
    '109,Closed Won,100,2025-01-01,2025-01-05,99',
  ].join('\n'),
);

const keys = () => holdoutKeys(CUSTOMERS, DEALS, {});
const at = (day: string) => Date.parse(`${day}T00:00:00Z`);
const ids = (t: Table, col = 0) => t.rows.map((r) => r[col]);

describe('holdoutKeys', () => {
  it('keys customers by the deal join derive would choose, or by the key column without deals', () => {
    expect(keys()).toEqual({ customerColumn: 0, dealColumn: 5 });
    expect(holdoutKeys(CUSTOMERS, undefined, {})).toEqual({ customerColumn: 0 });
    expect(holdoutKeys(CUSTOMERS, undefined, { key: { customer: '', none: true } })).toEqual({ customerColumn: undefined });
  });
});

describe('splitHoldout by share', () => {
  const split = (share: number, seed: number) => splitHoldout({ customers: CUSTOMERS, deals: DEALS, keys: keys(), spec: { share, seed } });

  it("holds out round(share x customers) customers, keeps a customer's rows and deals together, in file order", () => {
    const s = split(0.3, 1);
    // 7 customers (1 twice, the keyless row its own): round(2.1) = 2 reported, 5 derived.
    expect([s.derive.customerCount, s.report.customerCount]).toEqual([5, 2]);
    expect(s.derive.customerRows.length + s.report.customerRows.length).toBe(8);
    expect(ids(s.derive.customers).filter((id) => id === '1').length % 2).toBe(0);
    for (const part of [s.derive, s.report]) {
      expect([...part.customerRows].sort((a, b) => a - b)).toEqual(part.customerRows);
      const mine = new Set(ids(part.customers));
      expect(ids(part.deals as Table, 5).every((k) => mine.has(k))).toBe(true);
      expect(part.customers.lines).toEqual(part.customerRows.map((r) => CUSTOMERS.lines[r]));
    }
    expect(s.leftOut).toEqual({ customers: 0, customerRows: [], dealRows: [8] });
  });

  it('is the same split for the same seed, and another for another seed', () => {
    expect(split(0.5, 7)).toEqual(split(0.5, 7));
    const draws = new Set([1, 2, 3, 4, 5, 6].map((seed) => split(0.5, seed).report.customerRows.join(',')));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('keeps name, header and digest: a part is rows of its file', () => {
    const s = split(0.3, 1);
    expect(s.report.customers).toMatchObject({ name: 'c.csv', header: CUSTOMERS.header, sha256: CUSTOMERS.sha256 });
  });
});

describe('splitHoldout on deals read as a stream', () => {
  it("splits the same given only each deal's owner (DealOwners, fed a row at a time), and routes each deal to its part", () => {
    for (const spec of [{ share: 0.4, seed: 3 }, { date: at('2025-03-01') }]) {
      const k = keys();
      const fromTable = splitHoldout({ customers: CUSTOMERS, deals: DEALS, keys: k, spec });
      const pass = new DealOwners(
        { name: DEALS.name, header: DEALS.header, sample: DEALS.rows.slice(0, 3) },
        customerOwners(CUSTOMERS, k),
        k.dealColumn,
        undefined,
        'date' in spec,
      );
      for (const row of DEALS.rows) pass.add(row);
      const streamed = splitHoldout({ customers: CUSTOMERS, deals: pass.finish(), keys: k, spec });
      const rows = (s: HoldoutSplit) => [s.derive, s.report].map((p) => [p.customerRows, p.dealRows, p.customerCount]);
      expect(rows(streamed)).toEqual(rows(fromTable));
      expect([streamed.leftOut, streamed.dated, streamed.derive.deals]).toEqual([fromTable.leftOut, fromTable.dated, undefined]);
      const inReport = dealsOfPart(streamed, 'report');
      expect(DEALS.rows.map((_, r) => r).filter(inReport)).toEqual(fromTable.report.dealRows);
    }
  });
});

describe('splitHoldout by date', () => {
  it('derives on customers created before the date, else whose first deal was, and leaves out the undated', () => {
    const s = splitHoldout({ customers: CUSTOMERS, deals: DEALS, keys: keys(), spec: { date: at('2025-03-01') } });
    // 1 (2025-01-10, earliest of its rows), the keyless row (2024-12-01) and 3 (its deal, 2025-01-15) derive.
    expect(ids(s.derive.customers)).toEqual(['1', '1', '3', '']);
    expect(ids(s.report.customers)).toEqual(['2', '5', '6']);
    expect(ids(s.derive.deals as Table)).toEqual(['101', '103', '104']);
    expect(s.leftOut).toEqual({ customers: 1, customerRows: [5], dealRows: [4, 8] });
    expect(s.dated).toEqual({ column: 'Create Date', byCreated: 5, byFirstDeal: 1 });
  });

  it('fails with what to do when neither a created date nor deals can date the customers', () => {
    const plain = tableFromCsv('p.csv', 'Record ID,Industry\n1,Software\n2,Retail\n');
    expect(() => splitHoldout({ customers: plain, keys: { customerColumn: 0 }, spec: { date: at('2025-01-01') } })).toThrow(/no created date column/);
  });
});

describe('checkHoldoutParts', () => {
  const spec = { share: 0.3, seed: 1 };
  const part = (customerCount: number, deals: number) => ({ customerCount, dealRows: Array.from({ length: deals }, (_, i) => i) });
  const fake = (d: [number, number], r: [number, number]) => ({ derive: part(...d), report: part(...r) }) as unknown as HoldoutSplit;
  it('fails when a part has no customer, or the derive part no deal for a deal-ranked ICP', () => {
    expect(() => checkHoldoutParts(fake([0, 0], [5, 3]), spec, '30%', false)).toThrow(/no customer to derive/);
    expect(() => checkHoldoutParts(fake([5, 3], [0, 0]), spec, '30%', false)).toThrow(/no customer to report on/);
    expect(() => checkHoldoutParts(fake([5, 0], [2, 3]), spec, '30%', true)).toThrow(IcpError);
    expect(() => checkHoldoutParts(fake([5, 0], [2, 3]), spec, '30%', false)).not.toThrow();
  });
});

// Customers keyed from a small pool (repeats, blanks), deals naming pool keys or strangers, with or without dates.
const cell = fc.constantFrom('', '2024-05-01', '2025-01-01', '2025-07-15', '2026-02-28');
const world = fc.record({
  customers: fc.array(fc.tuple(fc.constantFrom('', 'a', 'b', 'c', 'D', 'e', '7', '8.0'), cell), { minLength: 1, maxLength: 30 }),
  deals: fc.array(fc.tuple(fc.constantFrom('', 'a', 'B', 'c', 'd', 'zz', '8', '9'), cell, cell), { maxLength: 40 }),
  spec: fc.oneof(
    fc.record({ share: fc.double({ min: 0.01, max: 0.99, noNaN: true }), seed: fc.nat() }),
    fc.record({ date: fc.constantFrom(Date.parse('2024-12-01'), Date.parse('2025-04-01'), Date.parse('2026-01-01')) }),
  ),
});
const table = (name: string, header: string[], rows: string[][]): Table => ({ name, header, rows, lines: rows.map((_, i) => i + 2), sha256: '0'.repeat(64) });

describe('splitHoldout (property)', () => {
  it("puts every customer row in exactly one part or the left-out, with its key's other rows, and deals with their customer", () => {
    fc.assert(
      fc.property(world, ({ customers: c, deals: d, spec }) => {
        const customers = table(
          'c.csv',
          ['id', 'Create Date'],
          c.map(([k, at]) => [k, at]),
        );
        const deals = table(
          'd.csv',
          ['company', 'Create Date', 'Close Date'],
          d.map(([k, a, b]) => [k, a, b]),
        );
        const s = splitHoldout({ customers, deals, keys: { customerColumn: 0, dealColumn: 0 }, spec });
        const all = (pick: (x: { customerRows: number[]; dealRows: number[] }) => number[]) =>
          [...pick(s.derive), ...pick(s.report), ...pick(s.leftOut)].sort((x, y) => x - y);
        expect(all((x) => x.customerRows)).toEqual(customers.rows.map((_, i) => i));
        expect(all((x) => x.dealRows)).toEqual(deals.rows.map((_, i) => i));
        // One part per key (a blank key is a customer per row).
        const partOf = new Map<string, string>();
        const named = [
          ['derive', s.derive],
          ['report', s.report],
          ['left', s.leftOut],
        ] as const;
        for (const [name, part] of named) {
          for (const r of part.customerRows) {
            const raw = customers.rows[r]?.[0] ?? '';
            const key = raw === '' ? `#${r}` : normalizeKey(raw);
            expect(partOf.get(key) ?? name).toBe(name);
            partOf.set(key, name);
          }
        }
        for (const [name, part] of named) {
          for (const r of part.dealRows) {
            const key = normalizeKey(deals.rows[r]?.[0]);
            // A deal of no customer is left out; any other goes where its customer went.
            expect(key !== '' && partOf.has(key) ? partOf.get(key) : 'left').toBe(name);
          }
        }
        const counts = s.derive.customerCount + s.report.customerCount + s.leftOut.customers;
        expect(counts).toBe(new Set(customers.rows.map((row, i) => (row[0] === '' ? `#${i}` : normalizeKey(row[0])))).size);
        if ('share' in spec) expect(s.report.customerCount).toBe(Math.round(spec.share * counts));
      }),
      { numRuns: 300 },
    );
  });
});
