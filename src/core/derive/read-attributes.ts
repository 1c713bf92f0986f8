import type { ColumnInfo } from '../columns/infer.js';
import type { CustomerRecord } from '../profile/customers.js';
import type { Table } from '../table.js';
import { customerRows, readAttributeColumns, type AttributeColumn } from './attribute-column.js';
import { encodeColumn, type EncodedColumn } from './encode.js';
import type { LeakageScreen } from './leakage.js';
import { missingShareNotes } from './missing-shares.js';

/** Columns read in one pass over the customers (see readAttributeColumns): their ids are held until each is encoded. */
const COLUMNS_PER_PASS = 8;

/**
 * The attribute columns read a few at a time: each is read (each distinct cell once), encoded, screened
 * for leakage and checked for missing shares, then its values go, so that a million rows of forty columns
 * are never all held as values at once (only their typed-array encodings stay, for the engine).
 */
export function readAttributes(
  included: readonly number[],
  columns: readonly ColumnInfo[],
  customers: readonly CustomerRecord[],
  cohort: readonly boolean[],
  screen: LeakageScreen,
  cohortName: string,
  /** The customers' table, whose columns (a ColumnTable's) the customers' cells are read from. */
  table?: Table,
): { encoded: Map<number, EncodedColumn>; missingNotes: Map<number, string[]> } {
  const encoded = new Map<number, EncodedColumn>();
  const missingNotes = new Map<number, string[]>();
  const source = customerRows(table, customers);
  for (let from = 0; from < included.length; from += COLUMNS_PER_PASS) {
    const indexes = included.slice(from, from + COLUMNS_PER_PASS);
    const read: (AttributeColumn | undefined)[] = readAttributeColumns(columns, customers, indexes, source);
    indexes.forEach((index, k) => {
      const column = read[k] as AttributeColumn;
      const e = encodeColumn(index, column);
      encoded.set(index, e);
      screen.column(index, column, e);
      missingNotes.set(index, missingShareNotes([column], cohort, { cohortName }));
      read[k] = undefined; // its ids go before the next column is encoded
    });
  }
  return { encoded, missingNotes };
}
