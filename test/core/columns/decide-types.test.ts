import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideTypes } from '../../../src/core/columns/decide-types.js';
import { ColumnProfiler } from '../../../src/core/columns/profiler.js';
import { assignRoles } from '../../../src/core/columns/roles.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import { fixture } from '../../helpers/spawn-icp.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const customers = tableFromCsv('customers.csv', readFileSync(fixture('customers.csv'), 'utf8'));

describe('decideTypes', () => {
  it('types the columns as the profiler does, and confirms the roles as it does', () => {
    const roles = assignRoles(customers.header, undefined, customers.name);
    const profiled = assignRoles(customers.header, undefined, customers.name);
    const profiler = new ColumnProfiler(customers.header, profiled);
    for (const row of customers.rows) profiler.add(row);
    const types = decideTypes(customers.header, roles, customers.rows);
    expect(types).toEqual(profiler.types());
    expect([...roles.byColumn]).toEqual([...profiled.byColumn]);
    expect(types.find((c) => c.header === 'Number of Employees')?.type).toBe('number');
  });

  it('typeTable reads only its sample rows', () => {
    const column = customers.header.indexOf('Number of Employees');
    // Past the first 10 rows, every employee count is a word: the column is no number any more.
    const rows = customers.rows.map((row, i) => (i < 10 ? row : row.map((cell, c) => (c === column ? `many ${i % 7}` : cell))));
    const table = { ...customers, rows };
    const type = (sampleRows: number) => typeTable(table, assignRoles(table.header, undefined, table.name), sampleRows)[column]?.type;
    expect(type(10)).toBe('number');
    expect(type(5000)).not.toBe('number');
  });
});
