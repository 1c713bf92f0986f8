import { describe, expect, it } from 'vitest';
import { columnReader, readCell } from '../../../src/core/columns/cell-value.js';
import type { ColumnInfo } from '../../../src/core/columns/infer.js';
import { assignRoles } from '../../../src/core/columns/roles.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import { readTable } from '../../../src/io/read-table.js';

const fixture = (name: string) => new URL(`../../../fixtures/${name}`, import.meta.url).pathname;

describe('columnReader', () => {
  it('reads every cell of the fixture customers as readCell does, missing and unreadable cells included', async () => {
    const table = await readTable(fixture('customers.csv'));
    const columns = typeTable(table, assignRoles(table.header));
    for (const column of columns) {
      const read = columnReader(column);
      for (const row of table.rows) expect(read(row[column.index])).toEqual(readCell(column, row[column.index]));
    }
  });

  it('tells a missing cell (null) from an unreadable one (undefined) when the answers are remembered', () => {
    const column: ColumnInfo = { index: 0, header: 'Employees', role: 'employees', notes: [], type: 'number', decimal: '.' };
    const read = columnReader(column);
    for (let i = 0; i < 3; i++) {
      expect(read('N/A')).toBeNull();
      expect(read('lots')).toBeUndefined();
      expect(read(undefined)).toBeNull();
      expect(read('1,200')).toBe(1200);
    }
  });
});
