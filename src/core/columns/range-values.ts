import { isEmployeeRangeString, parseEmployeeRange } from './parse/index.js';

// Head-count bands widen as they grow ("1-10", "11-50", "1,001-5,000", "0-1"): the top is at most this many
// times the bottom. An id written digits-dash-digits (`4-203974`) is not a band.
const MAX_BAND_RATIO = 1000;
const MAX_HEADCOUNT = 10_000_000;

/** Whether a range-shaped cell is a plausible head-count band: its top above its bottom, and not absurdly so. */
export function isPlausibleRange(raw: string): boolean {
  const range = parseEmployeeRange(raw);
  if (range === null) return false;
  if (range.max === null) return range.min <= MAX_HEADCOUNT;
  if (range.max > MAX_HEADCOUNT) return false;
  return range.min === 0 || range.max / range.min <= MAX_BAND_RATIO;
}

/** Digits-dash-digits cells that are no head-count band: "4-203974", and "2024-7" (top below bottom). */
const DASH_PAIR = /^\d[\d,.]*\s*[-\u2013\u2014]\s*\d[\d,.]*$/;

/** Share of cells shaped digits-dash-digits that are no plausible band (ids such as `4-203974`). */
export function implausibleRangeShare(values: readonly string[]): number {
  if (values.length === 0) return 0;
  let odd = 0;
  for (const v of values) if (DASH_PAIR.test(v) && !(isEmployeeRangeString(v) && isPlausibleRange(v))) odd++;
  return odd / values.length;
}

/**
 * Whether a column's cells are head-count bands: some range-shaped, at least `share` of them plausible
 * counts or bands, and few distinct values, as bands are (a column of distinct digit-dash-digit codes is ids).
 */
export function isEmployeeRangeColumn(values: readonly string[], share: number): boolean {
  if (!values.some(isEmployeeRangeString)) return false;
  let ok = 0;
  for (const v of values) if (isPlausibleRange(v)) ok++;
  if (ok < share * values.length) return false;
  const distinct = new Set(values).size;
  return distinct <= 50 || distinct / values.length <= 0.5;
}
