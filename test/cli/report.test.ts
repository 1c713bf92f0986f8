import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report-types.js';
import { runCli } from '../helpers/run-cli.js';
import { fixture } from '../helpers/spawn-icp.js';

const CUSTOMERS = fixture('customers.csv');
const DEALS = fixture('deals.csv');
const LEADS = fixture('leads.csv');

function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-report-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// One ICP derived from the fixtures, shared by the tests that need a real one.
let dir: string;
beforeAll(async () => {
  dir = workdir();
  const derived = await runCli(['derive', CUSTOMERS, '--deals', DEALS, '-o', 'icp.yaml'], { cwd: dir });
  expect(derived.code).toBe(0);
});

describe('icp report: options', () => {
  it('exits 2 without --customers, with bad tiers or dates, or two stdin inputs', async () => {
    for (const args of [
      ['--deals', DEALS],
      ['--customers', CUSTOMERS, '--icp-tiers', 'A,E'],
      ['--customers', CUSTOMERS, '--since', 'last week'],
      ['--customers', CUSTOMERS, '--since', '2026-05-01', '--until', '2026-01-01'],
      ['--customers', '-', '--deals', '-'],
    ]) {
      const r = await runCli(['report', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^icp: error: /);
    }
  });

  it('exits 1 with a hint when there is no icp.yaml', async () => {
    const r = await runCli(['report', '--customers', CUSTOMERS], { cwd: workdir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/icp\.yaml/);
    expect(r.stderr).toMatch(/hint: .*icp derive.*--icp/);
  });

  it('exits 1 on an invalid ICP with the same problem lines as icp validate', async () => {
    const bad = workdir({ 'bad.yaml': 'version: 1\nname: x\nstatus: maybe\ncriteria: []\n' });
    const report = await runCli(['report', '--icp', 'bad.yaml', '--customers', CUSTOMERS], { cwd: bad });
    const validate = await runCli(['validate', 'bad.yaml'], { cwd: bad });
    expect(report.code).toBe(1);
    const problems = validate.stdout.split('\n').filter((l) => /bad\.yaml:\d+/.test(l));
    expect(problems.length).toBeGreaterThan(1);
    for (const line of problems) expect(report.stderr).toContain(line.replace(/^\s*/, '').replace(/^icp: error: /, ''));
  });
});

describe('icp report: output', () => {
  it('prints ICP and non-ICP side by side, the tiers with bars, and the verdict (table by default)', async () => {
    const r = await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--leads', LEADS], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Verdict\nICP accounts win \d+(\.\d)?x as often \(\d+% vs \d+%, p < 0\.001\) and close \d+ days faster\. ICP leads convert/);
    expect(r.stdout).toMatch(/ICP \(tiers A, B\) .*non-ICP/);
    expect(r.stdout).toMatch(/A \(ICP\) .*█+░*/);
    expect(r.stdout).toMatch(/By source \(.*Original Source\)/);
    expect(r.stdout).toMatch(/CLV = total_won_value \/ accounts/);
  });

  it('gives JSON with the contract names; --icp-tiers A narrows the ICP to tier A', async () => {
    const ab = JSON.parse((await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'json'], { cwd: dir })).stdout) as Report;
    const a = JSON.parse((await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'json', '--icp-tiers', 'a'], { cwd: dir })).stdout) as Report;
    for (const key of ['accounts', 'deals', 'won', 'lost', 'open', 'win_rate', 'win_rate_ci', 'median_cycle_days', 'avg_won_value', 'total_won_value', 'clv', 'notes']) {
      expect(ab.segments.icp).toHaveProperty(key);
    }
    for (const key of ['win_rate_lift', 'win_rate_p_value', 'cycle_days_p_value', 'clv_ratio', 'auc']) expect(ab.comparison).toHaveProperty(key);
    expect(Object.keys(ab.tiers)).toEqual(['A', 'B', 'C', 'D']);
    expect(ab.segments.icp.accounts).toBe((ab.tiers.A?.accounts ?? 0) + (ab.tiers.B?.accounts ?? 0));
    expect(a.icp.icp_tiers).toEqual(['A']);
    expect(a.segments.icp.accounts).toBe(ab.tiers.A?.accounts);
    expect(a.segments.icp.win_rate).toBe(ab.tiers.A?.win_rate);
  });

  it('filters deals by close date with --since/--until', async () => {
    const all = JSON.parse((await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'json'], { cwd: dir })).stdout) as Report;
    const r = await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'json', '--since', '2025-01-01', '--until', '2025-06-30'], { cwd: dir });
    const part = JSON.parse(r.stdout) as Report;
    expect(part.window).toEqual({ since: '2025-01-01', until: '2025-06-30' });
    expect(part.data_quality.deals_outside_window).toBeGreaterThan(0);
    expect(part.data_quality.deals_matched! + part.data_quality.deals_outside_window).toBe(all.data_quality.deals_total);
    expect(part.segments.icp.deals! + part.segments.non_icp.deals!).toBe(part.data_quality.deals_matched);
  });

  it('writes Markdown atomically with -o, saying so on stderr', async () => {
    const r = await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'md', '-o', 'report.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote report\.md \(md\); ICP accounts win/m);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# ICP report\n/);
    expect(md).toMatch(/## ICP vs non-ICP\n\n\| +\| ICP \(tiers A, B\) \| non-ICP \|/);
    expect(md).toMatch(/## Formulas\n\n- `win_rate`: won \/ \(won \+ lost\)/);
    expect(md).not.toMatch(/\u001b\[|█/);
  });

  it('warns about data quality on stderr (and not with --quiet)', async () => {
    const files = workdir({
      'icp.yaml': readFileSync(join(dir, 'icp.yaml'), 'utf8'),
      'c.csv': 'Record ID,Industry\n1,Computer Software\n2,Retail\n',
      'd.csv': 'Associated Company IDs,Deal Stage,Create Date,Close Date,Amount\n1,Closed Won,2026-02-01,2026-01-01,5\n7,Closed Lost,2026-01-01,2026-02-01,5\n',
    });
    const r = await runCli(['report', '--customers', 'c.csv', '--deals', 'd.csv', '--format', 'json'], { cwd: files });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/icp: warning: 1 deal matches no account in \S*c\.csv \(e\.g\. 7\): left out \(\S*d\.csv\)/);
    expect(r.stderr).toMatch(/icp: warning: 1 deal closed before it was created \(won, left out of the cycle figures\)/);
    expect(r.stderr).toMatch(/icp: warning: no column "Web Technologies" for "Web Technologies includes Salesforce": unknown for every account/);
    const q = JSON.parse(r.stdout) as Report;
    expect(q.data_quality.unmatched_deals.count).toBe(1);
    const quiet = await runCli(['report', '--customers', 'c.csv', '--deals', 'd.csv', '-q'], { cwd: files });
    expect(quiet.stderr).toBe('');
  });

  it('reads the customers from stdin', async () => {
    const r = await runCli(['report', '--customers', '-', '--format', 'json'], { cwd: dir, stdin: readFileSync(CUSTOMERS) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.segments.icp.accounts + report.segments.non_icp.accounts).toBe(300);
    // No deals: won value comes from the customers' Total Revenue column, said in the notes.
    expect(report.segments.icp.total_won_value).toBeGreaterThan(0);
    expect(report.segments.icp.notes.join(' ')).toMatch(/"Total Revenue" column/);
  });
});
