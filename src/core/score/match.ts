import type { CellValue } from '../columns/cell-value.js';
import { isMissing } from '../columns/parse/index.js';
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

// A lead list may write a tech stack as "HubSpot;Salesforce", "HubSpot | Salesforce" or "HubSpot,Salesforce",
// whatever separator the customers file used; a tool's name never holds one of these.
const TOKEN_SEPARATORS = /\s*[;|,]\s*/;

/**
 * Tokens of a multi-valued cell, split on `;`, `|` or `,`; or the cell itself as one token. Missing markers
 * are no token ("Salesforce;unknown" uses Salesforce), as derive reads the column.
 */
export function tokensOf(value: CellValue): readonly string[] | undefined {
  if (Array.isArray(value)) return value as readonly string[];
  if (typeof value === 'string') return value.split(TOKEN_SEPARATORS).filter((t) => t !== '' && !isMissing(t));
  return undefined;
}

/**
 * Whether a read cell meets a criterion's match: true, false, or null when the value is unknown
 * (missing or unreadable). A missing value is never a mismatch.
 */
export function matchValue(match: Match, value: CellValue | null | undefined, isDate = false): boolean | null {
  return matcher(match, isDate)(value);
}

/** matchValue for one match, with its wanted values gathered once: for testing many rows. */
export function matcher(match: Match, isDate = false): (value: CellValue | null | undefined) => boolean | null {
  if ('in' in match) {
    const wanted = smallSet(match.in.map(categoryKey));
    return (value) => {
      if (value === null || value === undefined) return null;
      if (typeof value === 'string') return wanted.has(categoryKey(value));
      if (Array.isArray(value)) return (value as readonly string[]).some((t) => wanted.has(categoryKey(t)));
      return wanted.has(categoryKey(String(value)));
    };
  }
  if ('contains_any' in match) {
    const wanted = smallSet(match.contains_any.map(categoryKey));
    return (value) => {
      if (value === null || value === undefined) return null;
      const tokens = tokensOf(value);
      // A cell of markers only ("unknown; n/a") is as unknown as a blank one: never a mismatch.
      if (!tokens || tokens.length === 0) return null;
      return tokens.some((t) => wanted.has(categoryKey(t)));
    };
  }
  if ('range' in match) {
    const { min, max } = match.range;
    return (value) => {
      if (value === null || value === undefined) return null;
      const n = rangeNumber(value, isDate);
      if (n === undefined) return null;
      return (min === undefined || n >= min) && (max === undefined || n <= max);
    };
  }
  const equals = match.equals;
  return (value) => (typeof value === 'boolean' ? value === equals : null);
}

/** A set with has(): a plain list for a few values, where comparing beats hashing every cell. */
function smallSet(values: string[]): { has(value: string): boolean } {
  return values.length <= 8 ? { has: (value) => values.includes(value) } : new Set(values);
}
