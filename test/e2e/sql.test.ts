import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckdb, type SqlEngine } from '../helpers/sql-engines.js';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

let dir = '';
let duck: SqlEngine;
const icp = (...args: string[]) => spawnIcp(args, { cwd: dir });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'icp-sql-e2e-'));
  for (const f of ['leads.csv', 'customers.csv', 'deals.csv']) copyFileSync(fixture(f), join(dir, f));
  copyFileSync(new URL('../golden/icp.yaml', import.meta.url).pathname, join(dir, 'icp.yaml'));
  duck = await openDuckdb();
});
afterAll(async () => {
  await duck.close();
});

describe('icp sql score (built binary)', () => {
  it("run by DuckDB on the fixture leads, gives every row icp score --explain's columns", async () => {
    const table = `read_csv('${join(dir, 'leads.csv')}', all_varchar = true, header = true)`;
    const sql = icp('sql', 'score', '--dialect', 'duckdb', '--table', table, '--columns-from', 'leads.csv', '--explain');
    expect(sql.code, sql.stderr).toBe(0);
    const got = await duck.query(sql.stdout);
    const scored = icp('score', 'leads.csv', '--explain', '--format', 'csv', '--no-formula-escape', '-o', '-');
    expect(scored.code, scored.stderr).toBe(0);
    const want = Papa.parse<Record<string, string>>(scored.stdout, { header: true, skipEmptyLines: true }).data;
    const cols = ['icp_score', 'icp_tier', 'icp_matched', 'icp_unknown', 'icp_reasons'];
    expect(got.length).toBe(want.length);
    expect(got.map((r) => cols.map((c) => r[c] ?? ''))).toEqual(want.map((r) => cols.map((c) => r[c])));
    expect(new Set(got.map((r) => r.icp_tier)).size).toBeGreaterThan(2);
  });

  it('writes a dbt model around the SELECT, with -o atomically (not over a file without --force)', () => {
    const dbt = icp('sql', 'score', '--dialect', 'snowflake', '--table', "{{ ref('stg_leads') }}", '--format', 'dbt', '-o', 'model.sql');
    expect(dbt.code, dbt.stderr).toBe(0);
    const model = readFileSync(join(dir, 'model.sql'), 'utf8');
    expect(model).toContain("{{ config(materialized='view') }}");
    expect(model).toMatch(/FROM \{\{ ref\('stg_leads'\) \}\} AS icp_leads/);
    const again = icp('sql', 'score', '--dialect', 'snowflake', '--table', 'x', '-o', 'model.sql');
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([1, 'icp: error: cannot write model.sql: it already exists']);
    expect(readFileSync(join(dir, 'model.sql'), 'utf8')).toBe(model);
  });

  it('keeps an ICP value that looks like Jinja as data in a dbt model', () => {
    writeFileSync(join(dir, 'jinja.yaml'), readFileSync(join(dir, 'icp.yaml'), 'utf8').replaceAll('Computer Software', `"{{ run_query('drop') }}"`));
    const dbt = icp('sql', 'score', '--dialect', 'postgres', '--table', "{{ ref('leads') }}", '--icp', 'jinja.yaml', '--format', 'dbt');
    expect(dbt.code, dbt.stderr).toBe(0);
    expect(dbt.stdout).toMatch(/\{% raw %\}[\s\S]*\{\{ run_query\(''drop''\) \}\}[\s\S]*\{% endraw %\}\{\{ ref\('leads'\) \}\}/);
  });

  it("runs the README's DuckDB example as written (the duckdb step through @duckdb/node-api)", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /<!-- sql-example -->\n```sh\n([\s\S]*?)```\n<!-- \/sql-example -->/.exec(readme)?.[1] ?? '';
    const lines = block.trimEnd().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['icp', 'icp', 'duckdb']);
    const work = mkdtempSync(join(tmpdir(), 'icp-sql-readme-'));
    cpSync(fixture('.'), join(work, 'fixtures'), { recursive: true });
    // Shell words: double quotes keep what is inside them, single quotes included.
    const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string).slice(1);
    for (const line of lines.slice(0, 2)) {
      const r = spawnIcp(words(line), { cwd: work });
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
    }
    const rows = await duck.query(`SET file_search_path = '${work}';\n${readFileSync(join(work, 'score-leads.sql'), 'utf8')}`);
    const leads = Papa.parse(readFileSync(join(work, 'fixtures', 'leads.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.length;
    expect(rows.length).toBe(leads);
    expect(rows.some((r) => r.icp_tier === 'A')).toBe(true);
  });

  it('needs --dialect and --table (usage errors), and knows its dialects', () => {
    const none = icp('sql', 'score', '--table', 'leads');
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([2, 'icp: error: icp sql score needs --dialect <name> and --table <name>']);
    const odd = icp('sql', 'score', '--dialect', 'oracle', '--table', 'leads');
    expect(odd.code).toBe(2);
    expect(odd.stderr).toMatch(/--dialect/);
  });
});

describe('icp sql profile (built binary)', () => {
  it('run by DuckDB, gives a file icp derive --value won_value derives the same criteria from as derive --deals', async () => {
    const read = (f: string) => `read_csv('${join(dir, f)}', all_varchar = true, header = true)`;
    const sql = icp(
      'sql',
      'profile',
      '--dialect',
      'duckdb',
      '--customers',
      read('customers.csv'),
      '--deals',
      read('deals.csv'),
      '--customers-from',
      'customers.csv',
      '--deals-from',
      'deals.csv',
    );
    expect(sql.code, sql.stderr).toBe(0);
    await duck.query(`COPY (${sql.stdout}) TO '${join(dir, 'aggregated.csv')}' (HEADER, DELIMITER ',')`);
    const fromSql = icp('derive', 'aggregated.csv', '--value', 'won_value', '--fast', '-o', 'from-sql.yaml', '--format', 'json');
    const fromFiles = icp('derive', 'customers.csv', '--deals', 'deals.csv', '--fast', '-o', 'from-files.yaml', '--format', 'json');
    expect(fromSql.code, fromSql.stderr).toBe(0);
    expect(fromFiles.code, fromFiles.stderr).toBe(0);
    const labels = (out: string) => (JSON.parse(out) as { criteria: { label: string }[] }).criteria.map((c) => c.label);
    expect(labels(fromSql.stdout).length).toBeGreaterThan(2);
    expect(labels(fromSql.stdout)).toEqual(labels(fromFiles.stdout));
    // The sums are outcomes: never mined.
    expect(fromSql.stderr + fromSql.stdout).not.toMatch(/"column": "(won_deals|lost_deals|deals|first_won)"/);
  });

  it('names every column without exports (--key and --map), and says what it needs', () => {
    const named = icp(
      'sql',
      'profile',
      '--dialect',
      'postgres',
      '--customers',
      'crm.accounts',
      '--deals',
      'crm.deals',
      '--key',
      'id=account_id',
      '--map',
      'deal_stage=stage_name',
      '--map',
      'close_date=closed_at',
    );
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toMatch(/icp_deals\."stage_name"/);
    expect(named.stdout).toMatch(/icp_customers\."id"/);
    const none = icp('sql', 'profile', '--dialect', 'postgres', '--customers', 'a', '--deals', 'b');
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([
      2,
      'icp: error: without --customers-from and --deals-from, name the join columns with --key <customer column>=<deal column>',
    ]);
    const half = icp('sql', 'profile', '--dialect', 'postgres', '--customers', 'a', '--deals', 'b', '--deals-from', 'deals.csv');
    expect([half.code, half.stderr.split('\n')[0]]).toEqual([2, 'icp: error: give --customers-from and --deals-from together']);
  });
});
