import { describe, expect, it } from 'vitest';
import { collectWarnings } from '../../../src/core/warnings.js';
import { openCsv } from '../../../src/io/csv/csv-reader.js';
import { chunkedStream, readText } from './stream-helpers.js';

/** The rows and warnings of the byte scanner (openCsv, csv-reader.ts). */
async function scanned(text: string) {
  const { sink, warnings } = collectWarnings();
  const file = await openCsv('-', { stdin: chunkedStream(text, 3), onWarning: sink });
  const rows: string[][] = [];
  for await (const batch of file.batches()) for (let r = batch.start; r < batch.count; r++) rows.push(batch.row(r));
  return { rows, warnings };
}

describe('blank lines between rows', () => {
  const text = '\n\nCompany,Industry\n\nAcme,Software\n   \nBeta,Retail\n\t\nGamma,Software\n\n\n';

  it('are no rows, and both readers say how many were skipped and where', async () => {
    const papa = await readText(text);
    const scan = await scanned(text);
    for (const { rows, warnings } of [{ rows: papa.rows.map((r) => r.cells), warnings: papa.warnings }, scan]) {
      expect(rows).toEqual([
        ['Acme', 'Software'],
        ['Beta', 'Retail'],
        ['Gamma', 'Software'],
      ]);
      // Lines 1-2 come before the header and 10-11 after the last row: an extra line break is no news.
      expect(warnings).toEqual([{ message: '3 blank lines between rows were skipped (lines 4, 6, 8)', file: '<stdin>' }]);
    }
  });

  it('says nothing of a file without them, and names five lines at most', async () => {
    expect((await scanned('a,b\n1,2\n\n')).warnings).toEqual([]);
    const many = ['a', ...Array.from({ length: 8 }, (_, i) => `${i}\n`)].join('\n');
    expect((await scanned(many)).warnings).toEqual([{ message: '7 blank lines between rows were skipped (lines 3, 5, 7, 9, 11, ...)', file: '<stdin>' }]);
  });
});
