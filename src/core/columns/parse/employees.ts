/** A head-count band; max null means open-ended ("10,001+"). */
export interface EmployeeRange {
  min: number;
  max: number | null;
}

// A whole head count: "0", "120", "1,001", "10 000", "1.234" (European grouping), "5k". No leading
// zeros, so "2024-01-15" and zip-like codes are not ranges; no fractions, nobody employs 12.5 people.
const COUNT = "(0|[1-9]\\d{0,2}(?:[,.'\\u2019\\u00A0\\u2009\\u202F ]\\d{3})+|[1-9]\\d*)(k)?";
const TAIL = '(?:\\s*(?:employees?|people|staff|emps?\\.?|ftes?))?';

function anchored(body: string): RegExp {
  return new RegExp(`^${body}${TAIL}$`, 'i');
}

const BETWEEN = anchored(`${COUNT}(?:\\s*[-\\u2013\\u2014]\\s*|\\s+to\\s+)${COUNT}`);
const OPEN = anchored(`${COUNT}\\s*\\+`);
// "over 10,000" starts where LinkedIn's "10,001+" does; "at least 500" includes 500.
const ABOVE = anchored(`(?:over|more than|above|greater than|>)\\s*${COUNT}\\+?`);
const AT_LEAST = anchored(`(?:at least|>=|\\u2265)\\s*${COUNT}`);
const BELOW = anchored(`(?:under|less than|fewer than|below|<)\\s*${COUNT}`);
const UP_TO = anchored(`(?:up to|<=|\\u2264)\\s*${COUNT}`);
const PLAIN = anchored(COUNT);
const NON_DIGIT = /\D/g;

function count(digits: string | undefined, k: string | undefined): number {
  const value = Number((digits ?? '').replace(NON_DIGIT, ''));
  return k === undefined ? value : value * 1000;
}

function valid(range: EmployeeRange): EmployeeRange | null {
  return range.max !== null && range.max < range.min ? null : range;
}

/** Reads a cell as a head count or band, saying which shape it had; null when it is neither. */
function readEmployees(raw: string): { range: EmployeeRange; isRange: boolean } | null {
  const text = raw.trim();
  if (text.length === 0) return null;
  let m = PLAIN.exec(text);
  if (m !== null) {
    const n = count(m[1], m[2]);
    return { range: { min: n, max: n }, isRange: false };
  }
  let range: EmployeeRange | null = null;
  if ((m = BETWEEN.exec(text)) !== null) range = valid({ min: count(m[1], m[2]), max: count(m[3], m[4]) });
  else if ((m = OPEN.exec(text)) !== null || (m = AT_LEAST.exec(text)) !== null) {
    range = { min: count(m[1], m[2]), max: null };
  } else if ((m = ABOVE.exec(text)) !== null) range = { min: count(m[1], m[2]) + 1, max: null };
  else if ((m = BELOW.exec(text)) !== null) range = valid({ min: 0, max: count(m[1], m[2]) - 1 });
  else if ((m = UP_TO.exec(text)) !== null) range = { min: 0, max: count(m[1], m[2]) };
  return range === null ? null : { range, isRange: true };
}

/** Parses "51-200", "1,001-5,000", "10,001+", "201 – 500", "51 to 200", "over 10,000", "under 10", and a plain count "120" (min = max); null otherwise. */
export function parseEmployeeRange(raw: string): EmployeeRange | null {
  return readEmployees(raw)?.range ?? null;
}

/** True only for range-shaped strings ("51-200", "10,001+"), not for plain counts, so a column of counts is typed number. */
export function isEmployeeRangeString(raw: string): boolean {
  return readEmployees(raw)?.isRange ?? false;
}

/** A representative number for a range: the midpoint, or min for open-ended ranges; used for numeric criteria. */
export function employeeRangeValue(range: EmployeeRange): number {
  return range.max === null ? range.min : (range.min + range.max) / 2;
}
