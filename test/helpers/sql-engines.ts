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

/** Rows in groups of at most 2,000 parameters: one INSERT each. */
function chunks<T>(rows: readonly T[], width: number): T[][] {
  const size = Math.max(1, Math.floor(2000 / Math.max(1, width)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const asText = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

export async function openDuckdb(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  return {
    name: 'duckdb',
    async load(name, header, rows) {
      await c.run(`CREATE OR REPLACE TABLE ${quoted(name)} (${header.map((h) => `${quoted(h)} VARCHAR`).join(', ')})`);
      for (const chunk of chunks(rows, header.length)) {
        const values = chunk.map(() => `(${header.map(() => '?').join(', ')})`).join(', ');
        await c.run(
          `INSERT INTO ${quoted(name)} VALUES ${values}`,
          chunk.flatMap((r) => header.map((_, i) => r[i] ?? null)),
        );
      }
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
      for (const chunk of chunks(rows, header.length)) {
        let n = 0;
        const values = chunk.map(() => `(${header.map(() => `$${++n}`).join(', ')})`).join(', ');
        await db.query(
          `INSERT INTO ${quoted(name)} VALUES ${values}`,
          chunk.flatMap((r) => header.map((_, i) => r[i] ?? null)),
        );
      }
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
