import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/spawn-icp.js';
import { runCli } from '../helpers/run-cli.js';

function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-derive-b-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** 120 accounts; Software ones convert 80% of the time, the others 10% (deterministic pattern). */
function outcomeCsv(): string {
  const rows = ['Account,Industry,Region,Founded,Converted'];
  for (let i = 0; i < 120; i++) {
    const software = i % 3 === 0;
    // 80% of Software converts, 10% of Retail and of Banking: clear, yet not a near-perfect separation (leakage).
    const converted = software ? i % 5 !== 0 : i % 20 === 0 || i % 20 === 5;
    rows.push(
      `Acct ${i},${software ? 'Software' : i % 2 ? 'Retail' : 'Banking'},${['North', 'South', 'East'][i % 3 === 0 ? (i / 3) % 3 : i % 3]},${2000 + (i % 20)}-0${1 + (i % 9)}-15,${converted ? 'yes' : 'no'}`,
    );
  }
  return rows.join('\n') + '\n';
}

describe('icp derive', () => {
  it('--outcome contrasts positive rows with the rest and finds what they share', async () => {
    const dir = workdir({ 'accounts.csv': outcomeCsv() });
    const r = await runCli(['derive', 'accounts.csv', '--outcome', 'Converted', '-o', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(r.stdout) as { cohort: { measure: string; size: number }; criteria: { column: string; match: { in?: string[] } }[] };
    expect(doc.cohort.measure).toBe('Converted is positive');
    expect(doc.cohort.size).toBe(32 + 8);
    expect(doc.criteria[0]).toMatchObject({ column: 'Industry', match: { in: ['Software'] } });
    // Converted itself is the outcome, never an attribute; dates are mined as years only.
    expect(doc.criteria.map((c) => c.column)).not.toContain('Converted');
  });

  it('combines a customers file that repeats its key (one row per order): value summed, attributes by most frequent value', async () => {
    const rows = ['Customer ID,Industry,Country,Order Total'];
    for (let i = 0; i < 40; i++) {
      rows.push(`C${i},${i < 8 ? 'Software' : 'Retail'},US,${i < 8 ? 500 : 50}`);
      rows.push(`C${i},${i < 8 ? 'Software' : 'Retail'},US,${i < 8 ? 700 : 40}`);
    }
    rows.push('C0,Retail,US,1'); // a third order of C0 with a stray industry: Software still wins for C0
    const dir = workdir({ 'orders.csv': rows.join('\n') + '\n' });
    const r = await runCli(['derive', 'orders.csv', '--value', 'Order Total', '-o', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/40 keys repeat; their rows were combined/);
    const doc = parse(r.stdout) as { cohort: { total: number; size: number; share_of_value: number } };
    expect(doc.cohort.total).toBe(40);
    expect(doc.cohort.size).toBe(8);
    expect(doc.cohort.share_of_value).toBeCloseTo((8 * 1200 + 1) / (8 * 1200 + 1 + 32 * 90), 3);
  });

  it('gives byte-identical files on two runs apart from generated_at', async () => {
    const dir = workdir();
    const args = ['derive', fixture('customers.csv'), '--deals', fixture('deals.csv')];
    await runCli([...args, '-o', 'a.yaml'], { cwd: dir, now: new Date('2026-01-01T00:00:00Z') });
    await runCli([...args, '-o', 'b.yaml'], { cwd: dir, now: new Date('2026-02-02T00:00:00Z') });
    const strip = (f: string) => readFileSync(join(dir, f), 'utf8').replace(/generated_at: .*/, '');
    expect(strip('a.yaml')).toBe(strip('b.yaml'));
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).not.toBe(readFileSync(join(dir, 'b.yaml'), 'utf8'));
  });

  it('lists the ten most profitable customers first, with their deals, and the criteria table', async () => {
    const dir = workdir();
    const r = await runCli(['derive', fixture('customers.csv'), '--deals', fixture('deals.csv'), '-o', 'icp.yaml'], { cwd: dir });
    const table = r.stdout.slice(r.stdout.indexOf('Most profitable customers'));
    const ranks = [...table.matchAll(/^│ (\d+)\s+│/gm)].map((m) => Number(m[1]));
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const values = [...table.matchAll(/^│ \d+\s+│[^│]+│ ([\d.,]+M?)\s+│/gm)].map((m) =>
      m[1]?.endsWith('M') ? Number(m[1].slice(0, -1)) * 1e6 : Number(m[1]?.replace(/,/g, '')),
    );
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(r.stdout).toMatch(/criterion\s+│ points │ cohort\s+│ rest\s+│ lift │ q/);
    expect(r.stdout).toMatch(/Your best customers are Computer Software or Financial Services companies/);
  });
});
