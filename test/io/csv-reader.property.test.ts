import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv-reader.js';
import { chunkedStream } from './stream-helpers.js';

// Characters that stress quoting, sniffing and decoding; NUL is left out (the reader refuses it as
// binary) and so is U+FEFF (at the very start it is a BOM, not data).
const tricky = fc.constantFrom(
  ...['a', 'Z', '7', ' ', '"', ',', ';', '\t', '|', '\n', '\r', '\r\n', 'é', '東', '😀', '\u00a0'],
);
const cell = fc.oneof(
  fc.string({ unit: tricky, maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/[\0\uFEFF]/g, '')),
);

const table = fc
  .integer({ min: 2, max: 5 })
  .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 30 }));

/** RFC 4180 writing: quote a field when it holds a quote, any candidate delimiter or a line break. */
function writeCsv(rows: string[][], delimiter: string, newline: string, finalNewline: boolean): string {
  const field = (value: string): string => (/[",;\t|\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const text = rows.map((row) => row.map(field).join(delimiter)).join(newline);
  return finalNewline ? text + newline : text;
}

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from('\uFEFF' + text, 'utf8');
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

// Where each record starts: 1 + the line feeds before it in the written text.
function startLines(rows: string[][], delimiter: string, newline: string): number[] {
  let line = 1;
  return rows.map((row) => {
    const start = line;
    line += writeCsv([row], delimiter, newline, true).split('\n').length - 1;
    return start;
  });
}

describe('reading back what an RFC 4180 writer wrote', () => {
  it('gives the same header, cells and line numbers, in any chunking and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        fc.integer({ min: 1, max: 40 }),
        async (rows, delimiter, newline, finalNewline, encoding, chunk) => {
          const text = writeCsv(rows, delimiter, newline, finalNewline);
          const stdin = chunkedStream(encode(text, encoding), chunk);
          const { file, rows: read } = await readCsv('-', { stdin });
          expect(file.delimiter).toBe(delimiter);
          expect(file.rawHeader).toEqual(rows[0]);
          expect(read.map((r) => r.cells)).toEqual(rows.slice(1));
          expect(read.map((r) => r.line)).toEqual(startLines(rows, delimiter, newline).slice(1));
          expect(file.stats().malformedRows).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
