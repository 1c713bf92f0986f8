import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ColumnTable } from '../../../src/core/column-table.js';
import { derive, type DeriveOptions } from '../../../src/core/derive/derive.js';
import type { CustomerRecord } from '../../../src/core/profile/customers.js';
import type { Table } from '../../../src/core/table.js';
import { columnTableOf } from '../../helpers/column-table.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const OPTIONS: DeriveOptions = { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5, fast: true };
const AT = '2026-12-04T00:00:00.000Z';

/** The same rows held by column, as readTable holds a file. */
const byColumn = (table: Table): ColumnTable => columnTableOf(table.name, table.header, table.rows, table.lines, table.sha256);

/** The bundled customers, 40 of them with two more rows under their key in another industry (which their mode takes). */
function customers(): Table {
  const table = tableFromCsv('customers.csv', readFileSync(new URL('../../../fixtures/customers.csv', import.meta.url), 'utf8'));
  const industry = table.header.indexOf('Industry');
  const repeats = table.rows.slice(0, 40).map((row) => row.map((cell, c) => (c === industry ? 'Retail' : cell)));
  const rows = [...table.rows, ...repeats, ...repeats.map((row) => [...row])];
  return { ...table, rows, lines: rows.map((_, i) => i + 2) };
}

describe('derive on a table held by column', () => {
  it('finds the ICP it finds on the same rows held as arrays, and never builds the rows', () => {
    const arrays = customers();
    const columns = byColumn(arrays);
    const a = derive({ customers: arrays, options: OPTIONS, generatedAt: AT, recordedOptions: {} });
    const b = derive({ customers: columns, options: OPTIONS, generatedAt: AT, recordedOptions: {} });
    expect(a.duplicateKeys).toBe(40);
    expect(a.doc.criteria.length).toBeGreaterThan(0);
    expect(b.doc).toEqual(a.doc);
    const seen = (c: CustomerRecord) => ({ key: c.key, label: c.label, line: c.line, rowCount: c.rowCount, rows: c.rows, cells: c.cells });
    expect(b.customers.map(seen)).toEqual(a.customers.map(seen));
    // Still held by column: derive read it through column(), cell() and row() only.
    expect(columns.column(0)).toBeDefined();
  });

  it('reads an outcome by column as it does from arrays', () => {
    const text = readFileSync(new URL('../../../fixtures/leads.csv', import.meta.url), 'utf8');
    const arrays = tableFromCsv('leads.csv', text);
    const columns = byColumn(arrays);
    const options = { ...OPTIONS, outcome: 'Converted' };
    const a = derive({ customers: arrays, options, generatedAt: AT, recordedOptions: {} });
    const b = derive({ customers: columns, options, generatedAt: AT, recordedOptions: {} });
    expect(a.doc.criteria.length).toBeGreaterThan(0);
    expect(b.doc).toEqual(a.doc);
    expect(columns.column(0)).toBeDefined();
  });
});
