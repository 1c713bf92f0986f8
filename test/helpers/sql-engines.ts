import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';

/** A real SQL engine a test runs the generated statements on: a table of text columns in, rows of text out. */
export interface SqlEngine {
  name: 'duckdb' | 'postgres';
  /** Replaces table `name` with these text columns and rows (null: SQL NULL), inserted as parameters. */
  load(name: string, header: readonly string[], rows: readonly (readonly (string | null)[])[]): Promise<void>;
  /** The rows of a query, every value as text (null for NULL). */
  query(sql: string): Promise<Record<string, string | null>[]>;
  close(): Promise<void>;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export async function openDuckdb(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  return {
    name: 'duckdb',
    async load(name, header, rows) {
      await c.run(`CREATE OR REPLACE TABLE ${quoted(name)} (${header.map((h) => `${quoted(h)} VARCHAR`).join(', ')})`);
      const insert = `INSERT INTO ${quoted(name)} VALUES (${header.map(() => '?').join(', ')})`;
      for (const row of rows) await c.run(insert, [...row]);
    },
    async query(sql) {
      const result = await c.runAndReadAll(sql);
      return result.getRowObjectsJson().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asText(v)])));
    },
    async close() {
      c.closeSync();
    },
  };
}

export async function openPostgres(): Promise<SqlEngine> {
  const db = new PGlite();
  return {
    name: 'postgres',
    async load(name, header, rows) {
      await db.exec(`DROP TABLE IF EXISTS ${quoted(name)}; CREATE TABLE ${quoted(name)} (${header.map((h) => `${quoted(h)} TEXT`).join(', ')})`);
      const insert = `INSERT INTO ${quoted(name)} VALUES (${header.map((_, i) => `$${i + 1}`).join(', ')})`;
      for (const row of rows) await db.query(insert, [...row]);
    },
    async query(sql) {
      const result = await db.query<Record<string, unknown>>(sql);
      return result.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asText(v)])));
    },
    async close() {
      await db.close();
    },
  };
}
