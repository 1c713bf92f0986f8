import { backslashed, type Dialect, type DialectName, doubled } from './dialect.js';

const list = (parts: readonly string[]) => parts.join(', ');
// BigQuery and Snowflake split only on a literal: the separators are first replaced by this character.
const UNIT = '\u001f';

/** DuckDB: RE2 patterns, regexp_extract '' on no match, lists with lambdas. */
const duckdb: Dialect = {
  name: 'duckdb',
  // Nested, not lateral: DuckDB decorrelates a lateral join into a hash join that held 2 GB for 1M leads.
  stages: 'nested',
  starExcept: 'EXCLUDE',
  materialized: ' MATERIALIZED',
  bool: 'BOOLEAN',
  textType: 'VARCHAR',
  ident: doubled('"'),
  str: doubled("'"),
  text: (e) => `CAST(${e} AS VARCHAR)`,
  matches: (e, p) => `regexp_matches(${e}, ${duckdb.str(p)})`,
  extract: (e, p) => `regexp_extract(${e}, ${duckdb.str(p)}, 1)`,
  replaceAll: (e, p, r) => `regexp_replace(${e}, ${duckdb.str(p)}, ${duckdb.str(r)}, 'g')`,
  toDouble: (e) => `CAST(${e} AS DOUBLE)`,
  intText: (e) => `CAST(CAST(${e} AS BIGINT) AS VARCHAR)`,
  doubleText: (e) => `CAST(${e} AS VARCHAR)`,
  joinNonNull: (parts, sep) => `concat_ws(${duckdb.str(sep)}, ${list(parts)})`,
  concat: (parts) => `(${parts.join(' || ')})`,
  split: (e, p) => `string_split_regex(${e}, ${duckdb.str(p)})`,
  anyOf: (a, pred) => `len(list_filter(${a}, lambda v: ${pred('v')})) > 0`,
  joinOf: (a, pred, sep) => `array_to_string(list_filter(${a}, lambda v: ${pred('v')}), ${duckdb.str(sep)})`,
  median: (e) => ({ agg: `median(${e})` }),
  msToDate: (ms) => `CAST(make_timestamp(CAST(${ms} * 1000 AS BIGINT)) AS DATE)`,
};

/** PostgreSQL: ARE patterns, regexp_match NULL on no match, arrays through unnest; no TRY_CAST (patterns guard casts). */
const postgres: Dialect = {
  name: 'postgres',
  stages: 'lateral',
  starExcept: '',
  materialized: ' MATERIALIZED',
  bool: 'BOOLEAN',
  textType: 'TEXT',
  ident: doubled('"'),
  str: doubled("'"),
  text: (e) => `CAST(${e} AS TEXT)`,
  matches: (e, p) => `(${e} ~ ${postgres.str(p)})`,
  extract: (e, p) => `(regexp_match(${e}, ${postgres.str(p)}))[1]`,
  replaceAll: (e, p, r) => `regexp_replace(${e}, ${postgres.str(p)}, ${postgres.str(r)}, 'g')`,
  toDouble: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  intText: (e) => `CAST(CAST(${e} AS BIGINT) AS TEXT)`,
  doubleText: (e) => `CAST(${e} AS TEXT)`,
  joinNonNull: (parts, sep) => `concat_ws(${postgres.str(sep)}, ${list(parts)})`,
  concat: (parts) => `(${parts.join(' || ')})`,
  split: (e, p) => `regexp_split_to_array(${e}, ${postgres.str(p)})`,
  anyOf: (a, pred) => `EXISTS (SELECT 1 FROM unnest(${a}) AS icp_t(v) WHERE ${pred('v')})`,
  joinOf: (a, pred, sep) =>
    `array_to_string(ARRAY(SELECT v FROM unnest(${a}) WITH ORDINALITY AS icp_t(v, n) WHERE ${pred('v')} ORDER BY n), ${postgres.str(sep)})`,
  median: (e) => ({ agg: `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${e})` }),
  msToDate: (ms) => `CAST(TIMESTAMP 'epoch' + ${ms} * INTERVAL '1 millisecond' AS DATE)`,
};

/** BigQuery: RE2, REGEXP_EXTRACT allows one capture group, backslash escapes in literals, SAFE_CAST. */
const bigquery: Dialect = {
  name: 'bigquery',
  stages: 'nested',
  starExcept: 'EXCEPT',
  materialized: '',
  bool: 'BOOL',
  textType: 'STRING',
  ident: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  str: backslashed,
  text: (e) => `CAST(${e} AS STRING)`,
  matches: (e, p) => `REGEXP_CONTAINS(${e}, ${backslashed(p)})`,
  extract: (e, p) => `REGEXP_EXTRACT(${e}, ${backslashed(p)})`,
  replaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${backslashed(p)}, ${backslashed(r)})`,
  toDouble: (e) => `SAFE_CAST(${e} AS FLOAT64)`,
  intText: (e) => `CAST(CAST(${e} AS INT64) AS STRING)`,
  doubleText: (e) => `CAST(${e} AS STRING)`,
  joinNonNull: (parts, sep) => `ARRAY_TO_STRING([${list(parts)}], ${backslashed(sep)})`,
  concat: (parts) => `CONCAT(${list(parts)})`,
  split: (e, p) => `SPLIT(REGEXP_REPLACE(${e}, ${backslashed(p)}, ${backslashed(UNIT)}), ${backslashed(UNIT)})`,
  anyOf: (a, pred) => `EXISTS (SELECT 1 FROM UNNEST(${a}) AS v WHERE ${pred('v')})`,
  joinOf: (a, pred, sep) => `ARRAY_TO_STRING(ARRAY(SELECT v FROM UNNEST(${a}) AS v WITH OFFSET AS n WHERE ${pred('v')} ORDER BY n), ${backslashed(sep)})`,
  // PERCENTILE_CONT is analytic only: over the customer's rows, then any of them (they are all the same).
  median: (e, partition) => ({ window: `PERCENTILE_CONT(${e}, 0.5) OVER (PARTITION BY ${partition})`, agg: 'MAX(icp_median_rows)' }),
  msToDate: (ms) => `DATE(TIMESTAMP_MILLIS(CAST(${ms} AS INT64)))`,
};

/**
 * Snowflake's POSIX patterns have no non-capturing group: `(?:` becomes `(`, and the group to extract is
 * counted. REGEXP_LIKE matches the whole text (the patterns are anchored anyway).
 */
function posix(pattern: string): { pattern: string; group: number } {
  const capture = pattern.search(/\((?!\?:)/);
  const group = capture < 0 ? 0 : (pattern.slice(0, capture + 1).match(/\(/g) ?? []).length;
  return { pattern: pattern.replaceAll('(?:', '('), group };
}

/** A pattern that matches part of a text, as one that matches it whole. */
function whole(pattern: string): string {
  return `${pattern.startsWith('^') ? pattern : `.*${pattern}`}${pattern.endsWith('$') ? '' : '.*'}`;
}

const snowflake: Dialect = {
  name: 'snowflake',
  stages: 'lateral',
  starExcept: '',
  materialized: '',
  bool: 'BOOLEAN',
  textType: 'VARCHAR',
  ident: doubled('"'),
  str: backslashed,
  text: (e) => `TO_VARCHAR(${e})`,
  // REGEXP_LIKE matches the whole text: a pattern anchored at one end only is completed ('s': . takes newlines).
  matches: (e, p) => `REGEXP_LIKE(${e}, ${backslashed(whole(posix(p).pattern))}, 's')`,
  extract: (e, p) => {
    const { pattern, group } = posix(p);
    return `REGEXP_SUBSTR(${e}, ${backslashed(pattern)}, 1, 1, 'e', ${group})`;
  },
  replaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${backslashed(posix(p).pattern)}, ${backslashed(r)})`,
  toDouble: (e) => `TRY_TO_DOUBLE(${e})`,
  intText: (e) => `TO_VARCHAR(CAST(${e} AS NUMBER(38, 0)))`,
  doubleText: (e) => `TO_VARCHAR(${e})`,
  // CONCAT_WS is NULL when any part is: the parts go through an array that drops NULLs.
  joinNonNull: (parts, sep) => `ARRAY_TO_STRING(ARRAY_CONSTRUCT_COMPACT(${list(parts)}), ${backslashed(sep)})`,
  concat: (parts) => `(${parts.join(' || ')})`,
  split: (e, p) => `SPLIT(REGEXP_REPLACE(${e}, ${backslashed(posix(p).pattern)}, ${backslashed(UNIT)}), ${backslashed(UNIT)})`,
  // Array elements are VARIANT: each is read back as text before it is compared.
  anyOf: (a, pred) => `ARRAY_SIZE(FILTER(${a}, v -> ${pred('v::STRING')})) > 0`,
  joinOf: (a, pred, sep) => `ARRAY_TO_STRING(FILTER(${a}, v -> ${pred('v::STRING')}), ${backslashed(sep)})`,
  median: (e) => ({ agg: `MEDIAN(${e})` }),
  msToDate: (ms) => `TO_DATE(TO_TIMESTAMP_NTZ(CAST(${ms} AS NUMBER(38, 0)), 3))`,
};

/** Spark SQL: Java patterns (split too), regexp_extract '' on no match, backslash escapes and `'a' 'b'` concatenation in literals. */
const spark: Dialect = {
  name: 'spark',
  stages: 'lateral',
  starExcept: '',
  materialized: '',
  bool: 'BOOLEAN',
  textType: 'STRING',
  ident: (name) => `\`${name.replaceAll('`', '``')}\``,
  str: backslashed,
  text: (e) => `CAST(${e} AS STRING)`,
  matches: (e, p) => `(${e} RLIKE ${backslashed(p)})`,
  extract: (e, p) => `regexp_extract(${e}, ${backslashed(p)}, 1)`,
  replaceAll: (e, p, r) => `regexp_replace(${e}, ${backslashed(p)}, ${backslashed(r)})`,
  toDouble: (e) => `CAST(${e} AS DOUBLE)`,
  intText: (e) => `CAST(CAST(${e} AS BIGINT) AS STRING)`,
  doubleText: (e) => `CAST(${e} AS STRING)`,
  joinNonNull: (parts, sep) => `concat_ws(${backslashed(sep)}, ${list(parts)})`,
  concat: (parts) => `concat(${list(parts)})`,
  split: (e, p) => `split(${e}, ${backslashed(p)})`,
  anyOf: (a, pred) => `exists(${a}, v -> ${pred('v')})`,
  joinOf: (a, pred, sep) => `array_join(filter(${a}, v -> ${pred('v')}), ${backslashed(sep)})`,
  median: (e) => ({ agg: `percentile(${e}, 0.5)` }),
  msToDate: (ms) => `to_date(timestamp_millis(CAST(${ms} AS BIGINT)))`,
};

export const DIALECT: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, bigquery, snowflake, spark };
