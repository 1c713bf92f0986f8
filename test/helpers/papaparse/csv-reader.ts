/**
 * The reference CSV reader of the property tests: papaparse's parser (row-parser.ts) behind the same
 * dialect sniffing, decoding, header fixes, warnings and errors as icp's reader (src/io/csv/csv-reader.ts, a
 * byte scanner). icp read every file this way until the scanner, faster, replaced it; the two must agree.
 */
import { IcpError } from '../../../src/errors.js';
import { openByteSource, type ByteSource } from '../../../src/io/csv/byte-source.js';
import { ByteDecoder } from '../../../src/io/csv/decode.js';
import { normalizeDelimiter } from '../../../src/io/csv/delimiter.js';
import { headerRow } from '../../../src/io/csv/headers.js';
import { RowReader } from './row-reader.js';
import { sniffDelimiter } from '../../../src/io/csv/sniff.js';
import type { CsvReadOptions } from '../../../src/io/csv/csv-read-options.js';
import type { CsvFile as IcpCsvFile, CsvRow } from '../../../src/io/csv/csv-reader.js';

/** What the reference gives of a file: icp's CsvFile, less the byte batches only icp's scanner makes. */
export type CsvFile = Omit<IcpCsvFile, 'batches' | 'newline'>;

/** Enough text to sniff the dialect from: the first 64 Ki characters or 20 lines, whichever comes first. */
const HEAD_CHARS = 64 * 1024;
const HEAD_LINES = 20;
const MAX_ROW_CHARS = 16 * 2 ** 20;

/** openCsv of src/io/csv/csv-reader.ts, through papaparse. */
export async function openCsv(path: string, options: CsvReadOptions = {}): Promise<CsvFile> {
  const decoder = new ByteDecoder(options.encoding ?? 'utf-8');
  const explicitDelimiter = options.delimiter === undefined ? undefined : normalizeDelimiter(options.delimiter);
  const warn = options.onWarning ?? (() => undefined);
  const displayName = path === '-' ? '<stdin>' : path;
  const source = openByteSource(path, options.stdin);
  try {
    const head = await readHead(source, decoder);
    if (head.text.includes('\0')) {
      throw new IcpError(`${displayName} does not look like a CSV text file (it contains NUL bytes)`, {
        hint: 'export the sheet as CSV; if the file is UTF-16 without a byte-order mark, pass --encoding utf-16le',
      });
    }
    const delimiter = explicitDelimiter ?? sniffDelimiter(head.text, head.ended);
    const reader = new RowReader(source, decoder, warn, displayName, head.ended, {
      delimiter,
      file: displayName,
      maxRowChars: options.maxRowChars ?? MAX_ROW_CHARS,
    });
    const first = await reader.firstRow(head.text);
    if (!first) throw new IcpError(`${displayName} is empty`, { hint: 'the first line must name the columns' });
    const header = headerRow(first.cells, warn, displayName, first.line);
    reader.expectFields(header.length);
    return {
      path,
      displayName,
      header,
      rawHeader: first.cells,
      delimiter,
      encoding: decoder.encoding,
      bom: decoder.bom,
      headerLine: first.line,
      rows: () => reader.rows(),
      stats: () => ({
        rows: reader.rowCount,
        bytes: source.bytes,
        sha256: source.sha256(),
        malformedRows: reader.fieldCounts.count,
      }),
      close: () => source.close(),
    };
  } catch (error) {
    source.close();
    throw error;
  }
}

/** readCsv of src/io/csv/csv-reader.ts, through papaparse. */
export async function readCsv(path: string, options?: CsvReadOptions): Promise<{ file: CsvFile; rows: CsvRow[] }> {
  const file = await openCsv(path, options);
  const rows: CsvRow[] = [];
  for await (const row of file.rows()) rows.push(row);
  return { file, rows };
}

/** Reads decoded text until there is enough to sniff the dialect, or the input ends. */
async function readHead(source: ByteSource, decoder: ByteDecoder): Promise<{ text: string; ended: boolean }> {
  let text = '';
  let lines = 0;
  for (;;) {
    const chunk = await source.read();
    if (chunk === null) return { text: text + decoder.end(), ended: true };
    const piece = decoder.write(chunk);
    text += piece;
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lines++;
    if (text.length >= HEAD_CHARS || lines > HEAD_LINES) return { text, ended: false };
  }
}
