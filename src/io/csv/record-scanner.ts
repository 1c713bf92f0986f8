import { IcpError } from '../../errors.js';
import { BlankLines } from './blank-lines.js';
import type { RecordBatch } from './record-batch.js';
import { scanRecords } from './scan-records.js';
import type { ScanState } from './scan-state.js';

export interface RecordScannerOptions {
  delimiter: string;
  /** Display name of the input, for errors. */
  file: string;
  /** An unfinished record longer than this (in bytes) is an error rather than a memory hog. */
  maxRowBytes: number;
}

/**
 * Splits UTF-8 bytes into records and cells by the same rules as papaparse's parser (the property tests'
 * reference, test/helpers/papaparse): a cell is quoted only when its first character is `"`; in it `""` is a quote; a quote
 * closes the cell when the delimiter or a line break follows, maybe after white space (dropped);
 * any other quote is text (InvalidQuotes); blank rows are skipped. A record ends at the first LF, CRLF or
 * CR outside quotes, whichever the file uses there: files edited by two tools mix them, and Python's csv
 * and spreadsheets read those too (papaparse picks one per file; the tests normalise for it). Lines are
 * physical lines, each ended by LF, CRLF or CR, on which a record starts. Push chunks, then end().
 */
export class RecordScanner {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** An unfinished record is scanned again only once the pending bytes have doubled: linear time for huge cells. */
  private retryAt = 0;
  /** Line on which the pending bytes start. */
  private line = 1;
  /** The blank lines skipped between records, for the reader to warn of. */
  readonly blankLines = new BlankLines();
  /** The delimiter, batch-size estimates and error detail the scan (./scan-records.ts) uses and updates. */
  private readonly state: ScanState;

  constructor(private readonly options: RecordScannerOptions) {
    this.state = {
      delimiter: Buffer.from(options.delimiter, 'utf8').toString('latin1'),
      file: options.file,
      recordsPerByte: 1 / 256,
      cellsPerRecord: 16,
      unterminatedDetail: '',
      blankLines: this.blankLines,
    };
  }

  /** Adds bytes; returns the records they completed, if any. */
  push(chunk: Buffer): RecordBatch | undefined {
    if (chunk.length === 0) return undefined;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.retryAt) return undefined;
    const data = this.take();
    const { batch, consumed, line } = this.scan(data, false, this.line);
    this.line = line;
    const rest = data.subarray(consumed);
    if (rest.length > 0) {
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
    if (consumed > 0) this.retryAt = 0;
    else {
      if (rest.length > this.options.maxRowBytes) this.failTooLong(rest);
      this.retryAt = Math.min(rest.length * 2, this.options.maxRowBytes + 1);
    }
    return batch.count > 0 ? batch : undefined;
  }

  /** Scans what is left at the end of input, and `last`; throws on an unterminated quoted cell. */
  end(last?: Buffer): RecordBatch | undefined {
    if (last && last.length > 0) this.pending.push(last);
    this.pendingBytes += last?.length ?? 0;
    const data = this.take();
    const { batch } = this.scan(data, true, this.line);
    return batch.count > 0 ? batch : undefined;
  }

  private take(): Buffer {
    const data = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return data;
  }

  private failTooLong(rest: Buffer): never {
    const limit = `${Math.round(this.options.maxRowBytes / 2 ** 20)} MiB`;
    // Scanned to its end, an open quote shows itself as the unterminated cell it is.
    this.state.unterminatedDetail = ` (still open after ${limit}, the most one cell may hold)`;
    this.scan(rest, true, this.line);
    throw new IcpError(`line ${this.line} is longer than ${limit}`, {
      file: this.options.file,
      line: this.line,
      hint: 'this does not look like a CSV file; check the file, or its --encoding',
    });
  }

  private scan(data: Buffer, final: boolean, startLine: number): { batch: RecordBatch; consumed: number; line: number } {
    return scanRecords(this.state, data, final, startLine);
  }
}
