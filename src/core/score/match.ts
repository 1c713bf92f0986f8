import type { CellValue } from '../columns/cell-value.js';
import type { Match } from '../icp/schema.js';

/** Category values compare trimmed and case-insensitively: `software` in a lead list is `Software`. */
export function categoryKey(value: string): string {
  return value.trim().toLowerCase();
}

/** A number a range can test: numbers as they are, dates as their year (ranges over dates are years). */
export function rangeNumber(value: CellValue, isDate: boolean): number | undefined {
  if (typeof value !== 'number') return undefined;
  return isDate ? new Date(value).getUTCFullYear() : value;
}

/** Tokens of a multi-valued cell, or the cell itself as one token. */
function tokensOf(value: CellValue): readonly string[] | undefined {
  if (Array.isArray(value)) return value as readonly string[];
  if (typeof value === 'string') return value.split(/\s*[;|]\s*|,\s+/).filter((t) => t !== '');
  return undefined;
}

/**
 * Whether a read cell meets a criterion's match: true, false, or null when the value is unknown
 * (missing or unreadable). A missing value is never a mismatch.
 */
export function matchValue(match: Match, value: CellValue | null | undefined, isDate = false): boolean | null {
  if (value === null || value === undefined) return null;
  if ('in' in match) {
    const wanted = new Set(match.in.map(categoryKey));
    if (typeof value === 'string') return wanted.has(categoryKey(value));
    if (Array.isArray(value)) return (value as readonly string[]).some((t) => wanted.has(categoryKey(t)));
    return wanted.has(categoryKey(String(value)));
  }
  if ('contains_any' in match) {
    const tokens = tokensOf(value);
    if (!tokens) return null;
    const wanted = new Set(match.contains_any.map(categoryKey));
    return tokens.some((t) => wanted.has(categoryKey(t)));
  }
  if ('range' in match) {
    const n = rangeNumber(value, isDate);
    if (n === undefined) return null;
    const { min, max } = match.range;
    return (min === undefined || n >= min) && (max === undefined || n <= max);
  }
  if (typeof value !== 'boolean') return null;
  return value === match.equals;
}
