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
  /** The keyword of a star that leaves columns out (nested stages): BigQuery's EXCEPT, DuckDB's EXCLUDE. */
  starExcept: string;
  /**
   * How a WITH query is kept whole: PostgreSQL (and DuckDB) would fold a query used once into the next,
   * reading the same regular expressions again for every use of its columns; ` MATERIALIZED` stops that.
   */
  materialized: string;
  /** The boolean and text types' names, for typed NULLs. */
  bool: string;
  textType: string;
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
  /**
   * The median of a group's values (the mean of the middle two for an even count), NULLs left out: an
   * aggregate; or (BigQuery, whose PERCENTILE_CONT is analytic only) a window column over the group's rows
   * (`window`, named `icp_median_rows`) that the aggregate then reads.
   */
  median(expr: string, partition: string): { window?: string; agg: string };
  /** Epoch milliseconds (UTC) as a DATE. */
  msToDate(ms: string): string;
}

/** SQL standard quoting: doubled quotes inside. */
export const doubled = (q: string) => (value: string) => `${q}${value.replaceAll(q, q + q)}${q}`;

/** A string literal whose dialect reads backslash escapes (BigQuery, Snowflake, Spark): backslash and quote escaped. */
export const backslashed = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
