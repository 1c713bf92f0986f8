import type { BlankLines } from './blank-lines.js';

/** What a scan reads from, and keeps up to date for, its RecordScanner. */
export interface ScanState {
  /** The delimiter as latin1 text of its UTF-8 bytes, as the scan searches it. */
  readonly delimiter: string;
  /** Display name of the input, for errors. */
  readonly file: string;
  /** Records and cells per batch so far, to size the next batch's arrays. */
  recordsPerByte: number;
  cellsPerRecord: number;
  /** Added to the unterminated-quote message when the record also grew too long. */
  unterminatedDetail: string;
  /** The blank lines skipped between records, for the reader to warn of. */
  readonly blankLines: BlankLines;
}
