import { UsageError } from '../../errors.js';
import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { parseBoolean } from '../columns/parse/index.js';
import { findHeader, guessRole } from '../columns/roles.js';
import type { DealStats } from '../profile/deals.js';
import type { CustomerRecord } from '../profile/customers.js';
import { classifyStage } from '../profile/stage.js';
import type { Table } from '../table.js';

/** What "best" means for this run: a value to rank by, or an outcome to contrast. */
export type Measure =
  | { kind: 'value'; label: string; column: number | null; values: number[] }
  | { kind: 'outcome'; label: string; column: number | null; positive: boolean[] };

const NUMERIC = new Set(['number', 'money']);

function sumColumn(customers: readonly CustomerRecord[], table: Table, column: ColumnInfo): number[] {
  return customers.map((c) =>
    c.rows.reduce((sum, r) => {
      const v = readCell(column, table.rows[r]?.[column.index]);
      return sum + (typeof v === 'number' ? v : 0);
    }, 0),
  );
}

function isPositive(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const bool = parseBoolean(raw);
  if (bool !== null) return bool;
  const t = raw.trim().toLowerCase();
  return classifyStage(raw).outcome === 'won' || t === 'converted' || t === 'customer';
}

function columnIndex(table: Table, name: string, flag: string): number {
  const index = findHeader(table.header, name);
  if (index < 0) {
    throw new UsageError(`${flag}: no column "${name}" in ${table.name}`, { hint: `columns: ${table.header.map((h) => JSON.stringify(h)).join(', ')}` });
  }
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
  deals?: { byKey: Map<string, DealStats>; hasAmount: boolean };
  value?: string | undefined;
  outcome?: string | undefined;
}): Measure {
  const { customers, table, columns } = input;
  if (input.outcome) {
    const column = columnIndex(table, input.outcome, '--outcome');
    const positive = customers.map((c) => c.rows.some((r) => isPositive(table.rows[r]?.[column])));
    return { kind: 'outcome', label: `${table.header[column]} is positive`, column, positive };
  }
  if (input.value) {
    const column = columnIndex(table, input.value, '--value');
    return { kind: 'value', label: table.header[column] as string, column, values: sumColumn(customers, table, columns[column] as ColumnInfo) };
  }
  if (input.deals) {
    const stats = customers.map((c) => input.deals?.byKey.get(c.key));
    if (input.deals.hasAmount) return { kind: 'value', label: 'won value', column: null, values: stats.map((s) => s?.wonValue ?? 0) };
    return { kind: 'outcome', label: 'has a won deal', column: null, positive: stats.map((s) => (s?.won ?? 0) > 0) };
  }
  const candidates = columns.filter((c) => guessRole(c.header)?.role === 'lifetime_value' || c.role === 'lifetime_value');
  const usable = candidates.filter((c) => NUMERIC.has(c.type));
  if (usable.length === 1) {
    const column = usable[0] as ColumnInfo;
    return { kind: 'value', label: column.header, column: column.index, values: sumColumn(customers, table, column) };
  }
  const numeric = columns.filter((c) => NUMERIC.has(c.type) && c.role !== 'annual_revenue' && c.role !== 'employees');
  const listed = (usable.length > 1 ? usable : numeric).map((c) => JSON.stringify(c.header)).join(', ') || 'none';
  throw new UsageError(
    usable.length > 1
      ? `${table.name} has several value columns; say which one measures a customer's worth`
      : `${table.name} has no lifetime value, total spend, ARR, MRR or profit column to rank customers by`,
    { hint: `pass --value <column> (candidates: ${listed}), --outcome <column>, or --deals <deals.csv>` },
  );
}
