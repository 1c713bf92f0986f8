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
