import type { Table } from './table.js';

/**
 * One column of a table: per row the index of its cell in `values` (`ids`), or, for a column of mostly
 * distinct cells (ids, e-mails, notes), the cells themselves (`ids` null, `values` one per row). A cell
 * past the end of a short row is undefined. With ids, `values` holds each distinct cell once.
 */
export interface TableColumn {
  ids: Uint16Array | Int32Array | null;
  values: readonly (string | undefined)[];
}

/** Row r's cell in a column. */
export function columnCell(column: TableColumn, r: number): string | undefined {
  return column.ids === null ? column.values[r] : column.values[column.ids[r] as number];
}

/** After this many rows, a column whose distinct cells are more than half its rows stops being coded. */
const TRIAL_ROWS = 4096;

/**
 * Builds one column a cell at a time: coded (Uint16 ids, widened past 65,536 values) until its cells prove
 * mostly distinct. A reader that already tells equal cells apart by their bytes passes its own id for the
 * cell (`seen`), and the look-up by text is then made once per such id rather than once per cell.
 */
class ColumnBuilder {
  #ids: Uint16Array | Int32Array | null = new Uint16Array(1024);
  #byValue = new Map<string | undefined, number>();
  #values: (string | undefined)[] = [];
  #rows = 0;
  /** Per id of the reader's, this column's id + 1 (0: not met yet). */
  #bySeen: Int32Array = new Int32Array(256);

  push(cell: string | undefined, seen = -1): void {
    const known = seen >= 0 && seen < this.#bySeen.length ? (this.#bySeen[seen] as number) - 1 : -1;
    const id = known >= 0 && this.#ids !== null ? known : this.#idOf(cell);
    if (id < 0) {
      this.#values.push(cell);
      this.#rows++;
      return;
    }
    let ids = this.#ids as Uint16Array | Int32Array;
    if (this.#rows === ids.length) ids = this.#ids = resized(ids, 2 * ids.length, ids instanceof Int32Array);
    ids[this.#rows++] = id;
    if (seen >= 0 && known < 0) {
      if (seen >= this.#bySeen.length) this.#bySeen = resized(this.#bySeen, 2 ** Math.ceil(Math.log2(seen + 1)), true) as Int32Array;
      this.#bySeen[seen] = id + 1;
    }
  }

  /** The cell's id, a new one when first met; -1 once the column holds its cells as they are (see #toPlain). */
  #idOf(cell: string | undefined): number {
    if (this.#ids === null) return -1;
    let id = this.#byValue.get(cell);
    if (id !== undefined) return id;
    id = this.#values.length;
    if (this.#rows >= TRIAL_ROWS && 2 * id > this.#rows) {
      this.#toPlain(this.#ids);
      return -1;
    }
    this.#byValue.set(cell, id);
    this.#values.push(cell);
    if (id === 65536) this.#ids = resized(this.#ids, this.#ids.length, true);
    return id;
  }

  #toPlain(ids: Uint16Array | Int32Array): void {
    const values = this.#values;
    const cells = new Array<string | undefined>(this.#rows);
    for (let r = 0; r < cells.length; r++) cells[r] = values[ids[r] as number];
    this.#values = cells;
    this.#ids = null;
    this.#byValue.clear();
    this.#bySeen = new Int32Array(0);
  }

  done(): TableColumn {
    const ids = this.#ids;
    this.#byValue.clear();
    this.#bySeen = new Int32Array(0);
    if (ids === null) return { ids: null, values: this.#values };
    // The ids grew by doubling: a copy to size only when that frees more than a quarter of them.
    const rows = this.#rows;
    return { ids: ids.length - rows > ids.length / 4 ? ids.slice(0, rows) : ids.subarray(0, rows), values: this.#values };
  }
}

function resized(ids: Uint16Array | Int32Array, size: number, wide: boolean): Uint16Array | Int32Array {
  const out = wide ? new Int32Array(size) : new Uint16Array(size);
  out.set(ids.subarray(0, Math.min(ids.length, size)));
  return out;
}

/**
 * A whole file held by column (see TableColumn): a million rows of forty columns take a few bytes a cell
 * rather than a pointer each in a row array. `rows` is there for every reader of a Table, built on first
 * use (the columns then go); the readers that a large file meets (derive) use column(), cell() and row().
 */
export class ColumnTable implements Table {
  #columns: TableColumn[] | undefined;
  #rows: string[][] | undefined;

  constructor(
    readonly name: string,
    readonly header: string[],
    columns: TableColumn[],
    /** Rows not as wide as the header, as read (extra cells kept). */
    private readonly ragged: ReadonlyMap<number, string[]>,
    readonly lines: number[],
    readonly sha256: string,
  ) {
    this.#columns = columns;
  }

  get rowCount(): number {
    return this.lines.length;
  }

  get rows(): string[][] {
    if (this.#rows === undefined) {
      const rows: string[][] = new Array<string[]>(this.rowCount);
      for (let r = 0; r < rows.length; r++) rows[r] = this.#build(r);
      this.#rows = rows;
      this.#columns = undefined;
    }
    return this.#rows;
  }

  /** Column c, or undefined once `rows` was built. */
  column(c: number): TableColumn | undefined {
    return this.#columns?.[c];
  }

  /** Row r's cells: the row of `rows` once built, else a new array. */
  row(r: number): string[] {
    return this.#rows === undefined ? this.#build(r) : (this.#rows[r] as string[]);
  }

  cell(r: number, c: number): string | undefined {
    const column = this.#columns?.[c];
    return column === undefined ? this.#rows?.[r]?.[c] : columnCell(column, r);
  }

  #build(r: number): string[] {
    const ragged = this.ragged.get(r);
    if (ragged) return [...ragged];
    const columns = this.#columns as TableColumn[];
    const row = new Array<string>(columns.length);
    for (let c = 0; c < columns.length; c++) row[c] = columnCell(columns[c] as TableColumn, r) as string;
    return row;
  }
}

/** Builds a ColumnTable a row at a time: cell() for each cell of a row as wide as the header, or ragged() for the whole of one that is not. */
export class ColumnTableBuilder {
  readonly #columns: ColumnBuilder[];
  readonly #ragged = new Map<number, string[]>();
  readonly lines: number[] = [];

  constructor(readonly width: number) {
    this.#columns = Array.from({ length: width }, () => new ColumnBuilder());
  }

  /**
   * The next cell, of column c: every column once per row, in order, then endRow(). `seen`: the reader's
   * id for cells of column c with these bytes (equal ids, equal texts), or -1.
   */
  cell(c: number, text: string, seen = -1): void {
    (this.#columns[c] as ColumnBuilder).push(text, seen);
  }

  endRow(line: number): void {
    this.lines.push(line);
  }

  /** A whole row not as wide as the header. */
  raggedRow(cells: string[], line: number): void {
    this.#ragged.set(this.lines.length, cells);
    for (let c = 0; c < this.width; c++) (this.#columns[c] as ColumnBuilder).push(cells[c]);
    this.endRow(line);
  }

  done(name: string, header: string[], sha256: string): ColumnTable {
    return new ColumnTable(
      name,
      header,
      this.#columns.map((c) => c.done()),
      this.#ragged,
      this.lines,
      sha256,
    );
  }
}

/** Rows of any table. */
export function rowCount(table: Table): number {
  return table instanceof ColumnTable ? table.rowCount : table.rows.length;
}

/** Cell c of row r of any table (undefined past the end of a short row). */
export function cellOf(table: Table, r: number, c: number): string | undefined {
  return table instanceof ColumnTable ? table.cell(r, c) : table.rows[r]?.[c];
}

/** Row r of any table (for a ColumnTable, a new array unless its rows were built). */
export function rowOf(table: Table, r: number): string[] {
  return table instanceof ColumnTable ? table.row(r) : (table.rows[r] as string[]);
}

/** The first `n` rows of any table. */
export function headRows(table: Table, n: number): string[][] {
  if (!(table instanceof ColumnTable)) return table.rows.length > n ? table.rows.slice(0, n) : table.rows;
  return Array.from({ length: Math.min(n, table.rowCount) }, (_, r) => table.row(r));
}

/** Column c of any table: a ColumnTable's own, else its cells one per row. */
export function columnOf(table: Table, c: number): TableColumn {
  const own = table instanceof ColumnTable ? table.column(c) : undefined;
  if (own) return own;
  return { ids: null, values: table.rows.map((row) => row[c]) };
}
