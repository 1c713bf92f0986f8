import { memoize } from '../memoize.js';
import type { ColumnInfo } from './infer.js';
import {
  employeeRangeValue,
  isMissing,
  parseBoolean,
  parseDate,
  parseEmployeeRange,
  parseMoney,
  splitMulti,
} from './parse/index.js';

/** A cell read with its column's type: a number (dates as epoch ms), a boolean, a token list, or a string. */
export type CellValue = number | boolean | string | readonly string[];

/**
 * Reads one raw cell as its column's type: null when missing, undefined when present but not parsable
 * (so callers can count invalid cells apart from missing ones).
 */
export function readCell(column: ColumnInfo, raw: string | undefined): CellValue | null | undefined {
  if (raw === undefined || isMissing(raw)) return null;
  switch (column.type) {
    case 'number':
    case 'money':
      return parseMoney(raw, column.decimal)?.amount ?? undefined;
    case 'employee_range': {
      const range = parseEmployeeRange(raw);
      return range ? employeeRangeValue(range) : undefined;
    }
    case 'date':
      return column.dateFormat ? (parseDate(raw, column.dateFormat.order) ?? undefined) : undefined;
    case 'boolean':
      return parseBoolean(raw) ?? undefined;
    case 'multi':
      return column.separator ? splitMulti(raw, column.separator) : [raw.trim()];
    default:
      return raw.trim();
  }
}

const MISSING = Symbol('missing');
const INVALID = Symbol('invalid');

/**
 * readCell for one column, each spelling read once when the column's values repeat (industries,
 * countries, tech stacks; see memoize). Lists come back shared between equal cells: never change them.
 */
export function columnReader(column: ColumnInfo): (raw: string | undefined) => CellValue | null | undefined {
  const read = memoize((raw: string): CellValue | typeof MISSING | typeof INVALID => {
    const value = readCell(column, raw);
    return value === null ? MISSING : value === undefined ? INVALID : value;
  });
  return (raw) => {
    if (raw === undefined) return null;
    const value = read(raw);
    return value === MISSING ? null : value === INVALID ? undefined : value;
  };
}
