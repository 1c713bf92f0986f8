import type { Table } from '../../core/table.js';
import type { CsvReadOptions } from './csv-read-options.js';
import { CellInterner } from './cell-interner.js';
import { openCsv } from './csv-reader.js';

/**
 * Reads a whole CSV into a Table for the commands that need every row at once (derive, report), with the
 * byte scanner (openCsv, csv-reader.ts). `onRows` hears the rows read so far after each batch (a progress line).
 */
export async function readTable(path: string, options: CsvReadOptions = {}, onRows?: (rows: number, name: string) => void): Promise<Table> {
  const file = await openCsv(path, options);
  const rows: string[][] = [];
  const lines: number[] = [];
  const interner = new CellInterner();
  for await (const batch of file.batches()) {
    for (let r = batch.start; r < batch.count; r++) {
      rows.push(batch.sharedRow(r, interner));
      lines.push(batch.line[r] as number);
    }
    onRows?.(rows.length, file.displayName);
  }
  return { name: file.displayName, header: file.header, rows, lines, sha256: file.stats().sha256 };
}
