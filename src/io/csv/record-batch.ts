import type { CellInterner } from './cell-interner.js';

/** Record flags set by the scanner. */
export const RECORD_FLAGS = {
  /** Not as an RFC 4180 writer would write it (a stray quote, spaces after a closing quote): re-written
   *  from its cells rather than passed through. (A CR or LF outside quotes always ends the record.) */
  IRREGULAR: 1,
  /** A quote inside a quoted cell that is not doubled, taken as text (papaparse's InvalidQuotes). */
  INVALID_QUOTES: 2,
  /** Some cell starts with = + - @ tab or CR, so it may need the formula escape. */
  FORMULA_START: 4,
} as const;

/** Cell flags: quoted, and quoted with `""` (or a stray quote) inside. */
export const CELL_QUOTED = 1;
export const CELL_HAS_QUOTES = 2;

const DOUBLED = /""/g;

// Buffer's own UTF-8 decoder, without toString's argument checks (it runs once per decoded cell).
const utf8Slice =
  (Buffer.prototype as unknown as { utf8Slice?: (this: Buffer, start: number, end: number) => string }).utf8Slice ??
  function (this: Buffer, start: number, end: number): string {
    return this.toString('utf8', start, end);
  };

/**
 * The records one scan found in a piece of UTF-8: where each record and each of its cells lie in `bytes`,
 * so that a cell is decoded only when asked for and a record's bytes can be written through as they came.
 * Records `start` to `count - 1` are the data rows (a batch may begin with the header).
 */
export class RecordBatch {
  start = 0;
  count = 0;
  /** Byte range of each record, without its line break (LF, CRLF or CR: the output's own replaces it). */
  recordStart: Int32Array;
  recordEnd: Int32Array;
  /** Index of the record's first cell in the cell arrays; one more entry closes the last record. */
  firstCell: Int32Array;
  /** 1-based physical line on which each record starts. */
  line: Float64Array;
  flags: Uint8Array;
  cells = 0;
  /** Byte range of each cell's value: inside the quotes for a quoted cell. */
  cellStart: Int32Array;
  cellEnd: Int32Array;
  cellFlags: Uint8Array;

  constructor(
    readonly bytes: Buffer,
    recordCapacity = 256,
    cellCapacity = 4096,
  ) {
    this.recordStart = new Int32Array(recordCapacity);
    this.recordEnd = new Int32Array(recordCapacity);
    this.firstCell = new Int32Array(recordCapacity + 1);
    this.line = new Float64Array(recordCapacity);
    this.flags = new Uint8Array(recordCapacity);
    this.cellStart = new Int32Array(cellCapacity);
    this.cellEnd = new Int32Array(cellCapacity);
    this.cellFlags = new Uint8Array(cellCapacity);
  }

  /** Number of cells of record r. */
  size(r: number): number {
    return (this.firstCell[r + 1] as number) - (this.firstCell[r] as number);
  }

  /** Cell c of record r as papaparse reads it; undefined past the end of a short row. */
  cell(r: number, c: number): string | undefined {
    if (c >= this.size(r)) return undefined;
    return this.cellAt((this.firstCell[r] as number) + c);
  }

  /** Every cell of record r; with `columns`, only those (the others left undefined), for a consumer that needs few. */
  row(r: number, columns?: readonly number[]): string[] {
    const first = this.firstCell[r] as number;
    const last = this.firstCell[r + 1] as number;
    if (columns) {
      const row: string[] = [];
      for (const c of columns) if (first + c < last) row[c] = this.cellAt(first + c);
      return row;
    }
    const out = new Array<string>(last - first);
    for (let i = first; i < last; i++) out[i - first] = this.cellAt(i);
    return out;
  }

  /**
   * row(r), its cells shared with the equal cells of earlier rows (see CellInterner): for whole-file tables,
   * and with `columns` (only those, the others left undefined) for a stream that keeps some of its rows.
   */
  sharedRow(r: number, interner: CellInterner, columns?: readonly number[]): string[] {
    const first = this.firstCell[r] as number;
    const last = this.firstCell[r + 1] as number;
    if (columns) {
      const row: string[] = [];
      for (const c of columns) if (first + c < last) row[c] = this.#shared(first + c, c, interner);
      return row;
    }
    const out = new Array<string>(last - first);
    for (let c = 0; c < out.length; c++) out[c] = this.#shared(first + c, c, interner);
    return out;
  }

  /** Cell c of record r (which has one), shared as sharedRow shares it. */
  sharedCell(r: number, c: number, interner: CellInterner): string {
    return this.#shared((this.firstCell[r] as number) + c, c, interner);
  }

  #shared(i: number, column: number, interner: CellInterner): string {
    let text = interner.lookup(column, this.bytes, this.cellStart[i] as number, this.cellEnd[i] as number, this.cellFlags[i] as number);
    if (text === undefined) interner.remember((text = this.cellAt(i)));
    return text;
  }

  /** The cell with index i in the cell arrays. */
  cellAt(i: number): string {
    const text = utf8Slice.call(this.bytes, this.cellStart[i] as number, this.cellEnd[i] as number);
    return (this.cellFlags[i] as number) & CELL_HAS_QUOTES ? text.replace(DOUBLED, '"') : text;
  }

  /** Makes room for one more record (and the cell index that closes it). */
  growRecords(): void {
    const size = this.recordStart.length * 2;
    this.recordStart = grow(this.recordStart, new Int32Array(size));
    this.recordEnd = grow(this.recordEnd, new Int32Array(size));
    this.firstCell = grow(this.firstCell, new Int32Array(size + 1));
    this.line = grow(this.line, new Float64Array(size));
    this.flags = grow(this.flags, new Uint8Array(size));
  }

  /** Makes room for more cells. */
  growCells(): void {
    const size = this.cellStart.length * 2;
    this.cellStart = grow(this.cellStart, new Int32Array(size));
    this.cellEnd = grow(this.cellEnd, new Int32Array(size));
    this.cellFlags = grow(this.cellFlags, new Uint8Array(size));
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
