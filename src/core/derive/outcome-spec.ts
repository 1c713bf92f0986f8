import { OptionError } from '../../errors.js';
import { isMissing, parseBoolean } from '../columns/parse/index.js';
import { findHeader, normalizeHeader } from '../columns/roles.js';
import { classifyStage } from '../profile/stage.js';
import { columnCell, columnOf, rowCount } from '../column-table.js';
import type { Table } from '../table.js';
import { noColumn } from '../columns/no-column.js';

/** How `--outcome` reads one cell: positive, negative, missing (null), or a value that is no yes/no. */
export type OutcomeReading = (raw: string | undefined) => boolean | null | 'unreadable';

// Words a yes/no outcome is written in beyond booleans and won/lost stages (normalised: no case, no spaces).
const POSITIVE = new Set(['converted', 'customer', 'success', 'successful', 'passed', 'pass']);
const NEGATIVE = new Set(['notconverted', 'unconverted', 'nonconverted', 'notcustomer', 'noncustomer', 'failed', 'fail', 'failure', 'unsuccessful']);

/** A yes/no cell: true/false, yes/no, 1/0, won/lost, converted/not converted; 'unreadable' for anything else. */
export function readYesNo(raw: string | undefined): boolean | null | 'unreadable' {
  if (raw === undefined || isMissing(raw)) return null;
  const bool = parseBoolean(raw);
  if (bool !== null) return bool;
  const stage = classifyStage(raw);
  if (stage.known && stage.outcome !== 'open') return stage.outcome === 'won';
  const key = normalizeHeader(raw);
  if (POSITIVE.has(key)) return true;
  if (NEGATIVE.has(key)) return false;
  return 'unreadable';
}

/** Up to ten distinct values of a column, most frequent first, for an error message. */
function listValues(table: Table, column: number): string {
  const counts = new Map<string, number>();
  const cells = columnOf(table, column);
  for (let r = 0; r < rowCount(table); r++) {
    const raw = (columnCell(cells, r) ?? '').trim();
    if (isMissing(raw)) continue;
    counts.set(raw, (counts.get(raw) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => JSON.stringify(v));
  return sorted.length > 10 ? `${sorted.slice(0, 10).join(', ')}, … (${sorted.length} in all)` : sorted.join(', ');
}

/**
 * `--outcome <column>` or `--outcome "<column>=<value>"`. A header that itself holds "=" is taken whole;
 * otherwise the first "=" whose left side names a column splits the spec. A bare column must read as yes/no
 * in every filled cell (a usage error lists its values otherwise); a named value must occur in the column.
 */
export function parseOutcomeSpec(table: Table, spec: string): { column: number; label: string; read: OutcomeReading } {
  const whole = findHeader(table.header, spec);
  let column = whole;
  let wanted: string | undefined;
  if (whole < 0) {
    for (let eq = spec.indexOf('='); eq >= 0; eq = spec.indexOf('=', eq + 1)) {
      const at = findHeader(table.header, spec.slice(0, eq).trim());
      if (at >= 0) {
        column = at;
        wanted = spec.slice(eq + 1).trim();
        break;
      }
    }
  }
  if (column < 0) {
    throw noColumn('outcome', spec.split('=')[0]?.trim() ?? '', table.name, table.header);
  }
  const header = table.header[column] as string;
  if (wanted !== undefined) return valueSpec(table, column, header, wanted);
  // The column's values in the order its rows first hold them: the first unreadable is the first row's.
  const unreadable = columnOf(table, column).values.find((raw) => readYesNo(raw) === 'unreadable');
  if (unreadable !== undefined) {
    throw new OptionError(
      'outcome',
      `⟨outcome⟩: ${header} in ${table.name} does not read as yes/no (won/lost, true/false, 1/0, converted/not); its values: ${listValues(table, column)}`,
      {
        hint: `name the positive value, for example ⟨outcome⟩ "${header}=${unreadable.trim()}"`,
      },
    );
  }
  return { column, label: `${header} is positive`, read: readYesNo };
}

function valueSpec(table: Table, column: number, header: string, wanted: string): { column: number; label: string; read: OutcomeReading } {
  const key = wanted.toLowerCase();
  if (key === '') throw new OptionError('outcome', `⟨outcome⟩ "${header}=" names no value`, { hint: `its values: ${listValues(table, column)}` });
  const found = columnOf(table, column)
    .values.find((v) => (v ?? '').trim().toLowerCase() === key)
    ?.trim();
  if (found === undefined) {
    throw new OptionError('outcome', `⟨outcome⟩: no cell of ${header} in ${table.name} is "${wanted}"`, { hint: `its values: ${listValues(table, column)}` });
  }
  const read: OutcomeReading = (raw) => (raw === undefined || isMissing(raw) ? null : raw.trim().toLowerCase() === key);
  return { column, label: `${header} is ${found}`, read };
}
