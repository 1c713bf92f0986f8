import { CELL_HAS_QUOTES, CELL_QUOTED, RECORD_FLAGS, RecordBatch } from './record-batch.js';
import { countBreaks, unterminatedQuote } from './scan-errors.js';
import { whitespaceEnd } from './whitespace.js';
import type { ScanState } from './scan-state.js';
import { afterQuote, breakLength, firstOf, INCOMPLETE, INVALID } from './quote-rules.js';
import { FORMULA_FIRST } from '../output/formula-guard.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const { IRREGULAR, INVALID_QUOTES, FORMULA_START } = RECORD_FLAGS;

/** Thrown inside a scan when the data ends before the record does; the scan then stops at that record. */
const MORE = Symbol('more data needed');

/**
 * The complete records of `data` (all of it when `final`), the bytes they take up, and the line after them.
 * Not final, the scan stops before a record whose end, or whose reading, depends on bytes still to come.
 * The search runs on the bytes read as latin1, one character per byte, where V8's indexOf is fast and
 * every position is a byte offset; the delimiters, quotes and line breaks it looks for are all ASCII
 * (a delimiter such as `§` is searched as its UTF-8 bytes).
 */
export function scanRecords(state: ScanState, data: Buffer, final: boolean, startLine: number): { batch: RecordBatch; consumed: number; line: number } {
  const scan = new ChunkScan(state, data, final, startLine);
  try {
    while (scan.pos < scan.n) scan.record();
  } catch (error) {
    if (error !== MORE) throw error;
  }
  return scan.finish();
}

/** One scan of one chunk: the cursor, the batch it fills, and the record being read. */
class ChunkScan {
  readonly text: string;
  readonly n: number;
  readonly batch: RecordBatch;
  readonly delimiter: string;
  readonly d0: number;
  readonly dLength: number;
  cellStart: Int32Array;
  cellEnd: Int32Array;
  cellFlags: Uint8Array;
  pos = 0;
  records = 0;
  cells = 0;
  // The next delimiter, quote, CR and LF at or after the cursor, found again once passed. A file without
  // CR keeps nextCr at -1 and never searches for one again.
  nextDelimiter: number;
  nextQuote: number;
  nextCr: number;
  nextLf: number;
  // The record being read: the cursor, line breaks inside it, its flags, where its bytes end (before the
  // line break) and where the next record starts (-1 while open); the last cell's closing quote and bits.
  p = 0;
  breaks = 0;
  flags = 0;
  end = -1;
  next = -1;
  stop = 0;
  cellBits = 0;

  constructor(
    readonly state: ScanState,
    readonly data: Buffer,
    readonly final: boolean,
    public line: number,
  ) {
    const text = data.toString('latin1');
    this.text = text;
    this.n = text.length;
    const estimate = Math.ceil(this.n * state.recordsPerByte) + 8;
    this.batch = new RecordBatch(data, estimate, Math.ceil(estimate * state.cellsPerRecord) + 64);
    ({ cellStart: this.cellStart, cellEnd: this.cellEnd, cellFlags: this.cellFlags } = this.batch);
    this.delimiter = state.delimiter;
    this.d0 = this.delimiter.charCodeAt(0);
    this.dLength = this.delimiter.length;
    this.nextDelimiter = text.indexOf(this.delimiter);
    this.nextQuote = text.indexOf('"');
    this.nextCr = text.indexOf('\r');
    this.nextLf = text.indexOf('\n');
  }

  /** Reads the record at the cursor and moves the cursor past it. */
  record(): void {
    const first = this.cells;
    this.p = this.pos;
    this.breaks = 0;
    this.flags = 0;
    this.end = -1;
    this.next = -1;
    while (this.next === -1) this.cell();
    if (this.next > this.end) this.breaks++;
    const end = this.cellEnd[first] as number;
    if (this.cells - first === 1 && whitespaceEnd(this.data, this.cellStart[first] as number, end) === end) {
      // A blank line (or white space only) is no row; papaparse's reader skips it too.
      this.cells = first;
      this.state.blankLines.blank(this.line);
    } else {
      this.state.blankLines.row();
      this.addRecord(first);
    }
    this.line += this.breaks;
    this.pos = this.next;
  }

  private addRecord(first: number): void {
    const { batch, records } = this;
    if (records + 1 >= batch.recordStart.length) batch.growRecords();
    batch.recordStart[records] = this.pos;
    batch.recordEnd[records] = this.end;
    batch.firstCell[records] = first;
    batch.line[records] = this.line;
    batch.flags[records] = this.flags;
    this.records = records + 1;
    batch.firstCell[records + 1] = this.cells;
  }

  /** Reads the cell at the cursor. */
  private cell(): void {
    if (this.cells === this.cellStart.length) {
      this.batch.growCells();
      ({ cellStart: this.cellStart, cellEnd: this.cellEnd, cellFlags: this.cellFlags } = this.batch);
    }
    const { text, p } = this;
    if (this.nextQuote !== -1 && this.nextQuote < p) this.nextQuote = text.indexOf('"', p);
    if (this.nextCr !== -1 && this.nextCr < p) this.nextCr = text.indexOf('\r', p);
    if (this.nextLf !== -1 && this.nextLf < p) this.nextLf = text.indexOf('\n', p);
    // The first line break at or after the cell's start.
    const nextBreak = firstOf(this.nextCr, this.nextLf);
    if (this.nextQuote === p) this.quotedCell(nextBreak);
    else this.plainCell(nextBreak);
  }

  private plainCell(nextBreak: number): void {
    const start = this.p;
    let stop: number;
    if (this.nextDelimiter !== -1 && this.nextDelimiter < start) this.nextDelimiter = this.text.indexOf(this.delimiter, start);
    const nextDelimiter = this.nextDelimiter;
    if (nextDelimiter !== -1 && (nextDelimiter < nextBreak || nextBreak === -1)) {
      stop = nextDelimiter;
      this.p = stop + this.dLength;
    } else if (nextBreak !== -1) {
      stop = this.endRecord(nextBreak);
    } else {
      if (!this.final) throw MORE;
      this.end = this.next = stop = this.n;
    }
    // A quote after the first character is kept as text.
    if (this.nextQuote !== -1 && this.nextQuote < stop) this.flags |= IRREGULAR;
    this.addCell(start, stop, 0);
  }

  private quotedCell(nextBreak: number): void {
    const start = this.p + 1;
    this.cellBits = CELL_QUOTED;
    const fieldEnd = this.closeQuoted(this.p);
    // Line breaks inside the quotes (kept in the cell as they are) move the next record's line on.
    if (nextBreak !== -1 && nextBreak < fieldEnd) this.breaks += countBreaks(this.text, start, fieldEnd);
    this.addCell(start, this.stop, this.cellBits);
  }

  /**
   * Finds the quote that closes the cell opened by the quote at `open` (its position goes to `stop`) and
   * what follows it: the cursor moves past the delimiter, or the record ends. Returns where the cell's text
   * ends: before the delimiter or line break, after any white space.
   */
  private closeQuoted(open: number): number {
    const { text, n } = this;
    let q = open;
    for (;;) {
      q = text.indexOf('"', q + 1);
      if (q === -1) {
        if (!this.final) throw MORE;
        throw unterminatedQuote(this.state.file, this.line + this.breaks, this.state.unterminatedDetail);
      }
      this.stop = q;
      if (q === n - 1) {
        // A closing quote at the very end of the input ends the cell and the record.
        if (!this.final) throw MORE;
        this.end = this.next = n;
        return n;
      }
      const c = text.charCodeAt(q + 1);
      if (c === QUOTE) {
        this.cellBits |= CELL_HAS_QUOTES;
        q++;
        continue;
      }
      if (c === this.d0 && (this.dLength === 1 || text.startsWith(this.delimiter, q + 1))) {
        this.p = q + 1 + this.dLength;
        return q + 1;
      }
      if (c === LF || c === CR) return this.endRecord(q + 1);
      const at = this.afterStrayQuote(q);
      if (at === INVALID) {
        // papaparse keeps the quote as text and looks for the next one.
        this.flags |= IRREGULAR | INVALID_QUOTES;
        this.cellBits |= CELL_HAS_QUOTES;
        continue;
      }
      this.flags |= IRREGULAR;
      if (text.startsWith(this.delimiter, at)) this.p = at + this.dLength;
      else this.endRecord(at);
      return at;
    }
  }

  /** Where the cell closed by the quote at `q`, followed by something else than a delimiter or line break, ends. */
  private afterStrayQuote(q: number): number {
    const { text } = this;
    // Searched from the quote on, so that each search covers new ground: linear time on any input.
    if (this.nextDelimiter !== -1 && this.nextDelimiter <= q) this.nextDelimiter = text.indexOf(this.delimiter, q + 1);
    if (this.nextCr !== -1 && this.nextCr <= q) this.nextCr = text.indexOf('\r', q + 1);
    if (this.nextLf !== -1 && this.nextLf <= q) this.nextLf = text.indexOf('\n', q + 1);
    const at = afterQuote(this.data, text, q, this.delimiter, this.nextDelimiter, firstOf(this.nextCr, this.nextLf), this.final);
    if (at === INCOMPLETE) throw MORE;
    return at;
  }

  /** Ends the record at the line break at `at`. */
  private endRecord(at: number): number {
    const length = breakLength(this.text, at, this.final);
    if (length === INCOMPLETE) throw MORE;
    this.end = at;
    this.next = at + length;
    return at;
  }

  private addCell(start: number, stop: number, bits: number): void {
    const cells = this.cells;
    this.cellStart[cells] = start;
    this.cellEnd[cells] = stop;
    this.cellFlags[cells] = bits;
    this.cells = cells + 1;
    if (stop > start && FORMULA_FIRST[this.text.charCodeAt(start)] === 1) this.flags |= FORMULA_START;
  }

  finish(): { batch: RecordBatch; consumed: number; line: number } {
    const { batch, records, cells, state, pos } = this;
    batch.count = records;
    batch.cells = cells;
    if (records > 0) {
      state.recordsPerByte = Math.max(records / Math.max(pos, 1), 1 / 4096);
      state.cellsPerRecord = cells / records;
    }
    return { batch, consumed: pos, line: this.line };
  }
}
