import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/io/csv/csv-reader.js';
import { countBreaks } from '../../../src/io/csv/scan-errors.js';
import { chunkedStream } from './stream-helpers.js';

// Characters that stress quoting, sniffing and decoding; NUL is left out (the reader refuses it as
// binary) and so is U+FEFF (at the very start it is a BOM, not data).
const tricky = fc.constantFrom(...['a', 'Z', '7', ' ', '"', ',', ';', '\t', '|', '\n', '\r', '\r\n', 'é', '東', '😀', '\u00a0']);
const cell = fc.oneof(
  fc.string({ unit: tricky, maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/[\0\uFEFF]/g, '')),
);

const table = fc
  .integer({ min: 2, max: 5 })
  .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 30 }));

/** Record terminators: one kind for the whole file, or each record its own, as a file edited by two tools. */
const terminators = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r').map((nl) => Array<string>(30).fill(nl)),
  fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 30, maxLength: 30 }),
);

/** RFC 4180 writing: quote a field when it holds a quote, any candidate delimiter or a line break. */
function writeRecord(row: string[], delimiter: string): string {
  const field = (value: string): string => (/[",;\t|\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return row.map(field).join(delimiter);
}

/** Record i ends with terminators[i]; the last one only with `finalNewline`. */
function writeCsv(rows: string[][], delimiter: string, ends: string[], finalNewline: boolean): string {
  return rows.map((row, i) => writeRecord(row, delimiter) + (i < rows.length - 1 || finalNewline ? (ends[i] as string) : '')).join('');
}

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from('\uFEFF' + text, 'utf8');
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

// Where each record starts: 1 + the line breaks (LF, CRLF or CR, in quotes too) before it in the written text.
function startLines(rows: string[][], delimiter: string, ends: string[]): number[] {
  let line = 1;
  return rows.map((row, i) => {
    const start = line;
    const text = writeRecord(row, delimiter) + (ends[i] as string);
    line += countBreaks(text, 0, text.length);
    return start;
  });
}

describe('reading back what an RFC 4180 writer wrote, with any mix of LF, CRLF and CR', () => {
  it('gives the same header, cells and line numbers, in any chunking and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(',', ';', '\t', '|'),
        terminators,
        fc.boolean(),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        fc.integer({ min: 1, max: 40 }),
        async (rows, delimiter, ends, finalNewline, encoding, chunk) => {
          const text = writeCsv(rows, delimiter, ends, finalNewline);
          const stdin = chunkedStream(encode(text, encoding), chunk);
          const { file, rows: read } = await readCsv('-', { stdin });
          expect(file.delimiter).toBe(delimiter);
          expect(file.rawHeader).toEqual(rows[0]);
          expect(read.map((r) => r.cells)).toEqual(rows.slice(1));
          expect(read.map((r) => r.line)).toEqual(startLines(rows, delimiter, ends).slice(1));
          expect(file.stats().malformedRows).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
