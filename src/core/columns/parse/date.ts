import { isMissing } from './missing.js';

export type DateOrder = 'ymd' | 'mdy' | 'dmy' | 'serial';
export interface DateFormat {
  order: DateOrder;
  ambiguous: boolean;
}

const DAY_MS = 86_400_000;

// Optional time after a date: "T10:20", " 10:20:30.123", ", 3:05 PM", then "Z", "UTC" or "+02:00".
// Six groups: hour, minute, second, fraction, a|p, zone.
const TIME = '(?:(?:T|\\s+|,\\s*)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?' + '\\s*(?:([ap])\\.?m\\.?)?\\s*(z|utc|gmt|[+-]\\d{2}(?::?\\d{2})?)?)?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';

const ISO = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}$`, 'i');
const DAY_MONTH = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME}$`, 'i');
const NAMED_DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-/.]*([a-z]{3,9})\\.?[\\s\\-/.,]*(\\d{4}|\\d{2})${TIME}$`, 'i');
const NAMED_MONTH_FIRST = new RegExp(`^${WEEKDAY}([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`, 'i');
const SERIAL = /^\d+(?:\.\d+)?$/;
// Just the date part of a day/month cell, for the evidence detectDateFormat collects.
const DAY_MONTH_SHAPE = /^(\d{1,2})([-/.])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)/;

const MONTHS: ReadonlyMap<string, number> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
    .flatMap((name, i): [string, number][] => [
      [name, i + 1],
      [name.slice(0, 3), i + 1],
    ])
    .concat([['sept', 9]]),
);

function isDateSeparator(code: number): boolean {
  return code === 45 /* - */ || code === 47 /* / */ || code === 46 /* . */;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Spreadsheets write 2-digit years; 00-69 are 2000s and 70-99 are 1900s, as Excel and POSIX strptime do.
function fullYear(digits: string): number {
  const y = Number(digits);
  if (digits.length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function zoneMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone.length <= 3) return 0; // none, Z, UTC, GMT
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (zone.charAt(0) === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Epoch ms for a calendar date and the six TIME groups of `m` starting at `at`; null when any part is out of range. */
function compose(year: number, month: number, day: number, m: RegExpExecArray, at: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let hour = Number(m[at] ?? 0);
  const minute = Number(m[at + 1] ?? 0);
  const second = Number(m[at + 2] ?? 0);
  const fraction = m[at + 3];
  const meridiem = m[at + 4];
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const zone = zoneMinutes(m[at + 5]);
  if (zone === null) return null;
  const millis = fraction === undefined ? 0 : Number((fraction + '00').slice(0, 3));
  // Date.UTC reads years 0-99 as 1900-1999; 400 Gregorian years are exactly 146097 days.
  const shift = year < 100 ? 400 : 0;
  const utc = Date.UTC(year + shift, month - 1, day, hour, minute, second, millis) - (shift === 0 ? 0 : 146_097 * DAY_MS);
  return utc - zone * 60_000;
}

const digitAt = (text: string, i: number): number => text.charCodeAt(i) - 48;
const isDigitAt = (text: string, i: number): boolean => text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
/** Two digits at i as a number, or -1 when either is not a digit. */
const number2 = (text: string, i: number): number => (isDigitAt(text, i) && isDigitAt(text, i + 1) ? digitAt(text, i) * 10 + digitAt(text, i + 1) : -1);

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil): what Date.UTC
 * computes, in arithmetic, for the million dates of a deals file.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The most common shapes, `2024-10-01`, `2024-10-01 11:35` and `2024-10-01T11:35:20`, read without the
 * pattern, as the ISO branch of parseDate reads them; undefined for any other shape.
 */
function plainIso(text: string): number | null | undefined {
  const n = text.length;
  if (n !== 10 && n !== 16 && n !== 19) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const century = number2(text, 0);
  const yy = number2(text, 2);
  const month = number2(text, 5);
  const day = number2(text, 8);
  if (century < 0 || yy < 0 || month < 0 || day < 0) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (n > 10) {
    const t = text.charCodeAt(10);
    if ((t !== 32 && t !== 84) || text.charCodeAt(13) !== 58) return undefined;
    hour = number2(text, 11);
    minute = number2(text, 14);
    if (hour < 0 || minute < 0) return undefined;
    if (n === 19) {
      if (text.charCodeAt(16) !== 58) return undefined;
      second = number2(text, 17);
      if (second < 0) return undefined;
    }
  }
  const year = century * 100 + yy;
  // Years below 100 take compose's way around Date.UTC's 1900s.
  if (year < 100) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Excel's 1900 date system: day 1 is 1900-01-01 and day 60 is the 1900-02-29 Lotus 1-2-3 invented. */
function fromSerial(serial: number): number | null {
  if (!(serial >= 1) || serial >= 2_958_466) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const epochDay = day < 60 ? day - 25_568 : day - 25_569;
  return epochDay * DAY_MS + Math.round((serial - day) * DAY_MS);
}

/** Parses one cell as epoch ms (UTC) in the given order: ISO, MM/DD/YYYY or DD.MM.YYYY (any of / . -, 2-digit years), optional time, Excel serials; null when not a valid date. */
export function parseDate(raw: string, order: DateOrder): number | null {
  const text = raw.trim();
  if (text.length === 0) return null;
  if (order === 'serial' && SERIAL.test(text)) return fromSerial(Number(text));
  const iso = plainIso(text);
  if (iso !== undefined) return iso;
  // Year-first and month-name dates read the same under every order, so they are always accepted.
  // The character tests only skip patterns that cannot match; they keep per-cell cost down.
  let m = isDateSeparator(text.charCodeAt(4)) ? ISO.exec(text) : null;
  if (m !== null) return compose(Number(m[1]), Number(m[3]), Number(m[4]), m, 5);
  m = isDateSeparator(text.charCodeAt(1)) || isDateSeparator(text.charCodeAt(2)) ? DAY_MONTH.exec(text) : null;
  if (m !== null) {
    if (order !== 'mdy' && order !== 'dmy') return null;
    const first = Number(m[1]);
    const second = Number(m[3]);
    const year = fullYear(m[4] ?? '');
    return order === 'dmy' ? compose(year, second, first, m, 5) : compose(year, first, second, m, 5);
  }
  m = NAMED_DAY_FIRST.exec(text);
  if (m !== null) {
    const month = MONTHS.get((m[2] ?? '').toLowerCase());
    return month === undefined ? null : compose(fullYear(m[3] ?? ''), month, Number(m[1]), m, 4);
  }
  m = NAMED_MONTH_FIRST.exec(text);
  if (m !== null) {
    const month = MONTHS.get((m[1] ?? '').toLowerCase());
    return month === undefined ? null : compose(Number(m[3]), month, Number(m[2]), m, 4);
  }
  return null;
}

// Share of non-missing values that must parse under the chosen order for the column to be dates.
const DATE_SHARE = 0.9;

/**
 * Decides a column's date format: ISO -> ymd; a first part above 12 -> dmy, a second part above 12 ->
 * mdy; neither -> ambiguous, mdy for "/" and dmy for "." or "-" (European habits). Excel serials only
 * when allowSerial and every value is a number in 20000-80000. Null when both parts exceed 12 somewhere
 * (the values conflict) or fewer than 90% of the non-missing values parse under the chosen order.
 */
export function detectDateFormat(values: readonly string[], allowSerial = false): DateFormat | null {
  const present: string[] = [];
  let serials = allowSerial;
  let dayMonth = 0;
  let firstAbove12 = false;
  let secondAbove12 = false;
  let slashes = 0;
  for (const value of values) {
    if (isMissing(value)) continue;
    const text = value.trim();
    present.push(text);
    if (serials && !(SERIAL.test(text) && Number(text) >= 20_000 && Number(text) <= 80_000)) serials = false;
    const m = DAY_MONTH_SHAPE.exec(text);
    if (m === null) continue;
    dayMonth++;
    if (Number(m[1]) > 12) firstAbove12 = true;
    if (Number(m[3]) > 12) secondAbove12 = true;
    if (m[2] === '/') slashes++;
  }
  if (present.length === 0) return null;
  if (serials) return { order: 'serial', ambiguous: false };
  if (firstAbove12 && secondAbove12) return null;

  let format: DateFormat;
  if (dayMonth === 0) format = { order: 'ymd', ambiguous: false };
  else if (firstAbove12) format = { order: 'dmy', ambiguous: false };
  else if (secondAbove12) format = { order: 'mdy', ambiguous: false };
  else format = { order: slashes * 2 >= dayMonth ? 'mdy' : 'dmy', ambiguous: true };

  let parsed = 0;
  for (const text of present) if (parseDate(text, format.order) !== null) parsed++;
  return parsed >= DATE_SHARE * present.length ? format : null;
}

/** Formats epoch ms as YYYY-MM-DD (UTC), for display and icp.yaml. */
export function formatIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
