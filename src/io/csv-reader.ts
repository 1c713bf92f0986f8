import { IcpError } from '../errors.js';
import type { WarningSink } from '../core/warnings.js';
import { openByteSource, type ByteSource } from './byte-source.js';
import { ByteDecoder } from './decode.js';
import { normalizeDelimiter } from './delimiter.js';
import { headerRow } from './headers.js';
import { RowReader } from './row-reader.js';
import { sniffDelimiter, sniffNewline } from './sniff.js';

export interface CsvReadOptions {
  /** Used when the file has no BOM; any label Node's TextDecoder knows. Default 'utf-8'. */
  encoding?: string;
  /** Overrides sniffing; `tab` and `\t` (backslash, t) also mean a tab. */
  delimiter?: string;
  onWarning?: WarningSink;
  /** Used when path is '-'; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Longest row accepted, in characters; guards memory against a stray quote. Default 16 Mi. */
  maxRowChars?: number;
}

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvStats {
  rows: number;
  bytes: number;
  sha256: string;
  malformedRows: number;
}

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
  /** What was used: 'utf-8', 'utf-16le', 'windows-1252' (for latin1), ... */
  encoding: string;
  bom: boolean;
  /** Line on which the header row starts (1 unless blank lines precede it). */
  headerLine: number;
  /** Single pass; calling twice throws InternalError. */
  rows(): AsyncIterable<CsvRow>;
  /** Complete after rows() is exhausted. */
  stats(): CsvStats;
  /** Releases the input without reading the rest (for callers that only needed the header). */
  close(): void;
}

/** Enough text to sniff the dialect from: the first 64 Ki characters or 20 lines, whichever comes first. */
const HEAD_CHARS = 64 * 1024;
const HEAD_LINES = 20;
const MAX_ROW_CHARS = 16 * 2 ** 20;

/** Opens a CSV file (or stdin for '-'), reading only as far as the header row and the dialect need. */
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
      newline: sniffNewline(head.text),
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

/** Reads every row into memory; for small files (tests, ICP-sized inputs). */
export async function readCsv(
  path: string,
  options?: CsvReadOptions,
): Promise<{ file: CsvFile; rows: CsvRow[] }> {
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
