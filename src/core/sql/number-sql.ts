import { CODES } from '../columns/parse/money.js';
import type { DecimalMark } from '../columns/parse/number.js';
import type { DateOrder } from '../columns/parse/date.js';
import { type CellSql, extracted, WS } from './cell-sql.js';
import type { Dialect } from './dialect.js';

/**
 * The forms a range criterion's cell is read in by SQL, a part of those `icp score` reads (numberReader in
 * score/compile.ts), said in every statement. Any other form is unknown in SQL.
 */
export const NUMBER_FORMS = [
  'numbers with the column\'s decimal mark, grouped in threes by "," (or "." when the mark is ","), a space or "\'" (1,234.5; 1.234,5; .5)',
  'a sign (-, + or \u2212) or accounting brackets: -12, (1,234)',
  'a suffix k, m, mm, b or bn, or a percent sign: 12k, 3.5M, 2 bn, 12%',
  'a currency symbol ($ \u20ac \u00a3 \u00a5 \u20b9) or ISO code (USD, EUR, ...) before or after, a sign before it: $1,234, -$5, 1.234,50 \u20ac, USD 12k',
  'head-count bands as their midpoint, open bands as their start: 51-200, 1,001 to 5,000, 10k+, 51-200 employees',
  'for a year range on dates: the year of YYYY-MM-DD (with a time after it) or of D/M/YYYY and M/D/YYYY as the column is written',
];

/** Forms icp score reads and SQL does not: the rows where they occur score as unknown there. */
export const NUMBER_FORMS_NOT_READ = 'exponents (1.5e6), "over 500"/"under 10" bands, US$/R$-style symbols, a sign after the currency, Excel serial dates';

const SYMBOLS = '[$\u20ac\u00a3\u00a5\u20b9]';
const CODE = `(?:${[...CODES].map((c) => c.toLowerCase()).join('|')})`;
const MULT = `(?:${WS}?(?:k|mm|m|bn|b))`;
const PCT = `(?:${WS}?%)`;

/** An unsigned number with this decimal mark, as parseNumber reads it (no exponent). */
function num(mark: DecimalMark): string {
  const [group, dot] = mark === '.' ? [',', '[.]'] : ['[.]', ','];
  const grouped = [group, ' ', "'"].map((g) => `[0-9]{1,3}(?:${g}[0-9]{3})+(?:${dot}[0-9]+)?`);
  return `(?:${[...grouped, `[0-9]+(?:${dot}[0-9]+)?`, `${dot}[0-9]+`].join('|')})`;
}

/** Every money or number form read, whole: plain, bracketed, currency before, currency after. */
function moneyPattern(mark: DecimalMark): string {
  const n = num(mark);
  const sign = '[-+\u2212]';
  const cur = `(?:${SYMBOLS}|${CODE})`;
  const forms = [
    `${sign}?${n}(?:${MULT}|${PCT})?`,
    `[(]${WS}*${n}(?:${MULT}|${PCT})?${WS}*[)]`,
    `${sign}?${WS}*${cur}${WS}*${n}${MULT}?`,
    `[(]${WS}*${cur}${WS}*${n}${MULT}?${WS}*[)]`,
    // A code after the number stands apart from a letter before it ("5kusd" is no amount).
    `${sign}?${n}(?:${WS}*${SYMBOLS}|${WS}*${CODE}|${MULT}${WS}*${SYMBOLS}|${MULT}${WS}+${CODE})`,
    `[(]${WS}*${n}(?:${WS}*${SYMBOLS}|${WS}*${CODE}|${MULT}${WS}*${SYMBOLS}|${MULT}${WS}+${CODE})${WS}*[)]`,
  ];
  return `^(?:${forms.join('|')})$`;
}

/** A money or number cell (lower-cased, trimmed) as a double: the digits, the suffix's power of ten, the sign. */
export function moneySql(d: Dialect, key: string, mark: DecimalMark): string {
  const core = extracted(d, key, `([0-9][0-9,. '\u00a0\u2009\u202f]*[0-9]|[0-9]|[.,][0-9]+)`);
  const digits = mark === '.' ? d.replaceAll(core, '[^0-9.]', '') : d.replaceAll(d.replaceAll(core, '[^0-9,]', ''), ',', '.');
  const suffix = extracted(d, key, `[0-9]${WS}?(k|mm|m|bn|b)(?:${WS}*(?:${SYMBOLS}|${CODE}))?${WS}*[)]?$`);
  const power = `CASE ${suffix} WHEN 'k' THEN '3' WHEN 'm' THEN '6' WHEN 'mm' THEN '6' WHEN 'b' THEN '9' WHEN 'bn' THEN '9' ELSE '0' END`;
  const negative = `(${d.matches(key, '^[(]')} OR ${d.matches(key, `^(?:${SYMBOLS}|${CODE})?${WS}*[-\u2212]`)})`;
  const value = d.toDouble(d.concat(["'0'", digits, "'e'", power]));
  return `CASE WHEN ${d.matches(key, moneyPattern(mark))} THEN CASE WHEN ${negative} THEN -${value} ELSE ${value} END END`;
}

// A head count (employees.ts COUNT), with or without k; and the words a band may end with.
const COUNT = `(?:0|[1-9][0-9]{0,2}(?:[,.'\u2019\u00a0\u2009\u202f ][0-9]{3})+|[1-9][0-9]*)k?`;
const TAIL = `(?:${WS}*(?:employees?|people|staff|emps?[.]?|ftes?))?`;
const BETWEEN = `(?:${WS}*[-\u2013\u2014]${WS}*|${WS}+to${WS}+)`;

/** A head count's value: its digits, times 1000 with k. */
function countSql(d: Dialect, text: string): string {
  const n = d.toDouble(d.replaceAll(text, '[^0-9]', ''));
  return `(CASE WHEN ${d.matches(text, 'k$')} THEN ${n} * 1000 ELSE ${n} END)`;
}

/** A band's value (employeeRangeValue): the midpoint of 51-200 (when it is one: max not below min), the start of 10k+. */
function bandSql(d: Dialect, key: string): string {
  const low = countSql(d, extracted(d, key, `^(${COUNT})${BETWEEN}${COUNT}${TAIL}$`));
  const high = countSql(d, extracted(d, key, `^${COUNT}${BETWEEN}(${COUNT})${TAIL}$`));
  const open = countSql(d, extracted(d, key, `^(${COUNT})${WS}*[+]${TAIL}$`));
  return `CASE WHEN ${d.matches(key, `^${COUNT}${BETWEEN}${COUNT}${TAIL}$`)} AND ${high} >= ${low} THEN (${low} + ${high}) / 2.0 WHEN ${d.matches(key, `^${COUNT}${WS}*[+]${TAIL}$`)} THEN ${open} END`;
}

/** The year of a date cell written in the column's order; NULL for other shapes. */
function yearSql(d: Dialect, trimmed: string, order: DateOrder): string {
  if (order === 'serial') return d.toDouble('NULL');
  const tail = `(?:[T ][^\n]*)?$`;
  const pattern = order === 'ymd' ? `^([0-9]{4})[-/.][0-9]{1,2}[-/.][0-9]{1,2}${tail}` : `^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4})${tail}`;
  return d.toDouble(extracted(d, trimmed, pattern));
}

/**
 * A range criterion's cell as the number it tests (a year for a date), NULL when unreadable: CASE over the
 * forms. `orYear`: a YYYY-MM-DD date reads as its year, anything else as a number.
 */
export function numberSql(d: Dialect, cell: CellSql, mark: DecimalMark, dateOrder: DateOrder | null, orYear = false): string {
  if (dateOrder !== null) return yearSql(d, cell.trimmed, dateOrder);
  const number = `COALESCE(${bandSql(d, cell.key)}, ${moneySql(d, cell.key, mark)})`;
  return orYear ? `COALESCE(${yearSql(d, cell.trimmed, 'ymd')}, ${number})` : number;
}
