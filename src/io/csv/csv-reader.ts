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

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvStats {
  rows: number;
  bytes: number;
  /** sha256 (hex) of the input's bytes; '' when opened with `sha256: false`. */
  sha256: string;
  malformedRows: number;
}

/**
 * A CSV file opened: the header read, the data rows to come once, either in batches of byte ranges (a cell
 * is decoded only when asked for, a row's bytes can be written through as they came) or as arrays of cells.
 */
export interface CsvFile {
  /** As given ('-' for stdin). */
  path: string;
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
   * read when asked for, so a slow consumer holds back the input. Calling twice throws InternalError.
   */
  batches(): AsyncIterable<RecordBatch>;
  /** The data rows, once, as arrays of cells with their line (instead of batches()). */
  rows(): AsyncIterable<CsvRow>;
  /** Rows, bytes and malformed rows read so far; the sha256 once every row was read. */
  stats(): CsvStats;
  /** Releases the input without reading the rest (for callers that only needed the header). */
  close(): void;
}

const HEAD_CHARS = 64 * 1024;
const HEAD_LINES = 20;
const MAX_ROW_BYTES = 16 * 2 ** 20;

/**
 * Opens a CSV file (or stdin for '-'), the one way icp reads a CSV: dialect sniffing, encodings, header
 * fixes, warnings and errors, reading only as far as the header row and the dialect need. The property tests
 * hold it to papaparse's reading (test/helpers/papaparse). `sha256: false` skips hashing the bytes (score).
 */
export async function openCsv(path: string, options: CsvReadOptions & { sha256?: boolean } = {}): Promise<CsvFile> {
  const encoding = resolveEncoding(options.encoding ?? 'utf-8');
  const explicitDelimiter = options.delimiter === undefined ? undefined : normalizeDelimiter(options.delimiter);
  const warn = options.onWarning ?? (() => undefined);
  const displayName = path === '-' ? '<stdin>' : path;
  const hashed = options.sha256 !== false;
  const source = openByteSource(path, options.stdin, { hash: hashed });
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
    const batches = () => reader.batches();
    return {
      path,
      displayName,
      header,
      rawHeader: first.cells,
      delimiter,
      newline,
      encoding: input.encoding,
      bom: input.bom,
      headerLine: first.line,
      batches,
      rows: () => rowsOf(batches()),
      stats: () => ({ rows: reader.rowCount, bytes: source.bytes, sha256: hashed ? source.sha256() : '', malformedRows: reader.malformedRows }),
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

/** The rows of the batches as arrays of cells; the batches are taken at once, so that a second rows() throws there. */
function rowsOf(batches: AsyncIterable<RecordBatch>): AsyncIterable<CsvRow> {
  return (async function* () {
    for await (const batch of batches) {
      for (let r = batch.start; r < batch.count; r++) yield { line: batch.line[r] as number, cells: batch.row(r) };
    }
  })();
}

/** Reads every row into memory; for small files (tests, ICP-sized inputs). */
export async function readCsv(path: string, options?: CsvReadOptions): Promise<{ file: CsvFile; rows: CsvRow[] }> {
  const file = await openCsv(path, options);
  const rows: CsvRow[] = [];
  for await (const row of file.rows()) rows.push(row);
  return { file, rows };
}
