import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdoutKeys, splitHoldout } from '../../src/core/report/holdout.js';
import type { IcpDocument } from '../../src/core/icp/schema.js';
import type { HoldoutSummary } from '../../src/core/report/holdout-run.js';
import type { Table } from '../../src/core/table.js';
import { readTable } from '../../src/io/csv/read-table.js';
import { stringifyIcp } from '../../src/io/yaml.js';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

interface HoldoutJson {
  holdout: HoldoutSummary;
  icp: { generated_at: string };
  inputs: { role: string; rows: number }[];
  verdict: string;
  notes: string[];
}

// The options the saved ICP records, and so the ones the holdout derive must use; not all defaults.
const DERIVE_OPTIONS = ['--fast', '--top', '25%', '--seed', '7'];
const tmp = () => mkdtempSync(join(tmpdir(), 'icp-holdout-e2e-'));
let dir = '';
let first: HoldoutJson | undefined;
/** The first `--holdout 30%` run, shared by the tests that only read it. */
const thirty = (): HoldoutJson => (first ??= json('--holdout', '30%'));

/** Runs report in `dir` on the fixtures' copies; relative names, as a user types them. */
const report = (...args: string[]) => spawnIcp(['report', '--customers', 'customers.csv', '--deals', 'deals.csv', ...args], { cwd: dir });
const json = (...args: string[]): HoldoutJson => {
  const r = report(...args, '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as HoldoutJson;
};
/** What differs between runs, or between a part and a file of its rows: the clock and the digests. */
const comparable = (doc: IcpDocument): IcpDocument => ({ ...doc, generated_at: 'T', source: doc.source.map((s) => ({ ...s, sha256: '-' })) });

beforeAll(() => {
  dir = tmp();
  for (const f of ['customers.csv', 'deals.csv']) copyFileSync(fixture(f), join(dir, f));
  const derived = spawnIcp(['derive', 'customers.csv', '--deals', 'deals.csv', ...DERIVE_OPTIONS, '-q'], { cwd: dir });
  expect(derived.code).toBe(0);
});

describe('icp report --holdout (built binary)', () => {
  it('30% is reproducible: two runs give the same JSON but for the clock; --seed draws another split', () => {
    const [a, b] = [thirty(), json('--holdout', '30%')];
    const strip = (r: HoldoutJson) => JSON.stringify({ ...r, icp: { ...r.icp, generated_at: 'T' }, holdout: { ...r.holdout, icp: comparable(r.holdout.icp) } });
    expect(strip(a)).toBe(strip(b));
    const { icp, ...h } = a.holdout;
    // The seed is the one the ICP recorded (--seed 7 at derive time).
    expect(h).toEqual({
      spec: '30%',
      method: 'random',
      seed: 7,
      date: null,
      derive_customers: 700,
      report_customers: 300,
      derive_deals: h.derive_deals,
      report_deals: 4900 - h.derive_deals,
      left_out_customers: 0,
      left_out_deals: 0,
    });
    expect(icp.options).toMatchObject({ top: '25%', fast: true, seed: 7 });
    expect(a.inputs.map((i) => i.rows)).toEqual([300, 4900 - h.derive_deals]);
    expect(a.verdict).not.toMatch(/^In-sample/);
    expect(a.notes.join('\n')).toMatch(/criteria are not used/);
    const other = json('--holdout', '30%', '--seed', '8');
    expect(other.holdout.seed).toBe(8);
    expect(other.holdout.derive_deals).not.toBe(h.derive_deals);
  });

  it('derives the derive part exactly as "icp derive" does on a file of the same rows', async () => {
    const got = thirty().holdout;
    const customers = await readTable(join(dir, 'customers.csv'));
    const deals = await readTable(join(dir, 'deals.csv'));
    const split = splitHoldout({ customers, deals, keys: holdoutKeys(customers, deals, {}), spec: { share: 0.3, seed: got.seed as number } });
    const part = tmp();
    const write = (name: string, t: Table) => writeFileSync(join(part, name), Papa.unparse([t.header, ...t.rows], { newline: '\n' }) + '\n');
    write('customers.csv', split.derive.customers);
    write('deals.csv', split.derive.deals as Table);
    const r = spawnIcp(['derive', 'customers.csv', '--deals', 'deals.csv', ...DERIVE_OPTIONS, '-o', '-', '--format', 'json'], { cwd: part });
    expect(r.code).toBe(0);
    const fresh = JSON.parse(r.stdout) as IcpDocument;
    // Byte-identical as saved, but for generated_at and the digests (the part is no file of its own).
    expect(stringifyIcp(comparable(got.icp))).toBe(stringifyIcp(comparable(fresh)));
    expect(fresh.source.map((s) => s.rows)).toEqual([700, got.derive_deals]);
  });

  it('splits by date: customers created before it derive, the rest report', () => {
    const { holdout: h } = json('--holdout', '2025-06-01');
    expect(h).toMatchObject({ spec: '2025-06-01', method: 'date', seed: null, date: '2025-06-01', left_out_customers: 0 });
    expect(h.derive_customers + h.report_customers).toBe(1000);
    expect(h.derive_deals + h.report_deals).toBe(4900);
  });

  it('says "out of sample" first in the table and under the title in Markdown', () => {
    const table = report('--holdout', '30%');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('out of sample: ICP derived on 700 customers, reported on 300 others (30% held out at random, seed 7)');
    const md = report('--holdout', '30%', '--format', 'md');
    expect(md.stdout).toMatch(/^# ICP report\n\n\*\*out of sample: ICP derived on 700 customers, reported on 300 others/);
  });

  it('a bad spec is a usage error (exit 2) with a one-line message', () => {
    for (const spec of ['0%', '150%', 'abc']) {
      const r = report('--holdout', spec);
      expect(r.code, spec).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(
        `icp: error: --holdout expects a share of the customers between 0% and 100% such as 30%, or a date such as 2026-01-01, got "${spec}"`,
      );
      expect(r.stdout).toBe('');
    }
    expect(report('--seed', '3').code).toBe(2);
    const noDeals = spawnIcp(['report', '--customers', 'customers.csv', '--holdout', '30%'], { cwd: dir });
    expect([noDeals.code, noDeals.stderr]).toEqual([2, expect.stringMatching(/give --deals/)]);
  });

  it('a split that leaves a part without customers is a data error (exit 1)', () => {
    const early = report('--holdout', '1999-01-01');
    expect([early.code, early.stderr.split('\n')[0]]).toEqual([
      1,
      'icp: error: --holdout 1999-01-01 leaves no customer to derive the ICP on (1000 customers to report on)',
    ]);
    const late = report('--holdout', '2099-01-01');
    expect([late.code, late.stderr.split('\n')[0]]).toEqual([
      1,
      'icp: error: --holdout 2099-01-01 leaves no customer to report on (1000 customers to derive on)',
    ]);
  });

  it('re-derives an ICP mined from the customers alone without the deals, which go only to the report', () => {
    const own = tmp();
    copyFileSync(fixture('customers.csv'), join(own, 'customers.csv'));
    copyFileSync(fixture('deals.csv'), join(own, 'deals.csv'));
    expect(spawnIcp(['derive', 'customers.csv', '--fast', '-q'], { cwd: own }).code).toBe(0);
    const r = spawnIcp(['report', '--customers', 'customers.csv', '--deals', 'deals.csv', '--holdout', '40%', '--format', 'json'], { cwd: own });
    expect(r.code).toBe(0);
    const { holdout: h } = JSON.parse(r.stdout) as HoldoutJson;
    expect([h.derive_customers, h.report_customers, h.seed]).toEqual([600, 400, 20261202]);
    expect(h.icp.source.map((s) => s.role)).toEqual(['customers']);
  });
});
