import { describe, expect, it } from 'vitest';
import { collectWarnings } from '../../../src/core/warnings.js';
import { openCsv } from '../../../src/io/csv/csv-reader.js';
import { canPassThrough } from '../../../src/io/output/pass-through.js';
import { RECORD_FLAGS } from '../../../src/io/csv/record-batch.js';
import { chunkedStream, readText } from './stream-helpers.js';

// Every chunking from one byte up to the whole text: a CR at the end of a chunk may be half a CRLF.
const chunkings = (text: string): number[] => Array.from({ length: text.length }, (_, i) => i + 1);

/** Rows (line, cells) and warnings of `text` in every chunking, checked to agree; the first reading returned. */
async function readAll(text: string) {
  const first = await readText(text, { chunk: text.length });
  for (const chunk of chunkings(text)) {
    const again = await readText(text, { chunk });
    expect(again.rows, `chunk ${chunk}`).toEqual(first.rows);
    expect(again.warnings, `chunk ${chunk}`).toEqual(first.warnings);
  }
  return first;
}

describe('mixed line endings (issue 14): LF, CRLF and CR each end a record, anywhere in a file', () => {
  it('r1: LF header, then CRLF and LF rows: no "\\r" left in a cell', async () => {
    const { rows, warnings } = await readAll('Industry,b\n1,2\r\n3,4\n');
    expect(rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
    expect(warnings).toEqual([]);
  });

  it('r1b: an empty last cell before a CRLF in an LF file stays empty', async () => {
    const { rows } = await readAll('Industry,b\n1,\r\n');
    expect(rows).toEqual([{ line: 2, cells: ['1', ''] }]);
  });

  it('r2: CRLF header, then an LF row: two rows, not one with "2\\n3"', async () => {
    const { rows, file, warnings } = await readAll('Industry,b\r\n1,2\n3,4\r\n');
    expect(rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
    expect(file.stats()).toMatchObject({ rows: 2, malformedRows: 0 });
    expect(warnings).toEqual([]);
  });

  it('r3: a closed quoted cell before an LF in a CRLF file is no unterminated quote', async () => {
    const { rows } = await readAll('Industry,b\r\n1,"x"\ny,z\r\n');
    expect(rows).toEqual([
      { line: 2, cells: ['1', 'x'] },
      { line: 3, cells: ['y', 'z'] },
    ]);
  });

  it('reads a lone CR (old Mac) as a record terminator among LF and CRLF ones', async () => {
    const { rows } = await readAll('a,b\r1,2\n3,4\r\n5,6\r7,8');
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '6']],
      [5, ['7', '8']],
    ]);
  });

  it('reads CRLF on odd lines and LF on even ones as every customer', async () => {
    const lines = ['Company,Industry', ...Array.from({ length: 40 }, (_, i) => `C${i},${i % 2 ? 'Software' : 'Retail'}`)];
    const text = lines.map((line, i) => line + (i % 2 ? '\n' : '\r\n')).join('');
    for (const chunk of [1, 7, 64, text.length]) {
      const { rows } = await readText(text, { chunk });
      expect(rows.map((r) => r.cells)).toEqual(lines.slice(1).map((line) => line.split(',')));
      expect(rows.map((r) => r.line)).toEqual(lines.slice(1).map((_, i) => i + 2));
    }
  });

  it('keeps line breaks inside quotes byte for byte: CRLF in an LF file, LF in a CRLF file, a lone CR', async () => {
    const { rows } = await readAll('a,b\n1,"x\r\ny"\r\n2,"p\nq\rr"\n3,4');
    expect(rows).toEqual([
      { line: 2, cells: ['1', 'x\r\ny'] },
      { line: 4, cells: ['2', 'p\nq\rr'] },
      { line: 7, cells: ['3', '4'] },
    ]);
  });

  it('counts "\\n\\r" as two line breaks (a blank line), and "\\r\\n" as one', async () => {
    const { rows, warnings } = await readAll('a,b\n1,2\n\r3,4\r\n5,6\n');
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(warnings).toEqual([{ message: '1 blank line between rows was skipped (line 3)', file: '<stdin>' }]);
  });

  it('drops white space between a closing quote and any line break, as before the delimiter', async () => {
    const { rows } = await readAll('a,b\r\n1,"x"  \n2,"y" \r3,"z"\t\r\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', 'x'],
      ['2', 'y'],
      ['3', 'z'],
    ]);
  });
});

describe('line numbers in warnings and errors with mixed line endings', () => {
  // 1 header (CRLF), 2 row (LF), 3 short row (CR), 4-5 quoted CRLF, 6 blank (CRLF), 7 stray quote (CR), 8 row.
  const text = 'Industry,b\r\n1,2\n3\r4,"x\r\ny"\n\r\n5,"a"b"\r6,7\n';

  it('name the physical line of each row, however the input is chunked', async () => {
    const { rows, warnings } = await readAll(text);
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['1', '2']],
      [3, ['3']],
      [4, ['4', 'x\r\ny']],
      [7, ['5', 'a"b']],
      [8, ['6', '7']],
    ]);
    expect(warnings).toEqual([
      { message: 'line 3 has 1 field, expected 2', file: '<stdin>', line: 3 },
      { message: 'line 7 has a quote inside a quoted field that is not doubled; it was kept as text', file: '<stdin>', line: 7 },
      { message: '1 blank line between rows was skipped (line 6)', file: '<stdin>' },
    ]);
  });

  it('name the line an unterminated quote opens on', async () => {
    const open = text + '8,"never\r\nclosed\n';
    for (const chunk of chunkings(open)) {
      await expect(readText(open, { chunk })).rejects.toMatchObject({
        message: 'unterminated quoted field starting on line 9',
        place: { line: 9 },
      });
    }
  });
});

describe('write-through with mixed line endings', () => {
  it('gives each record its bytes without its terminator, whichever it was', async () => {
    const text = 'a,b\r\n1,2\n3,"x\r\ny"\r4,\r\n5,6';
    for (const chunk of [1, 2, 5, text.length]) {
      const file = await openCsv('-', { stdin: chunkedStream(text, chunk), onWarning: collectWarnings().sink });
      const records: string[] = [];
      for await (const batch of file.batches()) {
        for (let r = batch.start; r < batch.count; r++) {
          records.push(batch.bytes.toString('utf8', batch.recordStart[r], batch.recordEnd[r]));
          expect(canPassThrough(batch, r, 2, true)).toBe(true);
          expect((batch.flags[r] as number) & RECORD_FLAGS.FORMULA_START).toBe(0);
        }
      }
      expect(records).toEqual(['1,2', '3,"x\r\ny"', '4,', '5,6']);
    }
  });
});
