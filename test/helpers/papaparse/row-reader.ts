import { InternalError } from '../../../src/errors.js';
import type { WarningSink } from '../../../src/core/warnings.js';
import type { ByteSource } from '../../../src/io/csv/byte-source.js';
import { BlankLines } from '../../../src/io/csv/blank-lines.js';
import { CappedWarnings } from '../../../src/io/csv/capped-warnings.js';
import type { ByteDecoder } from '../../../src/io/csv/decode.js';
import { RowParser, type ParsedRow, type RowParserOptions } from './row-parser.js';

/** Pulls rows through decoder and parser on demand, so a slow consumer holds back the file stream. */
export class RowReader {
  rowCount = 0;
  readonly fieldCounts: CappedWarnings;
  private readonly invalidQuotes: CappedWarnings;
  private readonly parser: RowParser;
  private buffered: ParsedRow[] = [];
  private expected = 0;
  private started = false;
  private warnedEncoding = false;
  private readonly blankLines = new BlankLines();

  constructor(
    private readonly source: ByteSource,
    private readonly decoder: ByteDecoder,
    private readonly warn: WarningSink,
    private readonly file: string,
    private ended: boolean,
    parserOptions: Omit<RowParserOptions, 'onInvalidQuotes'>,
  ) {
    this.fieldCounts = new CappedWarnings(warn, (total, cap) => ({
      message: `${total} rows have a different number of fields than the header (${this.expected}); ` + `only the first ${cap} were reported`,
      file,
    }));
    this.invalidQuotes = new CappedWarnings(warn, (total, cap) => ({
      message: `${total} rows have malformed quotes; only the first ${cap} were reported`,
      file,
    }));
    this.parser = new RowParser({
      ...parserOptions,
      onInvalidQuotes: (line) =>
        this.invalidQuotes.add({
          message: `line ${line} has a quote inside a quoted field that is not doubled; it was kept as text`,
          file,
          line,
        }),
    });
  }

  /** The first non-blank row (the header), reading on if the head text does not complete it. */
  async firstRow(headText: string): Promise<ParsedRow | undefined> {
    this.buffered = this.ended ? this.parser.end(headText) : this.parser.push(headText);
    this.checkEncoding();
    for (;;) {
      const index = this.buffered.findIndex((row) => !isBlank(row.cells));
      if (index !== -1) {
        const header = this.buffered[index];
        this.buffered = this.buffered.slice(index + 1);
        this.blankLines.row();
        return header;
      }
      if (this.ended) return undefined;
      this.buffered = await this.nextBatch();
    }
  }

  /** Sets the field count rows are checked against (the header's). */
  expectFields(count: number): void {
    this.expected = count;
  }

  /** The data rows, once: later rows are read only as the consumer asks for them. */
  rows(): AsyncIterable<ParsedRow> {
    if (this.started) throw new InternalError('rows() of a CSV file can only be read once');
    this.started = true;
    return this.iterate();
  }

  private async *iterate(): AsyncGenerator<ParsedRow> {
    try {
      let batch = this.buffered;
      this.buffered = [];
      for (;;) {
        for (const row of batch) {
          if (isBlank(row.cells)) {
            this.blankLines.blank(row.line);
            continue;
          }
          this.blankLines.row();
          this.rowCount++;
          if (row.cells.length !== this.expected) this.reportFieldCount(row);
          yield row;
        }
        if (this.ended) break;
        batch = await this.nextBatch();
      }
      this.fieldCounts.finish();
      this.invalidQuotes.finish();
      this.blankLines.finish(this.warn, this.file);
    } finally {
      this.source.close();
    }
  }

  private async nextBatch(): Promise<ParsedRow[]> {
    const chunk = await this.source.read();
    let rows: ParsedRow[];
    if (chunk === null) {
      this.ended = true;
      rows = this.parser.end(this.decoder.end());
    } else {
      rows = this.parser.push(this.decoder.write(chunk));
    }
    this.checkEncoding();
    return rows;
  }

  private reportFieldCount(row: ParsedRow): void {
    const fields = row.cells.length === 1 ? 'field' : 'fields';
    this.fieldCounts.add({
      message: `line ${row.line} has ${row.cells.length} ${fields}, expected ${this.expected}`,
      file: this.file,
      line: row.line,
    });
  }

  private checkEncoding(): void {
    if (this.warnedEncoding || !this.decoder.invalid) return;
    this.warnedEncoding = true;
    this.warn({
      message: `${this.file} is not valid UTF-8; unreadable bytes became "\uFFFD" ` + '(if it came from Excel, try --encoding windows-1252)',
      file: this.file,
    });
  }
}

// An empty line parses as one empty cell; a line of delimiters only (`,,,`) is a row of empty cells.
function isBlank(cells: string[]): boolean {
  return cells.length === 1 && (cells[0] as string).trim() === '';
}
