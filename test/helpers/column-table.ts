import { type ColumnTable, ColumnTableBuilder } from '../../src/core/column-table.js';

/** Rows held by column, as readTable holds a file: rows as wide as the header cell by cell, the others whole. */
export function columnTableOf(name: string, header: string[], rows: readonly string[][], lines = rows.map((_, i) => i + 2), sha256 = ''): ColumnTable {
  const builder = new ColumnTableBuilder(header.length);
  rows.forEach((row, r) => {
    const line = lines[r] as number;
    if (row.length !== header.length) {
      builder.raggedRow([...row], line);
      return;
    }
    for (let c = 0; c < row.length; c++) builder.cell(c, row[c] as string);
    builder.endRow(line);
  });
  return builder.done(name, header, sha256);
}
