import { describe, expect, it } from 'vitest';
import { assignRoles } from '../../../src/core/columns/roles.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import { customerStarts, groupCustomers } from '../../../src/core/profile/customers.js';
import { aggregateDeals } from '../../helpers/join-reference.js';
import type { Table } from '../../../src/core/table.js';

const table = (name: string, header: string[], rows: string[][]): Table => ({ name, header, rows, lines: rows.map((_, i) => i + 2), sha256: '' });

const leads = table(
  'leads.csv',
  ['mql_id', 'first_contact_date', 'origin'],
  [
    ['a', '01-02-2018', 'social'],
    ['b', '20-10-2017', 'paid_search'],
    ['a', '15-01-2018', 'social'], // a repeats: its earliest contact counts
    ['', '03-03-2018', 'email'], // no key: a customer of its own
    ['c', 'n/a', 'email'],
  ],
);

describe('customerStarts', () => {
  it('gives each customer, keyed as groupCustomers keys them, its earliest created date', () => {
    const starts = customerStarts(leads, assignRoles(leads.header), 0);
    expect(starts?.column).toBe('first_contact_date');
    expect([...(starts?.byKey ?? [])]).toEqual([
      ['a', Date.UTC(2018, 0, 15)],
      ['b', Date.UTC(2017, 9, 20)],
      ['#row4', Date.UTC(2018, 2, 3)],
    ]);
    const keys = groupCustomers(leads, 0).customers.map((c) => c.key);
    for (const key of starts?.byKey.keys() ?? []) expect(keys).toContain(key);
  });

  it('is undefined without a created-date column', () => {
    const plain = table('c.csv', ['id', 'industry'], [['1', 'Retail']]);
    expect(customerStarts(plain, assignRoles(plain.header), 0)).toBeUndefined();
  });
});

describe('aggregateDeals with customer starts', () => {
  const starts = customerStarts(leads, assignRoles(leads.header), 0);
  const keys = new Set(['a', 'b', 'c']);
  const sum = (deals: Table) => {
    const roles = assignRoles(deals.header);
    return aggregateDeals(deals, roles, typeTable(deals, roles), 0, keys, {}, undefined, starts);
  };

  it("measures a customer's cycle from its start to its first won deal, when the deals have no create date", () => {
    const deals = table(
      'deals.csv',
      ['mql_id', 'won_date'],
      [
        ['a', '25-01-2018 12:00'],
        ['a', '25-06-2019 12:00'], // a later deal of the same customer: its age, not a sale
        ['b', '20-10-2017 00:00'],
        ['c', '01-03-2018 00:00'],
      ],
    );
    const { byKey, quality } = sum(deals);
    expect(byKey.get('a')?.cycleDays).toEqual([10.5]);
    expect(byKey.get('b')?.cycleDays).toEqual([0]);
    // c has no readable first contact: no cycle.
    expect(byKey.get('c')?.cycleDays).toEqual([]);
    expect(quality.negativeCycles).toBe(0);
    expect(quality.cycleStart).toEqual({ from: 'customers', column: 'first_contact_date' });
  });

  it('counts a deal won before its customer started as a negative cycle, and gives that customer none', () => {
    const deals = table(
      'deals.csv',
      ['mql_id', 'won_date'],
      [
        ['b', '19-10-2017 00:00'],
        ['b', '20-10-2017 00:00'],
      ],
    );
    const { byKey, quality } = sum(deals);
    expect(byKey.get('b')?.cycleDays).toEqual([]);
    expect(quality.negativeCycles).toBe(1);
    expect(quality.negativeWonCycles).toBe(1);
  });

  it('keeps the deals own create date when they have one', () => {
    const deals = table(
      'deals.csv',
      ['mql_id', 'Create Date', 'Close Date'],
      [
        ['a', '2018-01-20', '2018-01-25'],
        ['b', '', '2017-10-25'],
      ],
    );
    const { byKey, quality } = sum(deals);
    expect(byKey.get('a')?.cycleDays).toEqual([5]);
    // A deal without its own create date, among deals that have one, has no cycle: the customers' date stands in only for a file without the column.
    expect(byKey.get('b')?.cycleDays).toEqual([]);
    expect(quality.cycleStart).toEqual({ from: 'deals', column: 'Create Date' });
  });
});
