import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { Table } from '../../src/core/table.js';

/** A Table from CSV text held in memory (generated fixtures), the way io/csv/read-table would build it. */
export function tableFromCsv(name: string, text: string): Table {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return {
    name,
    header: header ?? [],
    rows,
    lines: rows.map((_, i) => i + 2),
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}
