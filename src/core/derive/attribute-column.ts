import { readCell, type CellValue } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { ColumnTable, type TableColumn } from '../column-table.js';
import { unreadRow, type CustomerRecord } from '../profile/customers.js';
import type { Table } from '../table.js';
import { int32Of } from '../typed-arrays.js';

/** A customer's value in an attribute column: read with the column's type, null when missing, undefined when unreadable. */
export type AttributeValue = CellValue | null | undefined;

/**
 * An attribute column with each distinct cell read once: the distinct values in the order the customers
 * first hold them, and per customer which one it holds. A column repeats its values (industries, plans,
 * tech stacks, employee counts), so encoding, the leakage screen and the missing shares work per distinct
 * value and touch each customer once, through `ids`, rather than through a value per customer.
 */
export interface AttributeColumn {
  info: ColumnInfo;
  /** Per customer: the index of its value in `distinct`. */
  ids: Int32Array;
  /** Each distinct value, first held first. Two can be equal (" Email" and "Email" both read as "Email"). */
  distinct: readonly AttributeValue[];
  /** Customers holding each distinct value. */
  counts: Int32Array;
}

/** Interns keys to ids in the order met, counting each key's holders. */
class Ids<K> {
  readonly #byKey = new Map<K, number>();
  readonly keys: K[] = [];
  readonly #counts: number[] = [];

  id(key: K): number {
    const id = this.intern(key);
    this.#counts[id] = (this.#counts[id] as number) + 1;
    return id;
  }

  /** The key's id, not counting a holder. */
  intern(key: K): number {
    let id = this.#byKey.get(key);
    if (id === undefined) {
      this.#byKey.set(key, (id = this.keys.length));
      this.keys.push(key);
      this.#counts.push(0);
    }
    return id;
  }

  /** Counts one more holder of id. */
  hold(id: number): void {
    this.#counts[id] = (this.#counts[id] as number) + 1;
  }

  counts(): Int32Array {
    return int32Of(this.#counts);
  }
}

/**
 * Columns `indexes` of the customers, each distinct cell read once (a cell past the end of a short row is
 * missing), in one pass over the customers: at a million customers the pass is bound by fetching each
 * customer's cells from memory, so a pass per column cost several times one pass for a few.
 */
export function readAttributeColumns(
  infos: readonly ColumnInfo[],
  customers: readonly CustomerRecord[],
  indexes: readonly number[],
  source?: CustomerRows,
): AttributeColumn[] {
  const held = source ? indexes.map((index) => source.table.column(index)) : [];
  if (source && held.every((c) => c !== undefined)) {
    return indexes.map((index, k) => fromTableColumn(infos[index] as ColumnInfo, customers, source.rows, index, held[k] as TableColumn));
  }
  const cells = indexes.map(() => new Ids<string | undefined>());
  const ids = indexes.map(() => new Int32Array(customers.length));
  for (let r = 0; r < customers.length; r++) {
    const row = (customers[r] as CustomerRecord).cells;
    for (let k = 0; k < indexes.length; k++) (ids[k] as Int32Array)[r] = (cells[k] as Ids<string | undefined>).id(row[indexes[k] as number]);
  }
  return indexes.map((index, k) => {
    const info = infos[index] as ColumnInfo;
    const seen = cells[k] as Ids<string | undefined>;
    return { info, ids: ids[k] as Int32Array, distinct: seen.keys.map((raw) => readCell(info, raw)), counts: seen.counts() };
  });
}

/** The customers of a ColumnTable, with the table row each one's cells are (-1: cells of its own, several rows combined). */
export interface CustomerRows {
  table: ColumnTable;
  rows: Int32Array;
}

/** The CustomerRows of customers grouped from `table`, when it is a ColumnTable. */
export function customerRows(table: Table | undefined, customers: readonly CustomerRecord[]): CustomerRows | undefined {
  if (!(table instanceof ColumnTable)) return undefined;
  // A loop, not Int32Array.from with a callback: V8 runs that through the iterator, 0.2 s at a million.
  const rows = new Int32Array(customers.length);
  for (let i = 0; i < rows.length; i++) rows[i] = unreadRow(customers[i] as CustomerRecord) ?? -1;
  return { table, rows };
}

/**
 * An attribute column of a ColumnTable's customers: a customer whose cells are its one row's takes the
 * table's id for it (each distinct cell met once); the others (several rows combined) their own cells.
 */
function fromTableColumn(info: ColumnInfo, customers: readonly CustomerRecord[], rows: Int32Array, index: number, column: TableColumn): AttributeColumn {
  const seen = new Ids<string | undefined>();
  const ids = new Int32Array(customers.length);
  const { ids: tableIds, values } = column;
  const byTableId = tableIds === null ? undefined : new Int32Array(values.length).fill(-1);
  for (let r = 0; r < customers.length; r++) {
    const row = rows[r] as number;
    let id: number;
    if (row < 0) id = seen.intern((customers[r] as CustomerRecord).cells[index]);
    else if (tableIds === null || byTableId === undefined) id = seen.intern(values[row]);
    else {
      const t = tableIds[row] as number;
      id = byTableId[t] as number;
      if (id < 0) id = byTableId[t] = seen.intern(values[t]);
    }
    seen.hold(id);
    ids[r] = id;
  }
  return { info, ids, distinct: seen.keys.map((raw) => readCell(info, raw)), counts: seen.counts() };
}

/**
 * The column of values already read, one per customer: equal values (SameValueZero; lists by reference)
 * share an id. For tests and callers that hold values rather than cells.
 */
export function attributeColumn(info: ColumnInfo, values: readonly AttributeValue[]): AttributeColumn {
  const seen = new Ids<AttributeValue>();
  const ids = Int32Array.from(values, (v) => seen.id(v));
  return { info, ids, distinct: seen.keys, counts: seen.counts() };
}

/** Per customer, its value mapped through `of` (one call per distinct value), into `out`. */
export function perCustomer<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(
  column: AttributeColumn,
  out: T,
  of: (v: AttributeValue) => number,
): T {
  const { distinct } = column;
  const byId = new Float64Array(distinct.length);
  for (let d = 0; d < distinct.length; d++) byId[d] = of(distinct[d]);
  return gather(column.ids, byId, out);
}

/** Per customer, the entry of `byId` for its value's id, into `out`. */
export function gather<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(ids: Int32Array, byId: ArrayLike<number>, out: T): T {
  for (let r = 0; r < ids.length; r++) out[r] = byId[ids[r] as number] as number;
  return out;
}
