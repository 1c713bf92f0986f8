import { IcpError } from '../../errors.js';
import { openByteSource } from './byte-source.js';
import type { CsvReadOptions } from './csv-read-options.js';
import { normalizeDelimiter } from './delimiter.js';
import { resolveEncoding } from './decode.js';
import { headerRow } from './headers.js';
import type { RecordBatch } from './record-batch.js';
import { RecordReader } from './record-reader.js';
import { RecordScanner } from './record-scanner.js';
import { sniffDelimiter, sniffNewline, type Newline } from './sniff.js';
import { Utf8Source } from './utf8-source.js';

/** A CSV file opened for the byte scanner: the header read, the data rows to come in batches. */
export interface CsvRecords {
  /** path, or '<stdin>'. */
  displayName: string;
  /** Unique, trimmed. */
  header: string[];
  /** As read. */
  rawHeader: string[];
  delimiter: string;
  /** The line ending most of the head uses; any record may end in LF, CRLF or CR (files mix them). */
  newline: Newline;
  /** What was used: 'utf-8', 'utf-16le', 'windows-1252' (for latin1), ... */
  encoding: string;
  /** Whether the input began with a byte-order mark. */
  bom: boolean;
  /** Line on which the header row starts (1 unless blank lines precede it). */
  headerLine: number;
  /**
   * The data rows, once, in batches: records `batch.start` to `batch.count - 1` of each. A batch is only
   * read when asked for, so a slow consumer holds back the input.
   */
  batches(): AsyncIterable<RecordBatch>;
  /** Data rows read so far. */
  readonly rowCount: number;
  /** Rows read so far whose field count differs from the header's. */
  readonly malformedRows: number;
  /** Bytes of the input read so far. */
  readonly bytes: number;
  /** sha256 (hex) of the input's bytes, once the rows are read; only when opened with `sha256: true`. */
  sha256(): string;
  /** Releases the input without reading the rest. */
  close(): void;
}

const HEAD_CHARS = 64 * 1024;
const HEAD_LINES = 20;
const MAX_ROW_BYTES = 16 * 2 ** 20;

/**
 * Opens a CSV file (or stdin for '-'): dialect sniffing, encodings, header fixes, warnings and errors, with
 * the rows as byte ranges in batches, so that a cell is decoded only when needed and a row's bytes can be
 * written through as they came (score). openCsv (csv-reader.ts) gives the rows as arrays of cells; the
 * property tests hold both to papaparse's reading (test/helpers/papaparse).
 */
export async function openCsvRecords(path: string, options: CsvReadOptions & { sha256?: boolean } = {}): Promise<CsvRecords> {
  const encoding = resolveEncoding(options.encoding ?? 'utf-8');
  const explicitDelimiter = options.delimiter === undefined ? undefined : normalizeDelimiter(options.delimiter);
  const warn = options.onWarning ?? (() => undefined);
  const displayName = path === '-' ? '<stdin>' : path;
  const source = openByteSource(path, options.stdin, { hash: options.sha256 === true });
  try {
    const input = new Utf8Source(source, encoding);
    const head = await readHead(input);
    if (head.bytes.includes(0)) {
      throw new IcpError(`${displayName} does not look like a CSV text file (it contains NUL bytes)`, {
        hint: 'export the sheet as CSV; if the file is UTF-16 without a byte-order mark, pass --encoding utf-16le',
      });
    }
    const delimiter = explicitDelimiter ?? sniffDelimiter(head.text, head.ended);
    const newline = sniffNewline(head.text);
    const scanner = new RecordScanner({ delimiter, file: displayName, maxRowBytes: options.maxRowChars ?? MAX_ROW_BYTES });
    const reader = new RecordReader(source, input, scanner, warn, displayName);
    const first = await reader.firstRecord(head.bytes, head.ended);
    if (!first) throw new IcpError(`${displayName} is empty`, { hint: 'the first line must name the columns' });
    const header = headerRow(first.cells, warn, displayName, first.line);
    reader.expectFields(header.length);
    return {
      displayName,
      header,
      rawHeader: first.cells,
      delimiter,
      newline,
      encoding: input.encoding,
      bom: input.bom,
      headerLine: first.line,
      batches: () => reader.batches(),
      get rowCount() {
        return reader.rowCount;
      },
      get malformedRows() {
        return reader.malformedRows;
      },
      get bytes() {
        return source.bytes;
      },
      sha256: () => source.sha256(),
      close: () => source.close(),
    };
  } catch (error) {
    source.close();
    throw error;
  }
}

/** The first 64 Ki characters or 20 lines, whichever comes first, as bytes and as text (for sniffing). */
async function readHead(input: Utf8Source): Promise<{ bytes: Buffer; text: string; ended: boolean }> {
  const chunks: Buffer[] = [];
  let text = '';
  let lines = 0;
  for (;;) {
    const chunk = await input.read();
    if (chunk === null) return { bytes: Buffer.concat(chunks), text, ended: true };
    chunks.push(chunk);
    const piece = chunk.toString('utf8');
    text += piece;
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lines++;
    if (text.length >= HEAD_CHARS || lines > HEAD_LINES) return { bytes: Buffer.concat(chunks), text, ended: false };
  }
}

/**
 * Reads batches until `rows` data rows are seen (or the file ends): the rows as arrays, to learn the
 * columns from, and the batches that held them, to be processed first before the iterator goes on.
 */
export async function takeSample(batches: AsyncIterator<RecordBatch>, rows: number): Promise<{ held: RecordBatch[]; sample: string[][] }> {
  const held: RecordBatch[] = [];
  const sample: string[][] = [];
  while (sample.length < rows) {
    const next = await batches.next();
    if (next.done) break;
    held.push(next.value);
    for (let r = next.value.start; r < next.value.count && sample.length < rows; r++) sample.push(next.value.row(r));
  }
  return { held, sample };
}
