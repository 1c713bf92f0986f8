import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { IcpError, InternalError, UsageError } from '../../../src/errors.js';
import { readCsv } from '../../helpers/papaparse/csv-reader.js';
import { CsvWriter, toCsvLine, type CsvWriterOptions } from '../../../src/io/output/csv-writer.js';
import { formulaEscape } from '../../../src/io/output/formula-guard.js';
import { chunkedStream } from '../csv/stream-helpers.js';

/** A Writable that keeps every chunk it is given, as bytes, and counts the writes. */
function collector(options: { highWaterMark?: number; delayMs?: number } = {}) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      if (options.delayMs === undefined) callback();
      else setTimeout(callback, options.delayMs);
    },
  });
  return { stream, chunks, bytes: () => Buffer.concat(chunks), text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Writes the rows with back-pressure honoured, as a command would. */
async function writeAll(rows: readonly (readonly string[])[], stream: NodeJS.WritableStream, options: CsvWriterOptions = {}) {
  const writer = new CsvWriter(stream, options);
  let refusals = 0;
  for (const row of rows) {
    if (!writer.writeRow(row)) {
      refusals++;
      if (!(await writer.drain())) break;
    }
  }
  await writer.end();
  return { writer, refusals };
}

const ticks = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('toCsvLine', () => {
  it.each([
    [['a', 'b', 'c'], 'a,b,c\n'],
    [['a,b', 'c'], '"a,b",c\n'],
    [['say "hi"', 'x'], '"say ""hi""",x\n'],
    [['"'], '""""\n'],
    [['line\nbreak'], '"line\nbreak"\n'],
    [['car\rriage'], '"car\rriage"\n'],
    [['crlf\r\ninside', 'y'], '"crlf\r\ninside",y\n'],
    [['', 'a', ''], ',a,\n'],
    [['', ''], ',\n'],
    [[''], '""\n'],
    [[' padded ', '  '], ' padded ,  \n'],
    [['Zürich', '東京', '😀 emoji', 'مرحبا'], 'Zürich,東京,😀 emoji,مرحبا\n'],
    [['semi;colon', 'tab\there', 'pipe|'], 'semi;colon,tab\there,pipe|\n'],
    [['\uFEFFbom first'], '"\uFEFFbom first"\n'],
  ])('quotes only what must be quoted: %j', (cells, line) => {
    expect(toCsvLine(cells)).toBe(line);
  });

  it('escapes formulas before quoting, and leaves numbers alone', () => {
    expect(toCsvLine(['=HYPERLINK("http://x","y")', '-5', '-minus Corp', '@SUM(A1)', "'=x"])).toBe(
      '"\'=HYPERLINK(""http://x"",""y"")",-5,\'-minus Corp,\'@SUM(A1),\'=x\n',
    );
    expect(toCsvLine(['+1 (555) 123-4567', '-1,234.56', '1e-5', '-0.5', '+5'])).toBe('\'+1 (555) 123-4567,"-1,234.56",1e-5,-0.5,+5\n');
  });

  it('escapes a leading tab or CR, and quotes it when it needs quoting', () => {
    expect(toCsvLine(['\tx', '\rx'])).toBe('\'\tx,"\'\rx"\n');
    expect(toCsvLine(['\tx'], { delimiter: '\t' })).toBe('"\'\tx"\n');
  });

  it('writes formulas as they are with formulaEscape: false', () => {
    expect(toCsvLine(['=1+1', '@SUM(A1)', '-x', '=HYPERLINK("a","b")'], { formulaEscape: false })).toBe('=1+1,@SUM(A1),-x,"=HYPERLINK(""a"",""b"")"\n');
  });

  it('uses the delimiter it is given, quoting cells that hold it and no longer those with commas', () => {
    expect(toCsvLine(['1,5', 'a;b', 'c'], { delimiter: ';' })).toBe('1,5;"a;b";c\n');
    expect(toCsvLine(['a,b', 'tab\there', 'c'], { delimiter: '\t' })).toBe('a,b\t"tab\there"\tc\n');
    expect(toCsvLine(['a', 'b'], { delimiter: 'tab' })).toBe('a\tb\n');
    expect(toCsvLine(['a', 'b'], { delimiter: '\\t' })).toBe('a\tb\n');
    expect(toCsvLine(['a|b', 'c'], { delimiter: '|' })).toBe('"a|b"|c\n');
    expect(toCsvLine(['a§b', 'c'], { delimiter: '§' })).toBe('"a§b"§c\n');
    expect(toCsvLine(['a😀b', 'c😀'], { delimiter: '😀' })).toBe('"a😀b"😀"c😀"\n');
    // Characters that mean something inside a regular expression class are taken literally.
    expect(toCsvLine(['a]b', 'a\\b', 'c'], { delimiter: ']' })).toBe('"a]b"]a\\b]c\n');
    expect(toCsvLine(['x-y', '-5', 'z'], { delimiter: '-' })).toBe('"x-y"-"-5"-z\n');
    expect(toCsvLine(['a^b', 'c'], { delimiter: '^' })).toBe('"a^b"^c\n');
  });

  it('ends lines with CRLF in excel mode or when asked, without a BOM', () => {
    expect(toCsvLine(['a', 'b'], { excel: true })).toBe('a,b\r\n');
    expect(toCsvLine(['a', 'b'], { lineEnding: '\r\n' })).toBe('a,b\r\n');
    expect(toCsvLine(['a', 'b'], { excel: true, lineEnding: '\n' })).toBe('a,b\n');
  });

  it.each(['', '"', ',,', '\n', '\r', '\uFEFF'])('refuses the delimiter %j as a usage error', (delimiter) => {
    expect(() => toCsvLine(['a'], { delimiter })).toThrow(UsageError);
  });
});

describe('CsvWriter', () => {
  it('writes a UTF-8 BOM once, first, and CRLF line ends in excel mode', async () => {
    const out = collector();
    await writeAll(
      [
        ['name', 'score'],
        ['Acme', '87'],
        ['Zürich AG', '12'],
      ],
      out.stream,
      { excel: true, chunkChars: 4 },
    );
    const bytes = out.bytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('name,score\r\nAcme,87\r\nZürich AG,12\r\n');
    expect(out.chunks.length).toBeGreaterThan(1); // the BOM is not repeated per chunk
  });

  it('writes no BOM and LF line ends by default', async () => {
    const out = collector();
    await writeAll([['a', 'b']], out.stream);
    expect(out.text()).toBe('a,b\n');
  });

  it('gathers small rows into large writes', async () => {
    const out = collector({ highWaterMark: 1024 * 1024 });
    const rows = Array.from({ length: 20_000 }, (_, i) => [`row ${i}`, 'Acme Corp', String(i * 3)]);
    await writeAll(rows, out.stream);
    expect(out.text().split('\n')).toHaveLength(20_001);
    expect(out.text()).toBe(rows.map((r) => `${r.join(',')}\n`).join(''));
    expect(out.chunks.length).toBeLessThanOrEqual(Math.ceil(out.bytes().length / (64 * 1024)) + 1);
  });

  it('sends gathered rows out when the producer pauses, without waiting for a full chunk or end()', async () => {
    const out = collector();
    const writer = new CsvWriter(out.stream);
    writer.writeRow(['first', 'row']);
    expect(out.text()).toBe('');
    await ticks(5);
    expect(out.text()).toBe('first,row\n');
    writer.writeRow(['second']);
    await writer.end();
    expect(out.text()).toBe('first,row\nsecond\n');
  });

  it('honours back-pressure from a slow destination: refuses rows while full, keeps order, bounds the buffer', async () => {
    const out = collector({ highWaterMark: 16, delayMs: 1 });
    const rows = Array.from({ length: 400 }, (_, i) => [String(i), `lead ${i}`, i % 7 === 0 ? 'a, "quoted" one' : 'plain']);
    const writer = new CsvWriter(out.stream, { chunkChars: 256 });
    let refusals = 0;
    let maxBuffered = 0;
    for (const row of rows) {
      const ok = writer.writeRow(row);
      maxBuffered = Math.max(maxBuffered, out.stream.writableLength);
      if (!ok) {
        refusals++;
        expect(await writer.drain()).toBe(true);
      }
    }
    await writer.end();
    expect(refusals).toBeGreaterThan(0);
    // Obeying writeRow's answer, at most one chunk (plus the row that crossed the limit) waits in the stream.
    expect(maxBuffered).toBeLessThan(256 + 64);
    expect(out.text()).toBe(rows.map((r) => toCsvLine(r)).join(''));
    expect(out.stream.writableEnded).toBe(false); // the stream belongs to whoever opened it
  });

  it('end() waits until the slow destination has taken every row', async () => {
    const out = collector({ highWaterMark: 16, delayMs: 2 });
    const writer = new CsvWriter(out.stream, { chunkChars: 10 });
    for (let i = 0; i < 20; i++) writer.writeRow([`row ${i}`]); // ignoring back-pressure still loses nothing
    await writer.end();
    expect(out.stream.writableLength).toBe(0);
    expect(out.text()).toBe(Array.from({ length: 20 }, (_, i) => `row ${i}\n`).join(''));
  });

  it('treats EPIPE as a closed destination: writeRow false from then on, drain() false, end() resolves', async () => {
    let writes = 0;
    const stream = new Writable({
      write(_chunk, _encoding, callback) {
        writes++;
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const writer = new CsvWriter(stream, { chunkChars: 8 });
    expect(writer.closed).toBe(false);
    writer.writeRow(['more than eight characters']);
    await ticks(5);
    expect(writer.closed).toBe(true);
    expect(writer.writeRow(['dropped'])).toBe(false);
    expect(writer.writeRow(['dropped too', 'x'.repeat(100)])).toBe(false);
    expect(await writer.drain()).toBe(false);
    await expect(writer.end()).resolves.toBeUndefined();
    expect(writes).toBe(1);
  });

  it('wakes a caller waiting in drain() when the reader goes away', async () => {
    let fail: (() => void) | undefined;
    const stream = new Writable({
      highWaterMark: 4,
      write(_chunk, _encoding, callback) {
        fail = () => callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const writer = new CsvWriter(stream, { chunkChars: 1 });
    expect(writer.writeRow(['a row longer than the high water mark'])).toBe(false);
    const waiting = writer.drain();
    fail?.();
    expect(await waiting).toBe(false);
    expect(writer.closed).toBe(true);
  });

  it('stops quietly when a real pipe reader exits early (| head)', async () => {
    const child = spawn(process.execPath, ['-e', "process.stdin.once('data', () => process.exit(0))"], { stdio: ['pipe', 'ignore', 'ignore'] });
    const row = ['Acme Corp', 'x'.repeat(200), '87', 'A'];
    const writer = new CsvWriter(child.stdin);
    let written = 0;
    for (let i = 0; i < 1_000_000; i++) {
      if (!writer.writeRow(row) && !(await writer.drain())) break;
      written++;
      if (i % 1000 === 0) await ticks(0); // let the child read, exit, and the pipe break
    }
    await writer.end();
    expect(writer.closed).toBe(true);
    expect(written).toBeLessThan(1_000_000);
  });

  it('treats a destination destroyed under it as closed', async () => {
    const out = collector();
    const writer = new CsvWriter(out.stream);
    writer.writeRow(['a']);
    out.stream.destroy();
    await ticks(1);
    expect(writer.writeRow(['b'])).toBe(false);
    expect(writer.closed).toBe(true);
    await writer.end();
  });

  it('turns any other write error into an IcpError naming the output, thrown by writeRow, drain() and end()', async () => {
    const stream = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    });
    const writer = new CsvWriter(stream, { chunkChars: 1, displayName: 'scored.csv' });
    writer.writeRow(['a']);
    await ticks(5);
    expect(writer.closed).toBe(false);
    expect(() => writer.writeRow(['b'])).toThrow(IcpError);
    expect(() => writer.writeRow(['b'])).toThrow('cannot write scored.csv: no space left on the device');
    await expect(writer.drain()).rejects.toThrow('no space left');
    await expect(writer.end()).rejects.toBeInstanceOf(IcpError);
  });

  it('refuses rows after end()', async () => {
    const writer = new CsvWriter(collector().stream);
    await writer.end();
    expect(() => writer.writeRow(['late'])).toThrow(InternalError);
    expect(() => writer.writeText('late')).toThrow(/after the CSV writer ended/);
  });

  it('writes text as given, in order with the rows, and through a custom encoder in place of CSV', async () => {
    const out = collector();
    const writer = new CsvWriter(out.stream, { encode: (cells) => `${JSON.stringify(cells)}\n`, excel: true, chunkChars: 5 });
    writer.writeText('[\n');
    writer.writeRow(['=1+1', 'a,b']);
    writer.writeText('=raw, "as is"\n');
    writer.writeRow(['x']);
    await writer.end();
    // No BOM, no quoting, no formula escape: the encoder owns the format.
    expect(out.text()).toBe('[\n["=1+1","a,b"]\n=raw, "as is"\n["x"]\n');
  });
});

describe('round trip: what the writer writes, a CSV parser reads back cell for cell', () => {
  const unit = fc.constantFrom(...['a', 'Z', '7', '-', '.', ' ', '"', "'", ',', ';', '\t', '|', '\n', '\r', '\r\n', '=', '+', '@', 'é', '東', '😀', '\uFEFF']);
  const formulaLike = fc.constantFrom('=HYPERLINK("http://x","y")', '-5', '+1 (555) 123-4567', '@SUM(A1)', '-1,234.56', '-minus Corp', "'=x", '\t=1', '');
  // U+2028 and U+2029 are left out of the graphemes: the papaparse reference marks line breaks with them
  // (test/helpers/papaparse/row-parser.ts), as in the reader's own property tests.
  const cell = fc.oneof(
    fc.string({ unit, maxLength: 10 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/[\u2028\u2029]/g, '')),
    formulaLike,
  );
  const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 });
  const dialect = fc.record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    excel: fc.boolean(),
    formulaEscape: fc.boolean(),
    chunkChars: fc.integer({ min: 1, max: 300 }),
  });

  it('papaparse with the same delimiter gives the same rows, each cell formula-escaped or as written', async () => {
    await fc.assert(
      fc.asyncProperty(rows, dialect, async (table, options) => {
        const out = collector({ highWaterMark: 64 });
        await writeAll(table, out.stream, options);
        const text = out.text();
        expect(text.startsWith('\uFEFF')).toBe(options.excel);
        const newline = options.excel ? '\r\n' : '\n';
        const parsed = Papa.parse<string[]>(text, { delimiter: options.delimiter, newline, quoteChar: '"' });
        expect(parsed.errors).toEqual([]);
        const data = parsed.data;
        expect(data.pop()).toEqual(['']); // the final line ending opens one empty record
        const expected = options.formulaEscape ? table.map((row) => row.map(formulaEscape)) : table;
        expect(data).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("icp's own reader reads a scored file back with the same cells", async () => {
    const wide = fc
      .integer({ min: 2, max: 5 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 20 }));
    await fc.assert(
      fc.asyncProperty(wide, dialect, async (table, options) => {
        const header = (table[0] ?? []).map((_, i) => `column ${i}`);
        const out = collector();
        await writeAll([header, ...table], out.stream, options);
        const { file, rows: read } = await readCsv('-', { stdin: chunkedStream(out.bytes(), 7), delimiter: options.delimiter });
        expect(file.header).toEqual(header);
        const expected = options.formulaEscape ? table.map((row) => row.map(formulaEscape)) : table;
        expect(read.map((r) => r.cells)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
