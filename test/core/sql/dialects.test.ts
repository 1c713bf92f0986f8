import { readFileSync } from 'node:fs';
// The Spark parser alone: the package's index loads (and vitest transforms) all seven of its SQL grammars.
import { SparkSQL } from 'dt-sql-parser/dist/parser/spark/index.js';
import nodeSqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { compileIcp } from '../../../src/core/score/compile.js';
import { DIALECT } from '../../../src/core/sql/dialects.js';
import type { DialectName } from '../../../src/core/sql/dialect.js';
import { scoreSql } from '../../../src/core/sql/score-sql.js';
import { leadCells } from './sql-cases.js';

const parser = new nodeSqlParser.Parser();
const spark = new SparkSQL();

/** The parse errors of a statement by a parser that knows the dialect (none: it parses). */
function parseErrors(dialect: 'bigquery' | 'snowflake' | 'spark', sql: string): string[] {
  if (dialect === 'spark') return spark.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
  try {
    parser.astify(sql, { database: dialect });
    return [];
  } catch (error) {
    return [String((error as Error).message).slice(0, 200)];
  }
}

const golden = (dialect: DialectName) => readFileSync(new URL(`../../golden/sql-${dialect}/expected.out`, import.meta.url), 'utf8');

/** The statement of a generated ICP and lead list (sql-cases.ts: odd names and values, every match kind). */
function generated(dialect: DialectName, seed: number): string {
  // node-sql-parser does not read "" inside a quoted Snowflake name: quoting is tested on its own below.
  const { doc, header, rows } = leadCells('.', seed, 'plain');
  const compiled = compileIcp(
    doc,
    header,
    rows.map((r) => r.map((c) => c ?? '')),
  );
  const columns = compiled.criteria.map((c) => (c.column === undefined ? undefined : header[c.column]));
  return scoreSql(DIALECT[dialect], { compiled, columns, table: 'analytics.leads', explain: true, sha256: 'ab'.repeat(32) });
}

describe('the statements of the dialects without an engine in CI parse with a parser that knows them', () => {
  for (const dialect of ['bigquery', 'snowflake', 'spark'] as const) {
    it(`${dialect}: the golden statement (the fixture ICP) and those of generated ICPs`, () => {
      expect(parseErrors(dialect, golden(dialect))).toEqual([]);
      // The Spark grammar (ANTLR) takes seconds a statement: the goldens only (literals are unit-tested below).
      for (let seed = 1; seed <= (dialect === 'spark' ? 0 : 8); seed++) expect(parseErrors(dialect, generated(dialect, seed)), `seed ${seed}`).toEqual([]);
    }, 60_000);
  }

  for (const dialect of ['bigquery', 'snowflake', 'spark'] as const) {
    it(`${dialect}: the golden icp sql profile statement`, () => {
      expect(parseErrors(dialect, readFileSync(new URL(`../../golden/sql-profile-${dialect}/expected.out`, import.meta.url), 'utf8'))).toEqual([]);
    }, 60_000);
  }

  it('the parsers do reject a broken statement (the check can fail)', () => {
    for (const dialect of ['bigquery', 'snowflake', 'spark'] as const) {
      expect(parseErrors(dialect, 'SELECT a, FROM t AS x WHERE').length, dialect).toBeGreaterThan(0);
      expect(parseErrors(dialect, "SELECT 'O'Reilly' AS a FROM t").length, dialect).toBeGreaterThan(0);
    }
  });
});

describe('the traps of each dialect', () => {
  const hostile = ["O'Reilly", "'); DROP TABLE x; --", 'back\\slash', 'new\nline'];

  it('writes values as literals escaped per dialect: quotes doubled, or backslash escapes where literals read them', () => {
    expect(hostile.map(DIALECT.postgres.str)).toEqual(["'O''Reilly'", "'''); DROP TABLE x; --'", "'back\\slash'", "'new\nline'"]);
    expect(DIALECT.duckdb.str("O'Reilly")).toBe("'O''Reilly'");
    // Spark would read 'O''Reilly' as two literals side by side: OReilly.
    for (const d of ['bigquery', 'snowflake', 'spark'] as const) {
      expect(hostile.map(DIALECT[d].str)).toEqual(["'O\\'Reilly'", "'\\'); DROP TABLE x; --'", "'back\\\\slash'", "'new\\nline'"]);
    }
  });

  it('quotes column names per dialect', () => {
    expect(DIALECT.postgres.ident('a "b"')).toBe('"a ""b"""');
    expect(DIALECT.snowflake.ident('a "b"')).toBe('"a ""b"""');
    expect(DIALECT.bigquery.ident('a `b`')).toBe('`a \\`b\\``');
    expect(DIALECT.spark.ident('a `b`')).toBe('`a ``b```');
  });

  it('Snowflake: REGEXP_LIKE matches the whole text and POSIX has no (?:, so groups are counted; the others match partially', () => {
    expect(DIALECT.snowflake.matches('x', '^(?:a|b)c$')).toBe("REGEXP_LIKE(x, '^(a|b)c$', 's')");
    // A pattern anchored at its start only (a prefix test) is completed to match the whole text.
    expect(DIALECT.snowflake.matches('x', '^[(]')).toBe("REGEXP_LIKE(x, '^[(].*', 's')");
    expect(DIALECT.snowflake.matches('x', 'k$')).toBe("REGEXP_LIKE(x, '.*k$', 's')");
    expect(DIALECT.snowflake.extract('x', '^(?:a|b)([0-9]+)(?:k)?$')).toBe("REGEXP_SUBSTR(x, '^(a|b)([0-9]+)(k)?$', 1, 1, 'e', 2)");
    expect(DIALECT.duckdb.matches('x', '^[(]')).toBe("regexp_matches(x, '^[(]')");
    expect(DIALECT.postgres.matches('x', '^[(]')).toBe("(x ~ '^[(]')");
    expect(DIALECT.spark.matches('x', '^[(]')).toBe("(x RLIKE '^[(]')");
    expect(DIALECT.bigquery.matches('x', '^[(]')).toBe("REGEXP_CONTAINS(x, '^[(]')");
  });

  it("Spark's split takes a Java regex; BigQuery and Snowflake split on a literal, after the separators are replaced", () => {
    expect(DIALECT.spark.split('x', '[;|,]')).toBe("split(x, '[;|,]')");
    expect(DIALECT.bigquery.split('x', '[;|,]')).toBe("SPLIT(REGEXP_REPLACE(x, '[;|,]', '\u001f'), '\u001f')");
    expect(DIALECT.snowflake.split('x', '[;|,]')).toBe("SPLIT(REGEXP_REPLACE(x, '[;|,]', '\u001f'), '\u001f')");
  });

  it("Snowflake's array elements are VARIANT: read back as text before they are compared (no ARRAY_CONTAINS)", () => {
    const sql = DIALECT.snowflake.anyOf('arr', (v) => `lower(${v}) IN ('a')`);
    expect(sql).toBe("ARRAY_SIZE(FILTER(arr, v -> lower(v::STRING) IN ('a'))) > 0");
    expect(golden('snowflake')).not.toMatch(/ARRAY_CONTAINS/);
  });

  it('PostgreSQL has no TRY_CAST: every cast to a number follows the pattern that guards it; no integer division', () => {
    const pg = golden('postgres');
    expect(pg).not.toMatch(/TRY_CAST|SAFE_CAST/);
    expect(pg).toMatch(/CASE WHEN \(lower\(icp__t\d+\) ~ '\^\(\?:/);
    expect(pg).not.toMatch(/\) \/ 2\b(?!\.)/);
    expect(golden('bigquery')).toMatch(/SAFE_CAST\(/);
  });

  it('NULL in concatenation: concat_ws where it skips NULLs, ARRAY_CONSTRUCT_COMPACT on Snowflake (its CONCAT_WS is NULL)', () => {
    expect(DIALECT.postgres.joinNonNull(['a', 'b'], '; ')).toBe("concat_ws('; ', a, b)");
    expect(DIALECT.snowflake.joinNonNull(['a', 'b'], '; ')).toBe("ARRAY_TO_STRING(ARRAY_CONSTRUCT_COMPACT(a, b), '; ')");
    expect(DIALECT.bigquery.joinNonNull(['a', 'b'], '; ')).toBe("ARRAY_TO_STRING([a, b], '; ')");
  });

  it('BigQuery: no lateral joins, so the helper columns are left out with * EXCEPT', () => {
    expect(golden('bigquery')).toMatch(/icp_s\d\.\* EXCEPT \(icp__t1, /);
    expect(golden('spark')).toMatch(/LATERAL \(/);
  });
});
