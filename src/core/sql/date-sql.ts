import type { DateOrder } from '../columns/parse/date.js';
import { extracted } from './cell-sql.js';
import type { Dialect } from './dialect.js';

/** The date forms the deals' dates are read in by SQL (a part of parseDate's), said in the statement. */
export const DATE_FORMS =
  'YYYY-MM-DD (or / or . between), D/M/YYYY or M/D/YYYY as the column is written, each with an optional time H:MM[:SS] after T or a space and an optional Z; no names of months, no time zone offsets';

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

const D = '[0-9]{1,2}';
const Y = '[0-9]{4}';

/** The time after a date (lower-cased text), each of its parts captured or not. */
function time(capture?: 'hour' | 'minute' | 'second'): string {
  const g = (p: Part, body: string) => (capture === p ? `(${body})` : body);
  return `(?:(?:t| +)${g('hour', D)}:${g('minute', '[0-9]{2}')}(?::${g('second', '[0-9]{2}')})?(?: *(?:z|utc|gmt))?)?`;
}

/** The pattern that captures one part of a date in the column's order (one group: BigQuery allows no more). */
function partPattern(order: Exclude<DateOrder, 'serial'>, part: Part): string {
  const g = (p: Part, body: string) => (part === p ? `(${body})` : body);
  const [first, second] = order === 'dmy' ? (['day', 'month'] as const) : (['month', 'day'] as const);
  const date = order === 'ymd' ? `${g('year', Y)}[-/.]${g('month', D)}[-/.]${g('day', D)}` : `${g(first, D)}[-/.]${g(second, D)}[-/.]${g('year', Y)}`;
  const t = part === 'hour' || part === 'minute' || part === 'second' ? time(part) : time();
  return `^${date}${t}$`;
}

/** The whole shape, with the same separator twice (parseDate's backreference, spelled out). */
function shapePattern(order: Exclude<DateOrder, 'serial'>): string {
  const dates = ['-', '/', '[.]'].map((sep) => (order === 'ymd' ? `${Y}${sep}${D}${sep}${D}` : `${D}${sep}${D}${sep}${Y}`));
  return `^(?:${dates.join('|')})${time()}$`;
}

/** A date cell's parts (lower-cased, trimmed text `key`) as numbers, NULL when it has another shape: the first stage. */
export function datePartsSql(d: Dialect, key: string, order: DateOrder): Record<Part | 'shape', string> {
  if (order === 'serial') {
    const none = d.toDouble('NULL');
    return { shape: 'FALSE', year: none, month: none, day: none, hour: none, minute: none, second: none };
  }
  const num = (p: Part) => d.toDouble(extracted(d, key, partPattern(order, p)));
  return {
    shape: d.matches(key, shapePattern(order)),
    year: num('year'),
    month: num('month'),
    day: num('day'),
    hour: `COALESCE(${num('hour')}, 0)`,
    minute: `COALESCE(${num('minute')}, 0)`,
    second: `COALESCE(${num('second')}, 0)`,
  };
}

export const DATE_PARTS = ['shape', 'year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/**
 * Epoch milliseconds (UTC) from a date's parts (columns of an earlier stage), as parseDate reads them: days
 * from the civil date (Howard Hinnant's days_from_civil, in arithmetic every engine has) plus the time; NULL
 * for another shape and for a day the month does not have.
 */
export function epochMsSql(p: Record<(typeof DATE_PARTS)[number], string>): string {
  const { year, month, day, hour, minute, second } = p;
  const y = `(${year} - (CASE WHEN ${month} <= 2 THEN 1 ELSE 0 END))`;
  const era = `FLOOR(${y} / 400)`;
  const yoe = `(${y} - ${era} * 400)`;
  const doy = `(FLOOR((153 * (CASE WHEN ${month} > 2 THEN ${month} - 3 ELSE ${month} + 9 END) + 2) / 5) + ${day} - 1)`;
  const doe = `(${yoe} * 365 + FLOOR(${yoe} / 4) - FLOOR(${yoe} / 100) + ${doy})`;
  const days = `(${era} * 146097 + ${doe} - 719468)`;
  const leap = `((MOD(CAST(${year} AS INTEGER), 4) = 0 AND MOD(CAST(${year} AS INTEGER), 100) <> 0) OR MOD(CAST(${year} AS INTEGER), 400) = 0)`;
  const monthDays = `(CASE WHEN ${month} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${month} IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`;
  const valid = `${p.shape} AND ${month} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND ${monthDays} AND ${hour} <= 23 AND ${minute} <= 59 AND ${second} <= 59`;
  return `CASE WHEN ${valid} THEN ${days} * 86400000 + ((${hour} * 60 + ${minute}) * 60 + ${second}) * 1000 END`;
}
