/** The SQL dialects `icp sql` writes. */
export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark'] as const;
export type DialectName = (typeof DIALECTS)[number];

/**
 * What differs between the warehouses, as SQL text builders. Every regular expression handed to these is
 * written without backslashes (classes such as `[.]` and `[0-9]` instead), so that no dialect's string
 * escaping can change it, and matches a trimmed cell whole (`^...$`, no `.`).
 */
export interface Dialect {
  name: DialectName;
  /**
   * How a row's helper columns are computed once and used after: `lateral` joins (PostgreSQL, DuckDB,
   * Snowflake, Spark), or nested queries whose helpers the outer SELECT leaves out with `* EXCEPT` (BigQuery).
   */
  stages: 'lateral' | 'nested';
  /** The boolean type's name, for a typed NULL. */
  bool: string;
  /** A quoted identifier: a column name as the ICP file spells it. */
  ident(name: string): string;
  /** A string literal: the value is data, whatever it holds. */
  str(value: string): string;
  /** The cell as text, whatever the column's type. */
  text(expr: string): string;
  /** Whether the pattern matches part of the text (patterns anchor themselves). */
  matches(expr: string, pattern: string): string;
  /** The first capture group of the pattern (which has exactly one), NULL or '' when it does not match. */
  extract(expr: string, pattern: string): string;
  /** Every match of the pattern replaced. */
  replaceAll(expr: string, pattern: string, replacement: string): string;
  /** A text already checked to be a decimal literal (`12.5e3`) as a double. */
  toDouble(expr: string): string;
  /** A whole number (a double with no fraction) as the text of an integer. */
  intText(expr: string): string;
  /** A double as the shortest text that reads back as it (JavaScript's String(n) for a fraction). */
  doubleText(expr: string): string;
  /** Texts joined with `sep`, NULL parts left out (concat_ws); '' when every part is NULL. */
  joinNonNull(parts: readonly string[], sep: string): string;
  /** Concatenation of parts none of which is NULL. */
  concat(parts: readonly string[]): string;
  /** The pieces of a text split on a pattern, as the dialect's array. */
  split(expr: string, pattern: string): string;
  /** Whether some piece of an array satisfies pred (the piece's text given as `v`). */
  anyOf(array: string, pred: (v: string) => string): string;
  /** The pieces that satisfy pred, in order, joined with `sep`. */
  joinOf(array: string, pred: (v: string) => string, sep: string): string;
}

/** SQL standard quoting: doubled quotes inside. */
export const doubled = (q: string) => (value: string) => `${q}${value.replaceAll(q, q + q)}${q}`;

/** A string literal whose dialect reads backslash escapes (BigQuery, Snowflake, Spark): backslash and quote escaped. */
export const backslashed = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
