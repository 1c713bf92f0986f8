import type { Table } from '../core/table.js';
import { openCsv, type CsvReadOptions } from './csv-reader.js';

/** Reads a whole CSV into a Table for the commands that need every row at once (derive, report). */
export async function readTable(path: string, options: CsvReadOptions = {}): Promise<Table> {
  const file = await openCsv(path, options);
  const rows: string[][] = [];
  const lines: number[] = [];
  for await (const row of file.rows()) {
    rows.push(row.cells);
    lines.push(row.line);
  }
  return { name: file.displayName, header: file.header, rows, lines, sha256: file.stats().sha256 };
}
