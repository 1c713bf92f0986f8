import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tiersOf } from '../../src/core/icp/tiers.js';
import type { Report } from '../../src/core/report/report-types.js';
import { INDUSTRY_SIZE, manualIcpYaml } from '../helpers/manual-icp.js';
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
    // The ICP was derived from these very files: the verdict says so first, then its own measure, win rate beside it.
    expect(r.stdout).toMatch(
      /Verdict\nIn-sample: these rows built the ICP; expect the real lift to be lower\. ICP accounts hold \d+% of won value as \d+% of accounts: [\d.]+x CLV \[[\d.]+-[\d.]+\], p < 0\.001\. They also win \d+(\.\d)?x as often \(\d+% vs \d+%, p < 0\.001\) and close \d+ days faster\. ICP leads convert/,
    );
    expect(r.stdout).toMatch(/ICP \(tiers A, B\) .*non-ICP/);
    expect(r.stdout).toMatch(/A \(ICP\) .*█+░*/);
    expect(r.stdout).toMatch(/By source \(.*Original Source\)/);
    expect(r.stdout).toMatch(/CLV = total_won_value \/ accounts/);
  });

  it('gives JSON with the contract names; --icp-tiers A narrows the ICP to tier A', async () => {
    const ab = JSON.parse((await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'json'], { cwd: dir })).stdout) as Report;
    const a = JSON.parse(
      (await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'json', '--icp-tiers', 'a'], { cwd: dir })).stdout,
    ) as Report;
    for (const key of [
      'accounts',
      'deals',
      'won',
      'lost',
      'open',
      'win_rate',
      'win_rate_ci',
      'median_cycle_days',
      'avg_won_value',
      'total_won_value',
      'clv',
      'notes',
    ]) {
      expect(ab.segments.icp).toHaveProperty(key);
    }
    for (const key of ['win_rate_lift', 'win_rate_p_value', 'cycle_days_p_value', 'clv_ratio', 'auc']) expect(ab.comparison).toHaveProperty(key);
    // The tiers the derived file has (derive writes fewer than three when the scores take few values).
    expect(Object.keys(ab.tiers)).toEqual(tiersOf(ab.icp.thresholds));
    expect(Object.keys(ab.tiers)).toContain('B');
    expect(ab.segments.icp.accounts).toBe((ab.tiers.A?.accounts ?? 0) + (ab.tiers.B?.accounts ?? 0));
    expect(a.icp.icp_tiers).toEqual(['A']);
    expect(a.segments.icp.accounts).toBe(ab.tiers.A?.accounts);
    expect(a.segments.icp.win_rate).toBe(ab.tiers.A?.win_rate);
  });

  it('filters deals by close date with --since/--until', async () => {
    const all = JSON.parse((await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'json'], { cwd: dir })).stdout) as Report;
    const r = await runCli(['report', '--customers', CUSTOMERS, '--deals', DEALS, '--format', 'json', '--since', '2025-01-01', '--until', '2025-06-30'], {
      cwd: dir,
    });
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
    expect(r.stderr).toMatch(/^wrote report\.md \(md\); In-sample: these rows built the ICP; expect the real lift to be lower\. ICP accounts hold/m);
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

  it('on an ICP file with only tiers A and B: per-tier tables have no C row, --icp-tiers C is left out or refused', async () => {
    const files = workdir({
      'icp.yaml': manualIcpYaml(INDUSTRY_SIZE, { A: 100, B: 60 }),
      'c.csv': 'Record ID,Industry,Employees\n1,Software,100\n2,Software,10\n3,Retail,100\n4,Retail,10\n',
      'd.csv':
        'Associated Company IDs,Deal Stage,Create Date,Close Date,Amount\n1,Closed Won,2026-01-01,2026-02-01,5\n2,Closed Won,2026-01-01,2026-02-01,5\n3,Closed Lost,2026-01-01,2026-02-01,5\n4,Closed Lost,2026-01-01,2026-02-01,5\n',
    });
    const table = await runCli(['report', '--customers', 'c.csv', '--deals', 'd.csv'], { cwd: files });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^│ A \(ICP\) /m);
    expect(table.stdout).toMatch(/^│ B \(ICP\) /m);
    expect(table.stdout).toMatch(/^│ D /m);
    expect(table.stdout).not.toMatch(/^│ C /m);
    const md = await runCli(['report', '--customers', 'c.csv', '--deals', 'd.csv', '--format', 'md'], { cwd: files });
    expect(md.stdout).toMatch(/^\| B \(ICP\) /m);
    expect(md.stdout).not.toMatch(/^\| C /m);
    const json = await runCli(['report', '--customers', 'c.csv', '--deals', 'd.csv', '--format', 'json', '--icp-tiers', 'A,B,C'], { cwd: files });
    const report = JSON.parse(json.stdout) as Report;
    expect(Object.keys(report.tiers)).toEqual(['A', 'B', 'D']);
    expect(report.icp.icp_tiers).toEqual(['A', 'B']);
    expect(report.icp.thresholds).toEqual({ A: 100, B: 60 });
    expect(json.stderr).toMatch(/icp: warning: --icp-tiers: the ICP has no tier C \(its tiers: A>=100 B>=60, D below\); ICP = tiers A, B/);
    const refused = await runCli(['report', '--customers', 'c.csv', '--icp-tiers', 'C'], { cwd: files });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^icp: error: --icp-tiers C: the ICP has no such tier/);
    writeFileSync(join(files, 'one.yaml'), manualIcpYaml(INDUSTRY_SIZE, { A: 60 }));
    const one = await runCli(['report', '--icp', 'one.yaml', '--customers', 'c.csv', '--deals', 'd.csv'], { cwd: files });
    expect(one.stdout).toMatch(/│ ICP \(tier A\) +│ non-ICP/);
    expect(one.stdout).not.toMatch(/^│ [BC] /m);
    expect(one.stderr).not.toMatch(/--icp-tiers/);
  });

  it('reads the customers from stdin', async () => {
    const r = await runCli(['report', '--customers', '-', '--format', 'json'], { cwd: dir, stdin: readFileSync(CUSTOMERS) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.segments.icp.accounts + report.segments.non_icp.accounts).toBe(1000);
    // No deals: won value comes from the customers' Total Revenue column, said in the notes.
    expect(report.segments.icp.total_won_value).toBeGreaterThan(0);
    expect(report.segments.icp.notes.join(' ')).toMatch(/"Total Revenue" column/);
  });
});
