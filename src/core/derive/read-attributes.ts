import type { ColumnInfo } from '../columns/infer.js';
import type { CustomerRecord } from '../profile/customers.js';
import type { Table } from '../table.js';
import { customerRows, readAttributeColumn } from './attribute-column.js';
import { encodeColumn, type EncodedColumn } from './encode.js';
import type { LeakageScreen } from './leakage.js';
import { missingShareNotes } from './missing-shares.js';

/**
 * The attribute columns read one at a time: each is read (each distinct cell once), encoded, screened for
 * leakage and checked for missing shares, then its values go, so that a million rows of forty columns are
 * never all held as values at once (only their typed-array encodings stay, for the engine).
 */
export function readAttributes(
  included: readonly number[],
  columns: readonly ColumnInfo[],
  customers: readonly CustomerRecord[],
  cohort: readonly boolean[],
  screen: LeakageScreen,
  cohortName: string,
  /** The table the customers were grouped from. */
  table: Table,
): { encoded: Map<number, EncodedColumn>; missingNotes: Map<number, string[]> } {
  const encoded = new Map<number, EncodedColumn>();
  const missingNotes = new Map<number, string[]>();
  const source = customerRows(table, customers);
  for (const index of included) {
    const column = readAttributeColumn(columns[index] as ColumnInfo, customers, source, index);
    const e = encodeColumn(index, column);
    encoded.set(index, e);
    screen.column(index, column, e);
    missingNotes.set(index, missingShareNotes([column], cohort, { cohortName }));
  }
  return { encoded, missingNotes };
}
