import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report-types.js';
import { dataset, fixture, spawnIcp } from '../helpers/spawn-icp.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'icp-report-e2e-'));
const rowsOf = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** A hand-written ICP (status manual) with `in` / `range` criteria, as a user would write one. */
function icpFile(dir: string, criteria: string): string {
  const path = join(dir, 'icp.yaml');
  writeFileSync(
    path,
    `version: 1\nname: hand-written\nstatus: manual\ngenerated_at: 2026-11-23T12:00:00Z\nsource: []\ncohort: { measure: manual, rule: by hand, size: 0, total: 0, share_of_value: null }\ncriteria:\n${criteria}tiers: { A: 75, B: 50, C: 25 }\n`,
  );
  return path;
}
const criterion = (column: string, match: string, points: number) =>
  `  - { column: ${column}, attribute: ${column}, category: firmographic, label: "${column} ${match}", match: ${match}, points: ${points} }\n`;

describe('icp report on the fixtures (built binary)', () => {
  it('derives an ICP, then reports ICP vs non-ICP with the verdict, and the same as JSON', () => {
    const dir = tmp();
    expect(spawnIcp(['derive', fixture('customers.csv'), '--deals', fixture('deals.csv'), '-o', join(dir, 'icp.yaml')]).code).toBe(0);
    const table = spawnIcp(['report', '--customers', fixture('customers.csv'), '--deals', fixture('deals.csv'), '--leads', fixture('leads.csv')], { cwd: dir });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /In-sample: these rows built the ICP; expect the real lift to be lower\. ICP accounts hold \d+% of won value as \d+% of accounts: [\d.]+x CLV.*They also win [\d.]+x as often/,
    );
    expect(table.stdout).not.toMatch(/\u001b\[/); // no colour without a TTY
    const json = spawnIcp(['report', '--customers', fixture('customers.csv'), '--deals', fixture('deals.csv'), '--format', 'json'], { cwd: dir });
    const report = JSON.parse(json.stdout) as Report;
    expect(report.significant).toBe(true);
    expect(report.comparison.win_rate_lift).toBeGreaterThan(1.5);
    expect(report.comparison.auc).toBeGreaterThan(0.6);
  });

  it('says the ICP segment is empty, exit 0, when the criteria match nothing', () => {
    const dir = tmp();
    icpFile(dir, criterion('Industry', '{ in: [Underwater Basket Weaving] }', 100));
    const r = spawnIcp(['report', '--customers', fixture('customers.csv'), '--deals', fixture('deals.csv'), '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.segments.icp.accounts).toBe(0);
    expect(report.segments.icp.win_rate).toBeNull();
    expect(report.segments.icp.notes.join(' ')).toMatch(/win_rate/);
    expect(report.segments.non_icp.accounts).toBe(1000);
    expect(report.verdict).toMatch(/The ICP segment is empty/);
  });
});

const MAVEN = dataset('maven-crm-variant');
describe.skipIf(!existsSync(MAVEN))('icp report on maven-crm-variant', () => {
  it('reports negative cycles and unmatched deals in data_quality and still gives the comparison', () => {
    const dir = tmp();
    icpFile(dir, criterion('sector', '{ in: [Finance, IT] }', 60) + criterion('employees', '{ range: { min: 1000 } }', 40));
    const r = spawnIcp(['report', '--customers', join(MAVEN, 'accounts.csv'), '--deals', join(MAVEN, 'sales_pipeline.csv'), '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    // Counted here from the raw files: deals of known accounts that close before their engage date.
    const accounts = new Set(rowsOf(join(MAVEN, 'accounts.csv')).map((a) => a.account_id));
    const deals = rowsOf(join(MAVEN, 'sales_pipeline.csv'));
    const negative = deals.filter((d) => accounts.has(d.account_id) && d.engage_date && d.close_date && d.close_date < d.engage_date!).length;
    const unmatched = deals.filter((d) => !accounts.has(d.account_id)).length;
    expect(negative).toBeGreaterThan(1000);
    expect(report.data_quality.negative_cycles.count).toBe(negative);
    expect(report.data_quality.unmatched_deals.count).toBe(unmatched);
    expect(report.data_quality.deals_total).toBe(deals.length);
    expect(r.stderr).toMatch(new RegExp(`icp: warning: ${negative} deals closed before they were created`));
    // The comparison is still there, with figures.
    expect(report.segments.icp.accounts).toBeGreaterThan(0);
    expect(report.comparison.win_rate_lift).toEqual(expect.any(Number));
    expect(report.comparison.win_rate_p_value).toEqual(expect.any(Number));
    expect(report.comparison.cycle_days_p_value).toEqual(expect.any(Number));
    expect(report.comparison.auc).toEqual(expect.any(Number));
    expect(report.segments.icp.median_cycle_days).toBeGreaterThanOrEqual(0);
  });
});

const OLIST = dataset('olist-funnel');
describe.skipIf(!existsSync(OLIST))('icp report on the olist funnel', () => {
  it('gives conversion rates: a lead converted when its mql_id has a closed deal', () => {
    const dir = tmp();
    icpFile(dir, criterion('origin', '{ in: [organic_search, paid_search] }', 100));
    const mqls = join(OLIST, 'olist_marketing_qualified_leads_dataset.csv');
    const closed = join(OLIST, 'olist_closed_deals_dataset.csv');
    const r = spawnIcp(['report', '--customers', mqls, '--deals', closed, '--leads', mqls, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    // By hand: ICP leads are organic or paid search; converted = mql_id among the closed deals.
    const won = new Set(rowsOf(closed).map((d) => d.mql_id));
    const leads = rowsOf(mqls);
    const icp = leads.filter((l) => ['organic_search', 'paid_search'].includes(l.origin ?? ''));
    const non = leads.filter((l) => !['organic_search', 'paid_search'].includes(l.origin ?? ''));
    const rate = (ls: typeof leads) => ls.filter((l) => won.has(l.mql_id)).length / ls.length;
    expect(report.segments.icp.leads).toBe(icp.length);
    expect(report.segments.icp.conversion_rate).toBeCloseTo(rate(icp), 12);
    expect(report.segments.non_icp.conversion_rate).toBeCloseTo(rate(non), 12);
    expect(report.comparison.conversion_lift).toBeCloseTo(rate(icp) / rate(non), 12);
    expect(report.segments.icp.conversion_rate_ci?.[0]).toBeLessThan(rate(icp));
    // Closed deals carry no create date: cycles run from the lead's first contact to the won date.
    const day = (text: string) => {
      const [d, m, y, hh = '0', mm = '0'] = text.split(/[- :]/);
      return Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm));
    };
    const firstContact = new Map(leads.map((l) => [l.mql_id, day(l.first_contact_date ?? '')]));
    const icpIds = new Set(icp.map((l) => l.mql_id));
    const cycles = rowsOf(closed)
      .filter((d) => icpIds.has(d.mql_id))
      .map((d) => (day(d.won_date ?? '') - (firstContact.get(d.mql_id) as number)) / 86_400_000)
      .filter((days) => days >= 0)
      .sort((a, b) => a - b);
    const mid = cycles.length / 2;
    const median = cycles.length % 2 === 1 ? (cycles[Math.floor(mid)] as number) : ((cycles[mid - 1] as number) + (cycles[mid] as number)) / 2;
    expect(report.segments.icp.median_cycle_days).toBeCloseTo(median, 9);
    expect(report.data_quality.cycle_start).toEqual({ from: 'customers', column: 'first_contact_date' });
    expect(r.stderr).toMatch(/no create date: sales cycles run from .*"first_contact_date" to each customer's first won deal/);
    // Closed deals carry no stage: no win rate, and the report says why.
    expect(report.segments.icp.win_rate).toBeNull();
    expect(report.notes.join(' ')).toMatch(/converted = the lead's "mql_id" has a won deal/);
    expect(report.verdict).toMatch(/ICP leads convert [\d.]+x as often/);
  });
});
