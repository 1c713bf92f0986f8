import { detectDateFormat, isMissing, parseDate } from '../columns/parse/index.js';
import type { ColumnInfo } from '../columns/infer.js';
import type { RoleAssignment } from '../columns/roles.js';
import { cellOf, ColumnTable, columnCell, columnOf, rowCount, type TableColumn } from '../column-table.js';
import type { Table } from '../table.js';
import { headerIndex } from './join.js';
import { normalizeKey } from './keys.js';

/** One customer: a key, and one cell per column (the most frequent value when the key repeats). */
export interface CustomerRecord {
  key: string;
  /** Key as written in the file, for display. */
  label: string;
  /** Line of the customer's first row. */
  line: number;
  /** Rows the customer had in the file (more than 1 for one-row-per-order exports). */
  rowCount: number;
  cells: string[];
  /** Row indexes in the table, in file order. */
  rows: number[];
}

function modeOf(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const v of values) {
    if (isMissing(v)) continue;
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    // Strictly greater: ties go to the value seen first.
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * The key of the customer on row `index` (0-based) whose key cell is `raw`: a row without one is its own
 * customer. `normalize` is normalizeKey, or the same remembered for key cells that repeat.
 */
export function customerKey(raw: string, index: number, normalize: (raw: string) => string = normalizeKey): string {
  return isMissing(raw) ? `#row${index + 1}` : normalize(raw);
}

/** What the customers of one ColumnTable share: the table, and the column they are keyed by. */
interface KeyedTable {
  table: ColumnTable;
  keys: TableColumn | undefined;
}

/**
 * A customer of a ColumnTable: its row, its key, and the rest read from the table when asked (derive reads
 * the cells by column, see readAttributeColumns), so that a million customers cost no million row arrays,
 * labels or lists of one row.
 */
class TableCustomer implements CustomerRecord {
  #rows: number | number[];
  #cells: string[] | undefined;

  constructor(
    private readonly source: KeyedTable,
    readonly key: string,
    row: number,
  ) {
    this.#rows = row;
  }

  get rowCount(): number {
    return typeof this.#rows === 'number' ? 1 : this.#rows.length;
  }

  get rows(): number[] {
    return typeof this.#rows === 'number' ? [this.#rows] : this.#rows;
  }

  get line(): number {
    const first = this.#first();
    return this.source.table.lines[first] ?? first + 2;
  }

  get label(): string {
    return labelOf(this.source.keys, this.#first(), this.line);
  }

  get cells(): string[] {
    this.#cells ??= this.source.table.row(this.#first());
    return this.#cells;
  }

  set cells(cells: string[]) {
    this.#cells = cells;
  }

  /** The table row holding the customer's cells, while they are its one row's. */
  get tableRow(): number | undefined {
    return typeof this.#rows === 'number' && this.#cells === undefined ? this.#rows : undefined;
  }

  addRow(row: number): void {
    if (typeof this.#rows === 'number') this.#rows = [this.#rows, row];
    else this.#rows.push(row);
  }

  #first(): number {
    return typeof this.#rows === 'number' ? this.#rows : (this.#rows[0] as number);
  }
}

/** A customer's label: its key as written, else its line. */
function labelOf(keys: TableColumn | undefined, row: number, line: number): string {
  return (keys === undefined ? '' : (columnCell(keys, row) ?? '')).trim() || `row ${line}`;
}

/** The customer of row `index` (of a ColumnTable when `source` is given). */
function customerRecord(table: Table, keys: TableColumn | undefined, source: KeyedTable | undefined, index: number, key: string): CustomerRecord {
  if (source) return new TableCustomer(source, key, index);
  const line = table.lines[index] ?? index + 2;
  return { key, label: labelOf(keys, index, line), line, rowCount: 1, cells: table.rows[index] as string[], rows: [index] };
}

function addRow(customer: CustomerRecord, index: number): void {
  if (customer instanceof TableCustomer) customer.addRow(index);
  else {
    customer.rowCount++;
    customer.rows.push(index);
  }
}

/**
 * The row of `table` (the one the customer was grouped from) whose cells are the customer's: its one row,
 * unless its cells were combined from several (or set); undefined then.
 */
export function tableRowOf(customer: CustomerRecord, table: Table): number | undefined {
  if (customer instanceof TableCustomer) return customer.tableRow;
  const row = customer.rows[0] as number;
  return customer.rowCount === 1 && !(table instanceof ColumnTable) && customer.cells === table.rows[row] ? row : undefined;
}

/**
 * Groups customer rows by key. A file that repeats its key (one row per order) becomes one customer per
 * key whose attributes are their most frequent values; rows without a key are kept as their own customer.
 */
export function groupCustomers(table: Table, keyColumn: number | undefined): { customers: CustomerRecord[]; duplicateKeys: number } {
  const byKey = new Map<string, CustomerRecord>();
  const customers: CustomerRecord[] = [];
  let duplicateKeys = 0;
  const keys = keyColumn === undefined ? undefined : columnOf(table, keyColumn);
  const rows = rowCount(table);
  const source = table instanceof ColumnTable ? { table, keys } : undefined;
  for (let index = 0; index < rows; index++) {
    const raw = keys === undefined ? '' : (columnCell(keys, index) ?? '');
    const key = keys === undefined ? `#row${index + 1}` : customerKey(raw, index);
    const seen = byKey.get(key);
    if (seen) {
      if (seen.rowCount === 1) duplicateKeys++;
      addRow(seen, index);
      continue;
    }
    const record = customerRecord(table, keys, source, index, key);
    byKey.set(key, record);
    customers.push(record);
  }
  for (const c of customers) {
    if (c.rowCount === 1) continue;
    const width = table.header.length;
    c.cells = Array.from({ length: width }, (_, col) => modeOf(c.rows.map((r) => cellOf(table, r, col) ?? '')));
  }
  return { customers, duplicateKeys };
}

/**
 * The key customers are grouped by: the join column when deals were joined, else `--key`'s column, else the
 * file's own id or name (roles the values confirmed: a handful of values is no key, see confirmRoles).
 * Undefined, each row its own record, when no column is a key or `--key none` says so.
 */
export function customerKeyColumn(
  roles: RoleAssignment,
  join?: { customerColumn: number } | null,
  key?: { customer: string; none?: boolean } | null,
  table?: Pick<Table, 'name' | 'header'>,
): number | undefined {
  if (join) return join.customerColumn;
  if (key?.none) return undefined;
  if (key && table) return headerIndex(table, key.customer, 'key');
  return roles.byRole.get('id') ?? roles.byRole.get('account_id') ?? roles.byRole.get('name') ?? roles.byRole.get('account_name');
}

/** A column's cells, one per row ('' past the end of a short row). */
function cellsOf(column: TableColumn, rows: number): string[] {
  const cells = new Array<string>(rows);
  for (let r = 0; r < rows; r++) cells[r] = columnCell(column, r) ?? '';
  return cells;
}

/**
 * When each customer (by key, as groupCustomers keys them) started: the earliest readable date of the
 * customers' created-date column (a lead's first contact, an account's create date), for sales cycles of
 * deals that carry no create date of their own. Undefined when the customers have no such column.
 * `columns`: the customers' typed columns, when the caller has them (else the column's format is detected).
 */
export function customerStarts(
  table: Table,
  roles: RoleAssignment,
  keyColumn: number,
  columns?: readonly ColumnInfo[],
): { column: string; byKey: Map<string, number> } | undefined {
  const column = roles.byRole.get('created_date');
  if (column === undefined) return undefined;
  // A caller that typed the customers already knows the column's date format: the same reading everywhere.
  const dates = columnOf(table, column);
  const rows = rowCount(table);
  const format = columns ? columns[column]?.dateFormat : detectDateFormat(cellsOf(dates, rows), true);
  if (!format) return undefined;
  const byKey = new Map<string, number>();
  const keys = columnOf(table, keyColumn);
  for (let index = 0; index < rows; index++) {
    const raw = columnCell(dates, index);
    const at = raw === undefined || isMissing(raw) ? null : parseDate(raw, format.order);
    if (at === null) continue;
    const key = customerKey(columnCell(keys, index) ?? '', index);
    const seen = byKey.get(key);
    if (seen === undefined || at < seen) byKey.set(key, at);
  }
  return { column: table.header[column] as string, byKey };
}
