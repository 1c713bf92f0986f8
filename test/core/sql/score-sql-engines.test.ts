import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { compileIcp } from '../../../src/core/score/compile.js';
import { scoreRow } from '../../../src/core/score/score-row.js';
import { DIALECT } from '../../../src/core/sql/dialects.js';
import { pointsColumns, scoreSql } from '../../../src/core/sql/score-sql.js';
import { checkIcpText } from '../../../src/io/yaml.js';
import { openDuckdb, openPostgres, type SqlEngine } from '../../helpers/sql-engines.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';
import { leadCells, type Mark } from './sql-cases.js';

let engines: SqlEngine[] = [];
beforeAll(async () => {
  engines = [await openDuckdb(), await openPostgres()];
});
afterAll(async () => {
  for (const e of engines) await e.close();
});

const SHA = 'ab'.repeat(32);

/** What `icp score` writes for a row, with each criterion's points (null: unknown): the SQL must return the same. */
function expected(doc: IcpDocument, header: readonly string[], rows: readonly (readonly (string | null)[])[]) {
  const cells = rows.map((r) => r.map((c) => c ?? ''));
  const compiled = compileIcp(doc, header, cells);
  const label = (i: number) => compiled.criteria[i]?.criterion.label ?? '';
  const want = cells.map((r) => {
    const reasons: string[] = [];
    const s = scoreRow(compiled, r, reasons);
    const pts = doc.criteria.map((c, i) => (s.unknown.includes(i) ? null : s.matched.includes(i) ? String(c.points) : '0'));
    return [String(s.score), s.tier, s.matched.map(label).join('; '), s.unknown.map(label).join('; '), reasons.join('; '), ...pts];
  });
  return { compiled, want };
}

async function sqlRows(engine: SqlEngine, doc: IcpDocument, header: readonly string[], rows: readonly (readonly (string | null)[])[]) {
  const { compiled, want } = expected(doc, header, rows);
  const columns = compiled.criteria.map((c) => (c.column === undefined ? undefined : header[c.column]));
  await engine.load('leads', header, rows);
  const sql = scoreSql(DIALECT[engine.name], { compiled, columns, table: 'leads', explain: true, sha256: SHA });
  const got = await engine.query(`SELECT * FROM (\n${sql}) AS q ORDER BY CAST(row_id AS INTEGER)`);
  const names = pointsColumns(doc);
  const have = got.map((r) => [r.icp_score, r.icp_tier, r.icp_matched, r.icp_unknown, r.icp_reasons, ...names.map((n) => r[n] ?? null)]);
  return { want, have, got };
}

describe('icp sql score on DuckDB and PostgreSQL (PGlite) equals icp score', () => {
  it('on generated ICPs (every match kind, anti-fit, disqualify, missing columns, odd values and names) over generated leads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Mark>('.', ','), fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (mark, seed) => {
        const { doc, header, rows } = leadCells(mark, seed);
        for (const engine of engines) {
          const { want, have } = await sqlRows(engine, doc, header, rows);
          expect(have, `${engine.name}, seed ${seed}, mark ${mark}`).toEqual(want);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('on the fixture ICP over the fixture leads (the ICP icp derive writes for them)', async () => {
    const doc = checkIcpText(readFileSync(new URL('../../golden/icp.yaml', import.meta.url), 'utf8'), 'icp.yaml').doc as IcpDocument;
    const leads = tableFromCsv('leads.csv', readFileSync(new URL('../../../fixtures/leads.csv', import.meta.url), 'utf8'));
    const header = ['row_id', ...leads.header];
    const rows = leads.rows.map((r, i) => [String(i), ...r]);
    for (const engine of engines) {
      const { want, have } = await sqlRows(engine, doc, header, rows);
      expect(new Set(want.map((w) => w[1])).size, 'tiers').toBeGreaterThan(2);
      expect(have, engine.name).toEqual(want);
    }
  }, 60_000);

  it('returns every column of the table as it was, then icp_version', async () => {
    const { doc, header, rows } = leadCells('.', 7);
    for (const engine of engines) {
      const { got } = await sqlRows(engine, doc, header, rows);
      expect(Object.keys(got[0] ?? {}).slice(0, header.length)).toEqual(header);
      expect(got.map((r) => header.map((h) => r[h]))).toEqual(rows.map((r) => [...r]));
      expect(new Set(got.map((r) => r.icp_version))).toEqual(new Set([`${SHA.slice(0, 12)} ${doc.generated_at}`]));
    }
  }, 60_000);
});
