import { MISSING_MARKERS } from '../columns/parse/missing.js';
import type { Dialect } from './dialect.js';

/**
 * JavaScript's white space (what String.prototype.trim and `\s` take), as the characters themselves: the
 * engines' own `\s` and TRIM take fewer (ASCII only, or spaces only).
 */
export const WS = '[\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]';

/**
 * The SQL of one cell once it is trimmed (`trimmed`: a column of the statement's first stage, NULL for a
 * NULL cell): lower-cased for categories and markers.
 */
export interface CellSql {
  trimmed: string;
  key: string;
}

/** A column of the leads as text, trimmed as JavaScript trims: the first stage's expression. */
export function trimmedSql(d: Dialect, column: string): string {
  return d.replaceAll(d.text(`icp_leads.${d.ident(column)}`), `^${WS}+|${WS}+$`, '');
}

export function cellOf(trimmed: string): CellSql {
  return { trimmed, key: `lower(${trimmed})` };
}

/** `x IN ('a', 'b')`, or FALSE for no values. */
export function inList(d: Dialect, expr: string, values: Iterable<string>): string {
  const literals = [...new Set(values)].map((v) => d.str(v));
  return literals.length === 0 ? 'FALSE' : `${expr} IN (${literals.join(', ')})`;
}

/** Whether a lower-cased, trimmed text is a missing marker (isMissing): '', n/a, unknown, none, ... */
export function isMarker(d: Dialect, key: string): string {
  return inList(d, key, MISSING_MARKERS);
}

/** Whether a cell is missing: NULL, or a marker once trimmed and lower-cased. */
export function missingSql(d: Dialect, cell: CellSql): string {
  return `(${cell.trimmed} IS NULL OR ${isMarker(d, cell.key)})`;
}

/** The text of an extraction, NULL when the pattern did not match (the dialects give '' or NULL). */
export function extracted(d: Dialect, expr: string, pattern: string): string {
  return `NULLIF(${d.extract(expr, pattern)}, '')`;
}
