import type { BlankLines } from './blank-lines.js';
import { CELL_HAS_QUOTES, CELL_QUOTED, RECORD_FLAGS, RecordBatch } from './record-batch.js';
import { countBreaks, unterminatedQuote } from './scan-errors.js';
import { whitespaceEnd } from './whitespace.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const { IRREGULAR, INVALID_QUOTES, FORMULA_START } = RECORD_FLAGS;
// First characters of a cell that may need the formula escape: = + - @ tab CR.
const FORMULA = new Uint8Array(256);
for (const c of [0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]) FORMULA[c] = 1;

/** What follows a quote that may close a quoted cell. */
const INCOMPLETE = -1;
const INVALID = -2;

/** Thrown inside a scan when the data ends before the record does; the scan then stops at that record. */
const MORE = Symbol('more data needed');

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

/**
 * The complete records of `data` (all of it when `final`), the bytes they take up, and the line after them.
 * Not final, the scan stops before a record whose end, or whose reading, depends on bytes still to come.
 * The search runs on the bytes read as latin1, one character per byte, where V8's indexOf is fast and
 * every position is a byte offset; the delimiters, quotes and line breaks it looks for are all ASCII
 * (a delimiter such as `§` is searched as its UTF-8 bytes).
 */
export function scanRecords(state: ScanState, data: Buffer, final: boolean, startLine: number): { batch: RecordBatch; consumed: number; line: number } {
  const text = data.toString('latin1');
  const n = text.length;
  const estimate = Math.ceil(n * state.recordsPerByte) + 8;
  const batch = new RecordBatch(data, estimate, Math.ceil(estimate * state.cellsPerRecord) + 64);
  const delimiter = state.delimiter;
  const d0 = delimiter.charCodeAt(0);
  const dLength = delimiter.length;
  let line = startLine;
  let pos = 0;
  let records = 0;
  let cells = 0;
  let cellStart = batch.cellStart;
  let cellEnd = batch.cellEnd;
  let cellFlags = batch.cellFlags;
  // The next delimiter, quote, CR and LF at or after the cursor, found again once passed. A file without
  // CR keeps nextCr at -1 and never searches for one again.
  let nextDelimiter = text.indexOf(delimiter);
  let nextQuote = text.indexOf('"');
  let nextCr = text.indexOf('\r');
  let nextLf = text.indexOf('\n');
  // The length of the line break at `at` (CRLF is one); a CR that ends the data may be the start of a CRLF.
  const breakLength = (at: number): number => {
    if (text.charCodeAt(at) !== CR) return 1;
    if (at + 1 < n) return text.charCodeAt(at + 1) === LF ? 2 : 1;
    if (!final) throw MORE;
    return 1;
  };
  try {
    while (pos < n) {
      const first = cells;
      let p = pos;
      let breaks = 0;
      let flags = 0;
      // Where the record's bytes end (before the line break) and the next record starts; -1 while open.
      let end = -1;
      let next = -1;
      while (next === -1) {
        if (cells === cellStart.length) {
          batch.growCells();
          ({ cellStart, cellEnd, cellFlags } = batch);
        }
        if (nextQuote !== -1 && nextQuote < p) nextQuote = text.indexOf('"', p);
        if (nextCr !== -1 && nextCr < p) nextCr = text.indexOf('\r', p);
        if (nextLf !== -1 && nextLf < p) nextLf = text.indexOf('\n', p);
        // The first line break at or after the cell's start.
        const nextBreak = firstOf(nextCr, nextLf);
        let start = p;
        let stop: number;
        let cell = 0;
        if (nextQuote === p) {
          cell = CELL_QUOTED;
          start = p + 1;
          let q = p;
          // Where the cell's text ends: before the delimiter or line break, after any white space.
          let fieldEnd: number;
          for (;;) {
            q = text.indexOf('"', q + 1);
            if (q === -1) {
              if (!final) throw MORE;
              throw unterminatedQuote(state.file, line + breaks, state.unterminatedDetail);
            }
            if (q === n - 1) {
              // A closing quote at the very end of the input ends the cell and the record.
              if (!final) throw MORE;
              end = next = fieldEnd = n;
              break;
            }
            const c = text.charCodeAt(q + 1);
            if (c === QUOTE) {
              cell |= CELL_HAS_QUOTES;
              q++;
              continue;
            }
            if (c === d0 && (dLength === 1 || text.startsWith(delimiter, q + 1))) {
              fieldEnd = q + 1;
              p = fieldEnd + dLength;
              break;
            }
            if (c === LF || c === CR) {
              end = fieldEnd = q + 1;
              next = end + breakLength(end);
              break;
            }
            // Searched from the quote on, so that each search covers new ground: linear time on any input.
            if (nextDelimiter !== -1 && nextDelimiter <= q) nextDelimiter = text.indexOf(delimiter, q + 1);
            if (nextCr !== -1 && nextCr <= q) nextCr = text.indexOf('\r', q + 1);
            if (nextLf !== -1 && nextLf <= q) nextLf = text.indexOf('\n', q + 1);
            const at = afterQuote(data, text, q, delimiter, nextDelimiter, firstOf(nextCr, nextLf), final);
            if (at === INCOMPLETE) throw MORE;
            if (at === INVALID) {
              // papaparse keeps the quote as text and looks for the next one.
              flags |= IRREGULAR | INVALID_QUOTES;
              cell |= CELL_HAS_QUOTES;
              continue;
            }
            flags |= IRREGULAR;
            fieldEnd = at;
            if (text.startsWith(delimiter, at)) p = at + dLength;
            else {
              end = at;
              next = at + breakLength(at);
            }
            break;
          }
          stop = q;
          // Line breaks inside the quotes (kept in the cell as they are) move the next record's line on.
          if (nextBreak !== -1 && nextBreak < fieldEnd) breaks += countBreaks(text, start, fieldEnd);
        } else {
          if (nextDelimiter !== -1 && nextDelimiter < p) nextDelimiter = text.indexOf(delimiter, p);
          if (nextDelimiter !== -1 && (nextDelimiter < nextBreak || nextBreak === -1)) {
            stop = nextDelimiter;
            p = stop + dLength;
          } else if (nextBreak !== -1) {
            end = stop = nextBreak;
            next = end + breakLength(end);
          } else {
            if (!final) throw MORE;
            end = next = stop = n;
          }
          // A quote after the first character is kept as text.
          if (nextQuote !== -1 && nextQuote < stop) flags |= IRREGULAR;
        }
        cellStart[cells] = start;
        cellEnd[cells] = stop;
        cellFlags[cells] = cell;
        cells++;
        if (stop > start && FORMULA[text.charCodeAt(start)] === 1) flags |= FORMULA_START;
      }
      if (next > end) breaks++;
      if (cells - first === 1 && whitespaceEnd(data, cellStart[first] as number, cellEnd[first] as number) === cellEnd[first]) {
        // A blank line (or white space only) is no row; papaparse's reader skips it too.
        cells = first;
        state.blankLines.blank(line);
      } else {
        state.blankLines.row();
        if (records + 1 >= batch.recordStart.length) batch.growRecords();
        batch.recordStart[records] = pos;
        batch.recordEnd[records] = end;
        batch.firstCell[records] = first;
        batch.line[records] = line;
        batch.flags[records] = flags;
        records++;
        batch.firstCell[records] = cells;
      }
      line += breaks;
      pos = next;
    }
  } catch (error) {
    if (error !== MORE) throw error;
  }
  batch.count = records;
  batch.cells = cells;
  if (records > 0) {
    state.recordsPerByte = Math.max(records / Math.max(pos, 1), 1 / 4096);
    state.cellsPerRecord = cells / records;
  }
  return { batch, consumed: pos, line };
}

/**
 * papaparse's rule for a quote followed by neither the delimiter nor a line break: it closes the cell
 * when only white space stands between it and the next delimiter (or line break), which is dropped.
 * `delimiter` is the scan's latin1 delimiter; `nextDelimiter` and `lineBreak` are the first after the quote
 * (-1: none in the data).
 * Returns where that delimiter or line break starts, INVALID (the quote is text), or INCOMPLETE.
 */
function afterQuote(data: Buffer, text: string, q: number, delimiter: string, nextDelimiter: number, lineBreak: number, final: boolean): number {
  if (lineBreak === -1 && !final) return INCOMPLETE;
  const from = q + 1;
  const upTo = lineBreak === -1 ? nextDelimiter : Math.min(nextDelimiter, lineBreak);
  const spaces = upTo > from && whitespaceEnd(data, from, upTo) === upTo ? upTo - from : 0;
  if (text.startsWith(delimiter, from + spaces)) return from + spaces;
  if (lineBreak > from && whitespaceEnd(data, from, lineBreak) === lineBreak) return lineBreak;
  return INVALID;
}

/** The earlier of two positions, where -1 means none. */
function firstOf(a: number, b: number): number {
  return a === -1 ? b : b === -1 || a < b ? a : b;
}
