import Papa from 'papaparse';
import { IcpError } from '../../../src/errors.js';
import { countChar, unterminatedQuote } from '../../../src/io/csv/scan-errors.js';

/** A parsed record and the 1-based physical line of the file on which it starts. */
export interface ParsedRow {
  line: number;
  cells: string[];
}

export interface RowParserOptions {
  delimiter: string;
  /** Display name of the input, for errors. */
  file: string;
  /** An unfinished row longer than this (in characters) is an error rather than a memory hog. */
  maxRowChars: number;
  /** Called once per row in which papaparse met a quote it had to take literally. */
  onInvalidQuotes?: (line: number) => void;
}

interface PapaResult {
  data: string[][];
  errors: { code: string; row?: number; index?: number }[];
  meta: { cursor: number };
}

// papaparse takes one newline per file, while icp ends a record at any LF, CRLF or CR. So papaparse reads
// the text with every line break made LF, CRLF and CR marked by a character just before that LF: one that
// String#trim() drops, as papaparse drops white space between a closing quote and the line break, so that
// each of its decisions is the one it would take on the text with a single kind of line break. The cells
// then get their own line breaks back: inside quotes byte for byte; a marker that ends a cell was the
// record's CRLF or CR. Input holding the markers themselves cannot be read this way.
const CRLF_MARK = '\u2028';
const CR_MARK = '\u2029';
const MARKS = /[\u2028\u2029]/;
const BREAK = /\r\n?|\n/g;
const MARKED = /[\u2028\u2029]\n|[\u2028\u2029]$/g;
const toLf = (text: string): string => text.replace(BREAK, (b) => (b === '\n' ? '\n' : b === '\r' ? `${CR_MARK}\n` : `${CRLF_MARK}\n`));
const fromLf = (cell: string): string => cell.replace(MARKED, (m) => (m.length === 1 ? '' : m[0] === CRLF_MARK ? '\r\n' : '\r'));

/**
 * Incremental text -> rows with papaparse's core parser. Only the unfinished last row is kept between
 * chunks, so memory follows the longest row, not the file. Papaparse's stream Duplex is not used because
 * it drops the parser's errors (an unterminated quote would pass silently) and row positions.
 */
export class RowParser {
  private readonly parser: Papa.Parser;
  /** Text as papaparse reads it (line breaks made LF, see toLf). */
  private pending = '';
  /** A CR that ended the last piece: a CRLF's first half, or a break of its own, as the next piece tells. */
  private carry = '';
  /** Line on which `pending` starts. */
  private pendingLine = 1;
  /** An unfinished row is parsed again only once `pending` has doubled: linear time for huge cells. */
  private parseAt = 0;

  constructor(private readonly options: RowParserOptions) {
    this.parser = new Papa.Parser({ delimiter: options.delimiter, newline: '\n', quoteChar: '"' });
  }

  /** Adds decoded text; returns the rows it completed. */
  push(text: string): ParsedRow[] {
    let piece = this.carry + text;
    this.carry = piece.endsWith('\r') ? '\r' : '';
    if (this.carry !== '') piece = piece.slice(0, -1);
    this.add(piece);
    if (this.pending.length < this.parseAt) return [];
    const result = this.parser.parse(this.pending, 0, true) as PapaResult;
    const cursor = result.meta.cursor;
    if (cursor === 0) {
      if (this.pending.length > this.options.maxRowChars) this.failTooLong();
      this.parseAt = Math.min(this.pending.length * 2, this.options.maxRowChars + 1);
      return [];
    }
    this.parseAt = 0;
    const rows = this.number(result, cursor, result.data.length);
    this.pending = this.pending.slice(cursor);
    return rows;
  }

  /** Parses what is left at the end of input; throws on an unterminated quoted field. */
  end(text = ''): ParsedRow[] {
    this.add(this.carry + text);
    this.carry = '';
    const result = this.parser.parse(this.pending, 0, false) as PapaResult;
    const missing = result.errors.find((e) => e.code === 'MissingQuotes');
    if (missing) this.failUnterminated(missing.index ?? 0, '');
    // The last row has no line break after it (papaparse adds an empty row after a final break).
    const rows = this.number(result, this.pending.length, Math.max(result.data.length - 1, 0));
    this.pending = '';
    return rows;
  }

  private add(text: string): void {
    if (MARKS.test(text)) throw new Error('the papaparse reference cannot read U+2028 or U+2029 (its line break marks)');
    this.pending += toLf(text);
  }

  private number(result: PapaResult, cursor: number, terminators: number): ParsedRow[] {
    // Every line break is an LF here: physical lines, each ended by LF, CRLF or CR in the input.
    const breaks = countChar(this.pending, '\n', 0, cursor);
    // Breaks beyond one per row are inside quoted cells; only then is it worth looking at each cell.
    const embedded = breaks > terminators;
    const rows: ParsedRow[] = new Array<ParsedRow>(result.data.length);
    let line = this.pendingLine;
    for (let i = 0; i < result.data.length; i++) {
      const cells = result.data[i] as string[];
      rows[i] = { line, cells: cells.map(fromLf) };
      line += 1;
      if (embedded) for (const cell of cells) line += countChar(cell, '\n', 0, cell.length);
    }
    this.reportInvalidQuotes(result, rows);
    this.pendingLine += breaks;
    return rows;
  }

  private reportInvalidQuotes(result: PapaResult, rows: ParsedRow[]): void {
    if (!this.options.onInvalidQuotes || result.errors.length === 0) return;
    let last = -1;
    for (const error of result.errors) {
      const row = error.row ?? -1;
      // Errors of the unfinished row come back when it is parsed again with more text.
      if (error.code !== 'InvalidQuotes' || row === last || row < 0 || row >= rows.length) continue;
      last = row;
      this.options.onInvalidQuotes((rows[row] as ParsedRow).line);
    }
  }

  private failTooLong(): never {
    const result = this.parser.parse(this.pending, 0, false) as PapaResult;
    const missing = result.errors.find((e) => e.code === 'MissingQuotes');
    const limit = `${Math.round(this.options.maxRowChars / 2 ** 20)} MiB`;
    if (missing) this.failUnterminated(missing.index ?? 0, ` (still open after ${limit}, the most one cell may hold)`);
    throw new IcpError(`line ${this.pendingLine} is longer than ${limit}`, {
      file: this.options.file,
      line: this.pendingLine,
      hint: 'this does not look like a CSV file; check the file, or its --encoding',
    });
  }

  private failUnterminated(index: number, detail: string): never {
    // `index` is just past the opening quote, inside `pending`, which starts on `pendingLine`.
    const line = this.pendingLine + countChar(this.pending, '\n', 0, index);
    throw unterminatedQuote(this.options.file, line, detail);
  }
}
