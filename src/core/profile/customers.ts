import { isMissing } from '../columns/parse/index.js';
import type { RoleAssignment } from '../columns/roles.js';
import type { Table } from '../table.js';
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
 * Groups customer rows by key. A file that repeats its key (one row per order) becomes one customer per
 * key whose attributes are their most frequent values; rows without a key are kept as their own customer.
 */
export function groupCustomers(table: Table, keyColumn: number | undefined): { customers: CustomerRecord[]; duplicateKeys: number } {
  const byKey = new Map<string, CustomerRecord>();
  const customers: CustomerRecord[] = [];
  let duplicateKeys = 0;
  table.rows.forEach((row, index) => {
    const raw = keyColumn === undefined ? '' : (row[keyColumn] ?? '');
    const key = keyColumn === undefined || isMissing(raw) ? `#row${index + 1}` : normalizeKey(raw);
    const seen = byKey.get(key);
    if (seen) {
      if (seen.rowCount === 1) duplicateKeys++;
      seen.rowCount++;
      seen.rows.push(index);
      return;
    }
    const record: CustomerRecord = {
      key,
      label: raw.trim() || `row ${table.lines[index] ?? index + 2}`,
      line: table.lines[index] ?? index + 2,
      rowCount: 1,
      cells: row,
      rows: [index],
    };
    byKey.set(key, record);
    customers.push(record);
  });
  for (const c of customers) {
    if (c.rowCount === 1) continue;
    const width = table.header.length;
    c.cells = Array.from({ length: width }, (_, col) => modeOf(c.rows.map((r) => table.rows[r]?.[col] ?? '')));
  }
  return { customers, duplicateKeys };
}

/** The key customers are grouped by: the join column when deals were joined, else the file's own id or name. */
export function customerKeyColumn(roles: RoleAssignment, join?: { customerColumn: number } | null): number | undefined {
  return join?.customerColumn ?? roles.byRole.get('id') ?? roles.byRole.get('account_id') ?? roles.byRole.get('name') ?? roles.byRole.get('account_name');
}
