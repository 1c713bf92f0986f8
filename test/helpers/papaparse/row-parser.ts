import Papa from 'papaparse';
import { IcpError } from '../../../src/errors.js';
import { countChar, unterminatedQuote } from '../../../src/io/scan-errors.js';
import type { Newline } from '../../../src/io/sniff.js';

/** A parsed record and the 1-based physical line of the file on which it starts. */
export interface ParsedRow {
  line: number;
  cells: string[];
}

export interface RowParserOptions {
  delimiter: string;
  newline: Newline;
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


/**
 * Incremental text -> rows with papaparse's core parser. Only the unfinished last row is kept between
 * chunks, so memory follows the longest row, not the file. Papaparse's stream Duplex is not used because
 * it drops the parser's errors (an unterminated quote would pass silently) and row positions.
 */
export class RowParser {
  private readonly parser: Papa.Parser;
  private readonly lineChar: string;
  private pending = '';
  /** Line on which `pending` starts. */
  private pendingLine = 1;
  /** An unfinished row is parsed again only once `pending` has doubled: linear time for huge cells. */
  private parseAt = 0;

  constructor(private readonly options: RowParserOptions) {
    this.parser = new Papa.Parser({ delimiter: options.delimiter, newline: options.newline, quoteChar: '"' });
    // Physical lines are counted the way editors and `sed -n` do: LF (or CR in old Mac files).
    this.lineChar = options.newline === '\r' ? '\r' : '\n';
  }

  /** Adds decoded text; returns the rows it completed. */
  push(text: string): ParsedRow[] {
    this.pending += text;
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
    this.pending += text;
    const result = this.parser.parse(this.pending, 0, false) as PapaResult;
    const missing = result.errors.find((e) => e.code === 'MissingQuotes');
    if (missing) this.failUnterminated(missing.index ?? 0, '');
    // The last row has no line break after it (papaparse adds an empty row after a final break).
    const rows = this.number(result, this.pending.length, Math.max(result.data.length - 1, 0));
    this.pending = '';
    return rows;
  }

  private number(result: PapaResult, cursor: number, terminators: number): ParsedRow[] {
    const breaks = countChar(this.pending, this.lineChar, 0, cursor);
    // Breaks beyond one per row are inside quoted cells; only then is it worth looking at each cell.
    const embedded = breaks > terminators;
    const rows: ParsedRow[] = new Array<ParsedRow>(result.data.length);
    let line = this.pendingLine;
    for (let i = 0; i < result.data.length; i++) {
      const cells = result.data[i] as string[];
      rows[i] = { line, cells };
      line += 1;
      if (embedded) for (const cell of cells) line += countChar(cell, this.lineChar, 0, cell.length);
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
    const line = this.pendingLine + countChar(this.pending, this.lineChar, 0, index);
    throw unterminatedQuote(this.options.file, line, detail);
  }
}
