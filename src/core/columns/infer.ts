import {
  detectDateFormat,
  detectDecimalMark,
  detectMultiSeparator,
  hasCurrency,
  isBooleanColumn,
  parseMoney,
  type DateFormat,
  type DecimalMark,
  type MultiSeparator,
} from './parse/index.js';
import { isLinkColumn } from './link.js';
import { isEmployeeRangeColumn } from './range-values.js';
import { isRecordNumberColumn, isRunningNumber } from './record-number.js';
import type { Role, RoleSource } from './roles.js';

export const COLUMN_TYPES = ['number', 'money', 'employee_range', 'date', 'boolean', 'category', 'multi', 'id', 'link', 'text', 'empty'] as const;

export type ColumnType = (typeof COLUMN_TYPES)[number];

/** What icp understood of one column: its type and how to parse its cells. */
export interface ColumnInfo {
  index: number;
  header: string;
  role: Role | undefined;
  /** Why the column has its role (header alias, values, --map); set when typed through ColumnProfiler. */
  roleSource?: RoleSource;
  type: ColumnType;
  decimal?: DecimalMark;
  dateFormat?: DateFormat;
  separator?: MultiSeparator;
  /** Doubts worth telling the user, e.g. an ambiguous day/month order. */
  notes: string[];
}

// Share of sampled values that must parse for a type to be chosen; the rest are reported as invalid.
const PARSE_SHARE = 0.95;
const DATE_ROLES: ReadonlySet<Role | undefined> = new Set(['created_date', 'close_date', 'last_activity_date']);
const KEY_ROLES: ReadonlySet<Role | undefined> = new Set(['id', 'account_id', 'email', 'domain', 'phone']);
const NAME_ROLES: ReadonlySet<Role | undefined> = new Set(['name', 'account_name', 'first_name', 'last_name', 'notes']);
const NUMERIC_ROLES: ReadonlySet<Role | undefined> = new Set(['employees', 'annual_revenue', 'amount', 'lifetime_value', 'cost', 'founded_year']);
const DATE_HEADER = /(date|time|_at$|_on$|\bat$|\bon$|day$)/i;
const ID_HEADER = /(^|[\s_\-.])(id|ids|key|uuid|guid)$|[a-z]Id$|ID$/;
// Postal codes and street addresses are free text whatever their cells look like ("94105" is no number).
const FREE_TEXT_HEADER = /(^|[^a-z])(zip|zipcode|postal|postcode|plz|cep|address|street)([^a-z]|$)/;
const TOKEN = /^[A-Za-z0-9_\-.:@/+#=]+$/;
const DIGIT = /\d/;
const LETTER = /[A-Za-z]/;

function share(values: readonly string[], test: (v: string) => boolean): number {
  let ok = 0;
  for (const v of values) if (test(v)) ok++;
  return ok / values.length;
}

function numericType(values: readonly string[]): Pick<ColumnInfo, 'type' | 'decimal' | 'notes'> | undefined {
  const { mark, ambiguous } = detectDecimalMark(values);
  if (share(values, (v) => parseMoney(v, mark) !== null) < PARSE_SHARE) return undefined;
  const money = share(values, hasCurrency) >= 0.5;
  const notes = ambiguous ? [`decimal mark is ambiguous; read "${values[0]}" with "${mark}" as the decimal mark`] : [];
  return { type: money ? 'money' : 'number', decimal: mark, notes };
}

function looksLikeIds(values: readonly string[], header: string): boolean {
  if (ID_HEADER.test(header)) return true;
  if (values.length < 20) return false;
  const distinct = new Set(values).size;
  // All-unique plain numbers are measures (seats, spend) far more often than keys; keys carry letters.
  // (A plain-number key is caught by its header, see record-number.ts, or by running in row order.)
  return distinct / values.length >= 0.98 && values.every((v) => TOKEN.test(v)) && values.some((v) => DIGIT.test(v)) && values.some((v) => LETTER.test(v));
}

// Free text (addresses, descriptions, names): cells mostly distinct once there are enough of them to say, or
// long multi-word cells. A category repeats its values; a column that does not cannot be mined.
const TEXT_MIN_CELLS = 20;
const TEXT_DISTINCT_SHARE = 0.9;
const TEXT_MIN_WORDS = 6;

function categoryOrText(values: readonly string[]): ColumnType {
  const distinct = new Set(values).size;
  let length = 0;
  let words = 0;
  for (const v of values) {
    length += v.length;
    words += v.split(/\s+/).length;
  }
  const meanLength = length / values.length;
  if (meanLength > 60) return 'text';
  if (values.length >= TEXT_MIN_CELLS && distinct / values.length >= TEXT_DISTINCT_SHARE) return 'text';
  if (words / values.length >= TEXT_MIN_WORDS && distinct / values.length > 0.5) return 'text';
  if (distinct <= 50 || distinct / values.length <= 0.2) return 'category';
  return 'text';
}

/**
 * Types a column from a sample of its non-missing cells, in row order. The role breaks ties the values cannot
 * (an all-unique numeric `Record ID` is an id, not a number) but never forces a type the values contradict.
 * Links are known by their values (mostly URLs), never by a header: "Total Time Spent on Website" is a number.
 */
export function inferColumn(index: number, header: string, role: Role | undefined, values: readonly string[]): ColumnInfo {
  const info = (rest: Omit<ColumnInfo, 'index' | 'header' | 'role' | 'notes'> & { notes?: string[] }): ColumnInfo => ({
    index,
    header,
    role,
    notes: [],
    ...rest,
  });
  if (values.length === 0) return info({ type: 'empty' });
  if (KEY_ROLES.has(role)) return info({ type: 'id' });
  if (NAME_ROLES.has(role)) return info({ type: 'text' });
  if (isLinkColumn(values)) return info({ type: 'link' });
  // A measure's role (employees, revenue, amounts, founded year) keeps it a number whatever its header says.
  const numericRole = NUMERIC_ROLES.has(role);
  if (!numericRole && isRecordNumberColumn(header, values)) return info({ type: 'id' });
  if (!numericRole && isBooleanColumn(values)) return info({ type: 'boolean' });

  const dateFormat = detectDateFormat(values, DATE_ROLES.has(role) || DATE_HEADER.test(header));
  if (dateFormat) {
    const notes = dateFormat.ambiguous ? [`day/month order is ambiguous (no day above 12); read as ${dateFormat.order === 'dmy' ? 'DD/MM' : 'MM/DD'}`] : [];
    return info({ type: 'date', dateFormat, notes });
  }
  if (!numericRole && FREE_TEXT_HEADER.test(header.toLowerCase())) return info({ type: 'text' });
  if (isEmployeeRangeColumn(values, PARSE_SHARE)) {
    return info({ type: 'employee_range' });
  }
  if (!numericRole && looksLikeIds(values, header)) return info({ type: 'id' });
  if (!numericRole && isRunningNumber(values)) {
    return info({ type: 'id', notes: ['distinct whole numbers running in row order: read as a record number (an id), not a measure'] });
  }
  const numeric = numericType(values);
  if (numeric) return info(numeric);
  const separator = detectMultiSeparator(values);
  if (separator) return info({ type: 'multi', separator });
  return info({ type: categoryOrText(values) });
}
