import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectWarnings, type Warning } from '../../../src/core/warnings.js';
import { CellInterner } from '../../../src/io/csv/cell-interner.js';
import { openCsv } from '../../../src/io/csv/csv-reader.js';
import type { CsvReadOptions } from '../../../src/io/csv/csv-read-options.js';
import { readCsv } from '../../helpers/papaparse/csv-reader.js';
import { chunkedStream } from './stream-helpers.js';

/** What a reader made of a text: header, rows with lines, warnings; or the error it threw. */
interface Reading {
  error?: string;
  errorLine?: number | undefined;
  delimiter?: string;
  rawHeader?: string[];
  headerLine?: number;
  rows?: { line: number; cells: string[] }[];
  warnings?: Warning[];
}

function failure(error: unknown): Reading {
  const e = error as Error & { place?: { line?: number } };
  return { error: `${e.name}: ${e.message}`, errorLine: e.place?.line };
}

/** The reference: papaparse (test/helpers/papaparse). */
async function reference(bytes: Buffer, chunk: number, options: CsvReadOptions = {}): Promise<Reading> {
  const { sink, warnings } = collectWarnings();
  try {
    const { file, rows } = await readCsv('-', { ...options, stdin: chunkedStream(bytes, chunk), onWarning: sink });
    return { delimiter: file.delimiter, rawHeader: file.rawHeader, headerLine: file.headerLine, rows, warnings: inOrder(warnings) };
  } catch (error) {
    return failure(error);
  }
}

// Each reader warns as it reads a batch, and their batches differ: the same warnings, in another order.
const inOrder = (warnings: Warning[]) => [...warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));

/** The byte scanner behind openCsv, each cell decoded. */
async function scanned(bytes: Buffer, chunk: number, options: CsvReadOptions = {}): Promise<Reading> {
  const { sink, warnings } = collectWarnings();
  try {
    const file = await openCsv('-', { ...options, stdin: chunkedStream(bytes, chunk), onWarning: sink });
    const rows: { line: number; cells: string[] }[] = [];
    // Every row as whole-file tables read it, its cells shared with earlier equal ones (read-table.ts).
    const interner = new CellInterner();
    for await (const batch of file.batches()) {
      for (let r = batch.start; r < batch.count; r++) {
        const cells = batch.sharedRow(r, interner);
        expect(cells).toEqual(batch.row(r));
        rows.push({ line: batch.line[r] as number, cells });
      }
    }
    return { delimiter: file.delimiter, rawHeader: file.rawHeader, headerLine: file.headerLine, rows, warnings: inOrder(warnings) };
  } catch (error) {
    return failure(error);
  }
}

async function expectSame(bytes: Buffer, chunk: number, options: CsvReadOptions = {}): Promise<void> {
  expect(await scanned(bytes, chunk, options)).toEqual(await reference(bytes, chunk, options));
}

// Pieces that stress quoting, line breaks, white space after quotes, sniffing and UTF-8.
const piece = fc.constantFrom(
  'a',
  'Z',
  '7',
  ' ',
  '  ',
  '"',
  '""',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\r',
  '\r\n',
  'é',
  '東',
  '😀',
  '\u00a0',
  '\u3000',
  '=',
  '-5',
  '+',
  '@',
);
const rawText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
const terminator = fc.constantFrom('\n', '\r\n', '\r');

const tricky = fc.constantFrom(...['a', 'Z', '7', ' ', '"', ',', ';', '\t', '|', '\n', '\r', '\r\n', 'é', '東', '😀', '\u00a0']);
// U+2028 and U+2029 are left out too: the papaparse reference marks line breaks with them.
const cell = fc.oneof(
  fc.string({ unit: tricky, maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/[\0\uFEFF\u2028\u2029]/g, '')),
);
const table = fc
  .integer({ min: 1, max: 5 })
  .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 20 }));

/** Record terminators: one kind for the whole file, or each record its own, as a file edited by two tools. */
const terminators = fc.oneof(
  terminator.map((nl) => Array<string>(20).fill(nl)),
  fc.array(terminator, { minLength: 20, maxLength: 20 }),
);

/**
 * An RFC 4180 writer, but one that sometimes quotes a cell that needs no quotes, as some exporters do;
 * record i ends with ends[i], the last one only with `finalNewline`.
 */
function writeCsv(rows: string[][], delimiter: string, ends: string[], quoteAll: boolean, finalNewline: boolean): string {
  const field = (value: string): string => (quoteAll || /[",;\t|\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row, i) => row.map(field).join(delimiter) + (i < rows.length - 1 || finalNewline ? (ends[i] as string) : '')).join('');
}

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from('\uFEFF' + text, 'utf8');
  if (encoding === 'latin1') return Buffer.from(text.replace(/[^\x00-\xff]/g, '?'), 'latin1');
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

describe('the byte scanner reads every CSV as the papaparse reader does', () => {
  it('written tables, with one kind of line break or a mix: same header, cells, lines and warnings, in any chunking and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(',', ';', '\t', '|'),
        terminators,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        fc.integer({ min: 1, max: 40 }),
        async (rows, delimiter, ends, quoteAll, finalNewline, encoding, chunk) => {
          await expectSame(encode(writeCsv(rows, delimiter, ends, quoteAll, finalNewline), encoding), chunk);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text: stray and unbalanced quotes, white space after quotes, mixed line breaks, blank rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        rawText,
        terminator,
        rawText,
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(undefined, ',', ';'),
        async (header, nl, body, chunk, delimiter) => {
          const text = `${header}${nl}${body}`;
          await expectSame(Buffer.from(text, 'utf8'), chunk, delimiter === undefined ? {} : { delimiter });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('latin1 and invalid UTF-8 decode the same, with the same warning', async () => {
    await fc.assert(
      fc.asyncProperty(
        rawText,
        fc.uint8Array({ maxLength: 12 }),
        fc.integer({ min: 1, max: 17 }),
        fc.constantFrom(undefined, 'latin1', 'windows-1252'),
        async (text, noise, chunk, encoding) => {
          const bytes = Buffer.concat([Buffer.from(`a,b\n${text}`, 'utf8'), Buffer.from(noise).filter((b) => b !== 0)]);
          await expectSame(Buffer.from(bytes), chunk, encoding === undefined ? {} : { encoding });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a multi-character delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(rawText, fc.constantFrom('::', '§', '😀'), fc.integer({ min: 1, max: 9 }), async (text, delimiter, chunk) => {
        await expectSame(Buffer.from(`a${delimiter}b\n${text.replace(/,/g, delimiter)}`, 'utf8'), chunk, { delimiter });
      }),
      { numRuns: 300 },
    );
  });
});
