import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellOf, columnOf, headRows, rowCount, rowOf } from '../../src/core/column-table.js';
import { columnTableOf } from '../helpers/column-table.js';
import type { Table } from '../../src/core/table.js';

const HEADER = ['a', 'b', 'c'];

const build = (rows: readonly string[][], width = HEADER.length) => columnTableOf('t.csv', HEADER.slice(0, width), rows, undefined, 'sha');

const plain = (rows: string[][]): Table => ({ name: 't.csv', header: HEADER, rows, lines: rows.map((_, i) => i + 2), sha256: 'sha' });

// Cells from a small alphabet repeat (coded columns); rows of 0 to 5 cells are short, full or long.
const rowsArb = fc.array(fc.array(fc.constantFrom('', 'x', 'y', ' x', 'Zürich', '"q"', '1,5'), { minLength: 0, maxLength: 5 }), { maxLength: 60 });

describe('ColumnTable', () => {
  it('gives back every row as it was given, short and long rows too, cell by cell and as rows (property)', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const table = build(rows);
        expect(rowCount(table)).toBe(rows.length);
        rows.forEach((row, r) => {
          expect(rowOf(table, r)).toEqual(row);
          for (let c = 0; c < HEADER.length; c++) expect(cellOf(table, r, c)).toBe(row[c]);
        });
        expect(headRows(table, 7)).toEqual(rows.slice(0, 7));
        expect(table.rows).toEqual(rows);
        // Once the rows are built, they are what every accessor reads (the columns are gone).
        expect(table.column(0)).toBeUndefined();
        for (let r = 0; r < rows.length; r++) expect(rowOf(table, r)).toBe(table.rows[r]);
        if (rows.length > 0) expect(cellOf(table, rows.length - 1, 0)).toBe(rows[rows.length - 1]?.[0]);
      }),
    );
  });

  it('reads the same through the helpers as a table of row arrays (property)', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const columnar = build(rows);
        const arrays = plain(rows);
        for (let c = 0; c < HEADER.length; c++) {
          const a = columnOf(columnar, c);
          const b = columnOf(arrays, c);
          const at = (col: typeof a, r: number) => (col.ids === null ? col.values[r] : col.values[col.ids[r] as number]);
          for (let r = 0; r < rows.length; r++) expect(at(a, r)).toBe(at(b, r));
        }
      }),
    );
  });

  it('codes a column of repeated cells, each distinct cell once, in the order first met', () => {
    const rows = Array.from({ length: 10_000 }, (_, r) => [`v${r % 7}`, String(r), r % 2 === 0 ? 'even' : 'odd']);
    const table = build(rows);
    const repeated = table.column(0);
    expect(repeated?.ids).toBeInstanceOf(Uint16Array);
    expect(repeated?.values).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6']);
    expect(table.column(2)?.values).toEqual(['even', 'odd']);
    // Mostly distinct cells (ids, amounts) are held one per row: coding them would save nothing.
    const distinct = table.column(1);
    expect(distinct?.ids).toBeNull();
    expect(distinct?.values).toHaveLength(10_000);
    for (let r = 0; r < rows.length; r++) expect(table.cell(r, 1)).toBe(rows[r]?.[1]);
  });

  it('widens the ids of a coded column past 65,536 distinct cells, every cell kept', () => {
    // 2^17 rows of a few values first, so that the column stays coded while 70,000 new values follow.
    const rows = [...Array.from({ length: 2 ** 17 }, (_, r) => [`few${r % 3}`]), ...Array.from({ length: 70_000 }, (_, k) => [`new${k}`])];
    const table = build(rows, 1);
    const column = table.column(0);
    expect(column?.ids).toBeInstanceOf(Int32Array);
    expect(column?.values).toHaveLength(70_003);
    for (const r of [0, 1, 2, 2 ** 17 - 1, 2 ** 17, 2 ** 17 + 65_533, 2 ** 17 + 65_534, rows.length - 1]) expect(table.cell(r, 0)).toBe(rows[r]?.[0]);
    expect(table.rows).toEqual(rows);
  });
});
