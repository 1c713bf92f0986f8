import { readCell, type CellValue } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { columnOf } from '../column-table.js';
import { tableRowOf, type CustomerRecord } from '../profile/customers.js';
import type { Table } from '../table.js';
import { int32Of, mapInto } from '../typed-arrays.js';

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
    this.hold(id);
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

/** Each customer's table row, when its cells are that row's (-1: several rows combined into cells of its own). */
export interface CustomerRows {
  table: Table;
  rows: Int32Array;
}

/** The CustomerRows of customers grouped from `table` (see tableRowOf). */
export function customerRows(table: Table, customers: readonly CustomerRecord[]): CustomerRows {
  return { table, rows: mapInto(new Int32Array(customers.length), customers, (c) => tableRowOf(c, table) ?? -1) };
}

/**
 * Column `index` of the customers, each distinct cell read once (a cell past the end of a short row is
 * missing). A customer whose cells are its one row's is read from the table's column: a ColumnTable's ids
 * are mapped once per distinct cell, so a million customers cost no look-up by text each; the others (several
 * rows combined) from their own cells.
 */
export function readAttributeColumn(info: ColumnInfo, customers: readonly CustomerRecord[], source: CustomerRows, index: number): AttributeColumn {
  const seen = new Ids<string | undefined>();
  const ids = new Int32Array(customers.length);
  const { ids: tableIds, values } = columnOf(source.table, index);
  const byTableId = tableIds === null ? undefined : new Int32Array(values.length).fill(-1);
  for (let r = 0; r < customers.length; r++) {
    const row = source.rows[r] as number;
    let id: number;
    if (row < 0) id = seen.intern((customers[r] as CustomerRecord).cells[index]);
    else if (tableIds === null) id = seen.intern(values[row]);
    else {
      const t = tableIds[row] as number;
      const known = byTableId as Int32Array;
      id = known[t] as number;
      if (id < 0) id = known[t] = seen.intern(values[t]);
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
  const ids = mapInto(new Int32Array(values.length), values, (v) => seen.id(v));
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
