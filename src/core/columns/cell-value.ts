import { memoize } from '../memoize.js';
import type { ColumnInfo } from './infer.js';
import { employeeRangeValue, isMissing, parseBoolean, parseDate, parseEmployeeRange, parseMoney, splitMulti } from './parse/index.js';

/** A cell read with its column's type: a number (dates as epoch ms), a boolean, a non-empty token list, or a string. */
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
    case 'multi': {
      // An empty list is unknown, not "uses none": a CRM leaves a multi-select blank when nobody filled it in,
      // so a blank cell (missing above), one of separators only (";", " | ") and one of missing markers only
      // ("N/A; -") all read as missing, and a marker inside a list ("Slack;N/A") is no token. The same markers
      // as for a whole cell: "None" alone is missing, so a "None" token is dropped too ("Slack;None" is [Slack]).
      const tokens = column.separator ? splitMulti(raw, column.separator).filter((t) => !isMissing(t)) : [raw.trim()];
      return tokens.length > 0 ? tokens : null;
    }
    default:
      return raw.trim();
  }
}

const MISSING = Symbol('missing');
/** Column types whose cells are parsed (patterns, splitting): worth remembering per spelling. */
const PARSED: ReadonlySet<ColumnInfo['type']> = new Set(['number', 'money', 'employee_range', 'date', 'multi']);
const INVALID = Symbol('invalid');

/**
 * readCell for one column, each spelling parsed once when the column's values repeat (tech stacks,
 * employee ranges, revenues; see memoize). Lists come back shared between equal cells: never change them.
 */
export function columnReader(column: ColumnInfo): (raw: string | undefined) => CellValue | null | undefined {
  // A category or text cell is only trimmed: cheaper than the look-up that would remember it.
  if (!PARSED.has(column.type)) return (raw) => readCell(column, raw);
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
