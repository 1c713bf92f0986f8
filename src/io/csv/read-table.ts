import { ColumnTableBuilder } from '../../core/column-table.js';
import type { Table } from '../../core/table.js';
import type { CsvReadOptions } from './csv-read-options.js';
import { CellInterner } from './cell-interner.js';
import { openCsv } from './csv-reader.js';

/**
 * Reads a whole CSV into a Table for the commands that need every row at once (derive, report), with the
 * byte scanner (openCsv, csv-reader.ts), held by column (ColumnTable: a few bytes a cell). `onRows` hears
 * the rows read so far after each batch (a progress line).
 */
export async function readTable(path: string, options: CsvReadOptions = {}, onRows?: (rows: number, name: string) => void): Promise<Table> {
  const file = await openCsv(path, options);
  const width = file.header.length;
  const table = new ColumnTableBuilder(width);
  const interner = new CellInterner();
  for await (const batch of file.batches()) {
    for (let r = batch.start; r < batch.count; r++) {
      const line = batch.line[r] as number;
      if (batch.size(r) !== width) {
        table.raggedRow(batch.sharedRow(r, interner), line);
        continue;
      }
      for (let c = 0; c < width; c++) table.cell(c, batch.sharedCell(r, c, interner), interner.id);
      table.endRow(line);
    }
    onRows?.(table.lines.length, file.displayName);
  }
  return table.done(file.displayName, file.header, file.stats().sha256);
}
