import { OptionError } from '../../errors.js';
import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { findHeader, guessRole } from '../columns/roles.js';
import type { DealStats } from '../profile/deal-types.js';
import type { CustomerRecord } from '../profile/customers.js';
import { columnCell, columnOf } from '../column-table.js';
import type { Table } from '../table.js';
import { parseOutcomeSpec } from './outcome-spec.js';
import { noColumn } from '../columns/no-column.js';

/**
 * What "best" means for this run: a value to rank by, or an outcome to contrast. `known` is false for
 * customers whose value or outcome is missing: they are neither best nor rest.
 */
export type Measure =
  | { kind: 'value'; label: string; column: number | null; values: number[]; known: boolean[] }
  | { kind: 'outcome'; label: string; column: number | null; positive: boolean[]; known: boolean[] };

const NUMERIC = new Set(['number', 'money']);

/** A value column summed over each customer's rows; null when none of its rows holds a number. */
function sumColumn(customers: readonly CustomerRecord[], table: Table, column: ColumnInfo): { values: number[]; known: boolean[] } {
  const cells = columnOf(table, column.index);
  const sums = customers.map((c) => {
    let sum: number | null = null;
    for (const r of c.rows) {
      const v = readCell(column, columnCell(cells, r));
      if (typeof v === 'number') sum = (sum ?? 0) + v;
    }
    return sum;
  });
  return { values: sums.map((v) => v ?? 0), known: sums.map((v) => v !== null) };
}

function valueMeasure(label: string, column: ColumnInfo, customers: readonly CustomerRecord[], table: Table): Measure {
  if (!NUMERIC.has(column.type)) {
    throw new OptionError('value', `${table.name}: ${column.header} holds no numbers to rank customers by (it reads as ${column.type})`, {
      hint: 'pass ⟨value⟩ with a number or money column, or ⟨outcome⟩ for a won/converted column',
    });
  }
  return { kind: 'value', label, column: column.index, ...sumColumn(customers, table, column) };
}

function columnIndex(table: Table, name: string, option: string): number {
  const index = findHeader(table.header, name);
  if (index < 0) throw noColumn(option, name, table.name, table.header);
  return index;
}

/**
 * Decides what "best" means: `--outcome`, then won deal value (or having a won deal, when deals carry no
 * amount), then `--value`, then the one lifetime-value column the file has. Never `Annual Revenue`.
 */
export function chooseMeasure(input: {
  customers: readonly CustomerRecord[];
  table: Table;
  columns: readonly ColumnInfo[];
  /** `windowed`: only deals closed in a --since/--until window were joined. */
  deals?: { byKey: Map<string, DealStats>; hasAmount: boolean; windowed?: boolean };
  value?: string | undefined;
  outcome?: string | undefined;
}): Measure {
  const { customers, table, columns } = input;
  if (input.outcome) {
    const { column, label, read: readCell } = parseOutcomeSpec(table, input.outcome);
    // A customer is positive when any of its rows is, known when any reads as yes or no.
    const positive = new Array<boolean>(customers.length).fill(false);
    const known = new Array<boolean>(customers.length).fill(false);
    const cells = columnOf(table, column);
    customers.forEach((c, i) => {
      for (const r of c.rows) {
        const p = readCell(columnCell(cells, r));
        if (typeof p !== 'boolean') continue;
        known[i] = true;
        if (p) positive[i] = true;
      }
    });
    return { kind: 'outcome', label, column, positive, known };
  }
  if (input.value) {
    const column = columnIndex(table, input.value, 'value');
    return valueMeasure(table.header[column] as string, columns[column] as ColumnInfo, customers, table);
  }
  if (input.deals) {
    // A customer without deals has won nothing: known, and worth 0. In a window, a customer with no deal
    // closed in it is unknown instead: its worth in that window was never put to the test, and counting it
    // as 0 would fill the rest with customers who simply did not buy then, diluting every contrast.
    const stats = customers.map((c) => input.deals?.byKey.get(c.key));
    const known = stats.map((s) => !input.deals?.windowed || s !== undefined);
    if (input.deals.hasAmount) return { kind: 'value', label: 'won value', column: null, values: stats.map((s) => s?.wonValue ?? 0), known };
    return { kind: 'outcome', label: 'has a won deal', column: null, positive: stats.map((s) => (s?.won ?? 0) > 0), known };
  }
  const candidates = columns.filter((c) => guessRole(c.header)?.role === 'lifetime_value' || c.role === 'lifetime_value');
  const usable = candidates.filter((c) => NUMERIC.has(c.type));
  if (usable.length === 1) {
    const column = usable[0] as ColumnInfo;
    return valueMeasure(column.header, column, customers, table);
  }
  const numeric = columns.filter((c) => NUMERIC.has(c.type) && c.role !== 'annual_revenue' && c.role !== 'employees');
  const listed = (usable.length > 1 ? usable : numeric).map((c) => JSON.stringify(c.header)).join(', ') || 'none';
  throw new OptionError(
    'value',
    usable.length > 1
      ? `${table.name} has several value columns; say which one measures a customer's worth`
      : `${table.name} has no lifetime value, total spend, ARR, MRR or profit column to rank customers by`,
    { hint: `pass ⟨value⟩ <column> (candidates: ${listed}), ⟨outcome⟩ <column>, or ⟨deals⟩ <deals.csv>` },
  );
}
