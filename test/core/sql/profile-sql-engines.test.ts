import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRoles } from '../../../src/core/columns/roles.js';
import { joinDealTable } from '../../../src/core/profile/deal-join.js';
import { normalizeKey } from '../../../src/core/profile/keys.js';
import { median } from '../../../src/core/stats/median.js';
import { DIALECT } from '../../../src/core/sql/dialects.js';
import { profileColumns } from '../../../src/core/sql/profile-columns.js';
import { profileSql } from '../../../src/core/sql/profile-sql.js';
import type { Table } from '../../../src/core/table.js';
import { openDuckdb, openPostgres, type SqlEngine } from '../../helpers/sql-engines.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

let engines: SqlEngine[] = [];
const read = (name: string) => tableFromCsv(name, readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8'));
const customers = read('customers.csv');
const deals = read('deals.csv');

beforeAll(async () => {
  engines = [await openDuckdb(), await openPostgres()];
  for (const e of engines) {
    await e.load('customers', customers.header, customers.rows);
    await e.load('deals', deals.header, deals.rows);
  }
}, 60_000);
afterAll(async () => {
  for (const e of engines) await e.close();
});

const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));

/** derive's own join of the tables (joinDealTable, as readJoinedDeals streams it), per customer row. */
function expected(c: Table, d: Table, window: { since?: number; until?: number }) {
  const joined = joinDealTable(c, assignRoles(c.header, new Map()), d, { since: window.since, until: window.until });
  const key = joined.keys.customerColumn;
  return c.rows.map((row) => {
    const s = joined.byKey.get(normalizeKey(row[key]));
    return s ? [s.deals, s.won, s.lost, s.open, s.wonValue, day(s.firstWon), day(s.lastWon), median(s.cycleDays)] : [0, 0, 0, 0, 0, null, null, null];
  });
}

async function sqlRows(engine: SqlEngine, window: { since?: number; until?: number }) {
  const found = profileColumns(customers, deals, { map: new Map() });
  const sql = profileSql(DIALECT[engine.name], {
    customers: { table: 'customers', key: found.customerKey },
    deals: { table: 'deals', ...found.deals },
    window,
  });
  const rows = await engine.query(`SELECT * FROM (\n${sql}) AS q ORDER BY CAST(q."Record ID" AS BIGINT)`);
  const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => [
    num(r.deals),
    num(r.won_deals),
    num(r.lost_deals),
    num(r.open_deals),
    num(r.won_value),
    r.first_won?.slice(0, 10) ?? null,
    r.last_won?.slice(0, 10) ?? null,
    num(r.median_cycle_days),
  ]);
}

/** Equal, sums and medians to a part in 10^9 (the engines add in their own order). */
function same(got: (number | string | null)[][], want: (number | string | null)[][]) {
  expect(got.length).toBe(want.length);
  got.forEach((row, i) => {
    row.forEach((v, j) => {
      const w = want[i]?.[j] ?? null;
      if (typeof w === 'number' && typeof v === 'number')
        expect(Math.abs(v - w), `row ${i} column ${j}: ${v} vs ${w}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
      else expect(v, `row ${i} column ${j}`).toBe(w);
    });
  });
}

describe("icp sql profile on DuckDB and PostgreSQL (PGlite) equals derive's own join of the fixtures", () => {
  const sorted = () => {
    const at = customers.header.indexOf('Record ID');
    return [...customers.rows.keys()].sort((a, b) => Number(customers.rows[a]?.[at]) - Number(customers.rows[b]?.[at]));
  };

  it('per customer: deals, won, lost, open, won value, first and last won, median cycle', async () => {
    const order = sorted();
    const want = expected(customers, deals, {});
    expect(want.filter((r) => (r[1] as number) > 0).length).toBeGreaterThan(500);
    for (const engine of engines)
      same(
        await sqlRows(engine, {}),
        order.map((i) => want[i] as (number | string | null)[]),
      );
  }, 60_000);

  it('inside a --since/--until window on the close date', async () => {
    const window = { since: Date.UTC(2025, 3, 1), until: Date.UTC(2026, 0, 1) - 1 };
    const order = sorted();
    const want = expected(customers, deals, window);
    for (const engine of engines)
      same(
        await sqlRows(engine, window),
        order.map((i) => want[i] as (number | string | null)[]),
      );
  }, 60_000);
});
