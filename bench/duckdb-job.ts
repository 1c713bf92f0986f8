/**
 * Runs SQL statements in DuckDB on one thread, as a process of its own so that its wall time and peak
 * memory are measured like icp's. Usage: node duckdb-job.mjs <@duckdb/node-api URL> <statements.json>.
 * The benchmark transpiles this file to plain JavaScript first, so no TypeScript loader is timed.
 */
import { readFileSync } from 'node:fs';

interface DuckDb {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<{ run(sql: string): Promise<unknown> }> }> };
}

const [moduleUrl, statementsFile] = process.argv.slice(2);
if (!moduleUrl || !statementsFile) throw new Error('usage: duckdb-job <module URL> <statements.json>');
const duckdb = (await import(moduleUrl)) as DuckDb;
const statements = JSON.parse(readFileSync(statementsFile, 'utf8')) as string[];
const instance = await duckdb.DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run('SET threads = 1');
for (const sql of statements) await connection.run(sql);
