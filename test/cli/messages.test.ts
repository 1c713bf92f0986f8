import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_SIZE, manualIcpYaml } from '../helpers/manual-icp.js';
import { runCli } from '../helpers/run-cli.js';

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-messages-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** 60 accounts, Software the valuable ones; deals: one won per account, then 5 with a blank account, 2 with "N/A", 1 with an unknown one. */
function files(): Record<string, string> {
  const customers = ['Record ID,Company name,Industry', ...Array.from({ length: 60 }, (_, i) => `${i + 1},Co ${i},${i % 3 ? 'Retail' : 'Software'}`)];
  const deals = ['Deal ID,Associated Company IDs,Deal Stage,Amount,Close Date'];
  for (let i = 0; i < 60; i++) deals.push(`D${i},${i + 1},Closed Won,${i % 3 ? 100 + i : 10_000 + i},2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
  for (let i = 0; i < 5; i++) deals.push(`B${i},,Closed Won,500,2026-02-01`);
  for (let i = 0; i < 2; i++) deals.push(`N${i},N/A,Closed Won,500,2026-02-01`);
  deals.push('U0,999,Closed Won,500,2026-02-01');
  return { 'c.csv': customers.join('\n') + '\n', 'd.csv': deals.join('\n') + '\n' };
}

describe('messages seen broken (issue 12, part 6)', () => {
  it('derive: deals with a blank account "have no account", apart from those whose account no customer has', async () => {
    const dir = workdir(files());
    const r = await runCli(['derive', 'c.csv', '--deals', 'd.csv', '--fast', '-o', 'icp.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/icp: warning: 7 deals have no account; 1 deal matches no customer \(e\.g\. "999"\)/);
    expect(r.stderr).not.toMatch(/\(e\.g\. \)/);
  });

  it('report: the same split in the warning, the table and data_quality', async () => {
    const dir = workdir(files());
    expect((await runCli(['derive', 'c.csv', '--deals', 'd.csv', '--fast', '-o', 'icp.yaml'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['report', '--customers', 'c.csv', '--deals', 'd.csv', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/icp: warning: 7 deals have no account; 1 deal matches no account in \S*c\.csv \(e\.g\. 999\): left out/);
    const q = JSON.parse(r.stdout).data_quality;
    expect(q.unmatched_deals).toEqual({ count: 8, without_account: 7, examples: ['999'] });
    const table = await runCli(['report', '--customers', 'c.csv', '--deals', 'd.csv', '--format', 'table'], { cwd: dir });
    expect(table.stdout).toMatch(/7 deals have no account; 1 deal matches no account \(e\.g\. 999\)/);
  });

  it('derive: only blank accounts give no "(e.g. )"', async () => {
    const f = files();
    f['d.csv'] = (f['d.csv'] as string)
      .split('\n')
      .filter((l) => !l.startsWith('U0'))
      .join('\n');
    const dir = workdir(f);
    const r = await runCli(['derive', 'c.csv', '--deals', 'd.csv', '--fast', '-o', 'icp.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/icp: warning: 7 deals have no account \(\S*d\.csv\)/);
    expect(r.stderr).not.toMatch(/match(es)? no customer/);
  });

  describe('the scored table names each row by its id column, never "#"', () => {
    const table = async (stdin: string) => {
      const dir = workdir({ 'icp.yaml': manualIcpYaml(INDUSTRY_SIZE) });
      const r = await runCli(['score', '-', '--format', 'table', '-q'], { cwd: dir, stdin });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.split('\n');
    };

    it('an id role (Lead ID)', async () => {
      const lines = await table('Lead ID,Industry,Employees\nL-001,Software,100\nL-002,Retail,10\n');
      expect(lines.find((l) => l.includes('icp_score'))).toMatch(/Lead ID/);
      expect(lines.join('\n')).toMatch(/L-001/);
      expect(lines.find((l) => l.includes('icp_score'))).not.toMatch(/#/);
    });

    it('an account_id role (Account ID), and an email', async () => {
      expect((await table('Industry,Account ID,Employees\nSoftware,A1,100\n')).join('\n')).toMatch(/Account ID[\s\S]*A1/);
      expect((await table('Industry,Employees,E-mail\nSoftware,100,a@b.co\n')).join('\n')).toMatch(/a@b\.co/);
    });

    it('else the first column', async () => {
      const lines = await table('Lead Number,Industry,Employees\n660737,Software,100\n');
      expect(lines.find((l) => l.includes('icp_score'))).toMatch(/Lead Number/);
      expect(lines.join('\n')).toMatch(/660737/);
    });

    it('still prefers a name column when there is one', async () => {
      const lines = await table('Record ID,Company name,Industry,Employees\n1,Acme,Software,100\n');
      expect(lines.find((l) => l.includes('icp_score'))).toMatch(/Company name/);
    });
  });
});
