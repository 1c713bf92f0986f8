import { InternalError } from '../../errors.js';
import type { WarningSink } from '../../core/warnings.js';
import type { ByteSource } from './byte-source.js';
import { CappedWarnings } from './capped-warnings.js';
import { RECORD_FLAGS, type RecordBatch } from './record-batch.js';
import type { RecordScanner } from './record-scanner.js';
import type { Utf8Source } from './utf8-source.js';

/**
 * Pulls batches of records through the UTF-8 source and the scanner on demand, and warns of rows with
 * another field count than the header, quotes that should have been doubled (both capped), invalid UTF-8
 * (once) and blank lines between rows (once).
 */
export class RecordReader {
  rowCount = 0;
  private readonly fieldCounts: CappedWarnings;
  private readonly invalidQuotes: CappedWarnings;
  private buffered: RecordBatch | undefined;
  private ended = false;
  private expected = 0;
  private started = false;
  private warnedEncoding = false;

  constructor(
    private readonly source: ByteSource,
    private readonly input: Utf8Source,
    private readonly scanner: RecordScanner,
    private readonly warn: WarningSink,
    private readonly file: string,
  ) {
    this.fieldCounts = new CappedWarnings(warn, (total, cap) => ({
      message: `${total} rows have a different number of fields than the header (${this.expected}); ` + `only the first ${cap} were reported`,
      file,
    }));
    this.invalidQuotes = new CappedWarnings(warn, (total, cap) => ({
      message: `${total} rows have malformed quotes; only the first ${cap} were reported`,
      file,
    }));
  }

  /** Rows whose field count differs from the header's, so far. */
  get malformedRows(): number {
    return this.fieldCounts.count;
  }

  /** The first row (the header): its cells and line, reading on if the head does not complete it. */
  async firstRecord(head: Buffer, ended: boolean): Promise<{ cells: string[]; line: number } | undefined> {
    this.ended = ended;
    let batch = this.scanHead(head, ended);
    for (;;) {
      this.checkEncoding();
      if (batch) {
        this.reportQuotes(batch, 0, 1);
        const header = { cells: batch.row(0), line: batch.line[0] as number };
        batch.start = 1;
        this.buffered = batch;
        return header;
      }
      if (this.ended) return undefined;
      batch = await this.nextBatch();
    }
  }

  private scanHead(head: Buffer, ended: boolean): RecordBatch | undefined {
    return ended ? this.scanner.end(head) : this.scanner.push(head);
  }

  /** Sets the field count rows are checked against (the header's). */
  expectFields(count: number): void {
    this.expected = count;
  }

  /** The data rows in batches, once; later batches are read only as the consumer asks for them. */
  batches(): AsyncIterable<RecordBatch> {
    if (this.started) throw new InternalError('the rows of a CSV file can only be read once');
    this.started = true;
    return this.iterate();
  }

  private async *iterate(): AsyncGenerator<RecordBatch> {
    try {
      let batch = this.buffered;
      this.buffered = undefined;
      for (;;) {
        if (batch && batch.start < batch.count) {
          this.rowCount += batch.count - batch.start;
          this.reportFieldCounts(batch);
          this.reportQuotes(batch, batch.start, batch.count);
          yield batch;
        }
        if (this.ended) break;
        batch = await this.nextBatch();
      }
      this.fieldCounts.finish();
      this.invalidQuotes.finish();
      this.scanner.blankLines.finish(this.warn, this.file);
    } finally {
      this.source.close();
    }
  }

  private async nextBatch(): Promise<RecordBatch | undefined> {
    const chunk = await this.input.read();
    let batch: RecordBatch | undefined;
    if (chunk === null) {
      this.ended = true;
      batch = this.scanner.end();
    } else {
      batch = this.scanner.push(chunk);
    }
    this.checkEncoding();
    return batch;
  }

  private reportFieldCounts(batch: RecordBatch): void {
    for (let r = batch.start; r < batch.count; r++) {
      const size = batch.size(r);
      if (size === this.expected) continue;
      const line = batch.line[r] as number;
      this.fieldCounts.add({ message: `line ${line} has ${size} ${size === 1 ? 'field' : 'fields'}, expected ${this.expected}`, file: this.file, line });
    }
  }

  private reportQuotes(batch: RecordBatch, from: number, to: number): void {
    for (let r = from; r < to; r++) {
      if (((batch.flags[r] as number) & RECORD_FLAGS.INVALID_QUOTES) === 0) continue;
      const line = batch.line[r] as number;
      this.invalidQuotes.add({ message: `line ${line} has a quote inside a quoted field that is not doubled; it was kept as text`, file: this.file, line });
    }
  }

  private checkEncoding(): void {
    if (this.warnedEncoding || !this.input.invalid) return;
    this.warnedEncoding = true;
    this.warn({
      message: `${this.file} is not valid UTF-8; unreadable bytes became "\uFFFD" ` + '(if it came from Excel, try --encoding windows-1252)',
      file: this.file,
    });
  }
}
