import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellOf, ColumnTable, rowCount } from '../../../src/core/column-table.js';
import { readCsv } from '../../../src/io/csv/csv-reader.js';
import { readTable } from '../../../src/io/csv/read-table.js';
import { chunkedStream } from './stream-helpers.js';

// Few distinct cells, so that columns are coded and the interner's ids are used; quoted and bare spellings
// of one text, and rows shorter or longer than the header.
const cell = fc.constantFrom('a', 'b', 'Zürich', 'x y', '', '1,5', 'say "hi"', '東');
const rowsArb = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 40 });

const field = (value: string, quoteAll: boolean) => (quoteAll || /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvOf = (header: string[], rows: string[][], quoted: boolean[]) =>
  [header.join(','), ...rows.map((row, r) => row.map((v) => field(v, quoted[r % quoted.length] as boolean)).join(','))].join('\n') + '\n';

async function both(text: string, chunk: number) {
  const table = await readTable('-', { stdin: chunkedStream(Buffer.from(text), chunk), onWarning: () => undefined });
  const { rows } = await readCsv('-', { stdin: chunkedStream(Buffer.from(text), chunk), onWarning: () => undefined });
  return { table, rows };
}

describe('readTable', () => {
  it('holds every row the CSV reader reads, cell for cell and line for line, short and long rows too (property)', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), async (rows, quoted, chunk) => {
        const header = ['h1', 'h2', 'h3'];
        const { table, rows: read } = await both(csvOf(header, rows, quoted), chunk);
        expect(table).toBeInstanceOf(ColumnTable);
        expect(rowCount(table)).toBe(read.length);
        // By column first (derive's way), then as rows (everyone else's).
        read.forEach((row, r) => {
          for (let c = 0; c < header.length; c++) expect(cellOf(table, r, c)).toBe(row.cells[c]);
        });
        expect(table.lines).toEqual(read.map((r) => r.line));
        expect(table.rows).toEqual(read.map((r) => r.cells));
      }),
      { numRuns: 200 },
    );
  });

  it('codes a column once per distinct text, however it was quoted, and holds a column of distinct cells as it is', async () => {
    const rows = Array.from({ length: 6000 }, (_, r) => [r % 2 === 0 ? 'Retail' : '"Retail"', `id-${r}`, r % 3 === 0 ? '"x, y"' : 'z']);
    const text = `Industry,Id,Tag\n${rows.map((row) => row.join(',')).join('\n')}\n`;
    const table = (await readTable('-', { stdin: chunkedStream(Buffer.from(text), 4096) })) as ColumnTable;
    expect(table.column(0)?.values).toEqual(['Retail']);
    expect(table.column(2)?.values).toEqual(['x, y', 'z']);
    expect(table.column(1)?.ids).toBeNull();
    expect(table.cell(5999, 1)).toBe('id-5999');
    expect(table.cell(3, 2)).toBe('x, y');
  });
});
