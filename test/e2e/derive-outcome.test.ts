import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { spawnIcp } from '../helpers/spawn-icp.js';

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-derive-outcome-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** 300 subscribers: Two year contracts stay (Churn No) far more often than Month-to-month ones. */
function churnCsv(idHeader = 'customerID'): string {
  const rows = [`${idHeader},Contract,Region,Churn`];
  for (let i = 0; i < 300; i++) {
    const contract = ['Month-to-month', 'One year', 'Two year'][i % 3] as string;
    // Month-to-month churns 60% of the time, the others 10%: clear, and far from a perfect separation.
    const churn = contract === 'Month-to-month' ? i % 5 < 3 : i % 10 === 1;
    rows.push(`C${String(i).padStart(4, '0')},${contract},${['North', 'South', 'East', 'West'][i % 4]},${churn ? 'Yes' : 'No'}`);
  }
  return rows.join('\n') + '\n';
}

describe('icp derive --outcome (end to end, built bin)', () => {
  it('refuses a column that does not read as yes/no: exit 2, listing its values', () => {
    const dir = workdir({ 'churn.csv': churnCsv() });
    const r = spawnIcp(['derive', 'churn.csv', '--outcome', 'Region', '-o', 'icp.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--outcome: Region in churn\.csv does not read as yes\/no/);
    for (const v of ['North', 'South', 'East', 'West']) expect(r.stderr).toContain(`"${v}"`);
    expect(r.stderr).toMatch(/--outcome "Region=/);
  });

  it('refuses a column that does not exist and a value the column never holds (exit 2)', () => {
    const dir = workdir({ 'churn.csv': churnCsv() });
    const missing = spawnIcp(['derive', 'churn.csv', '--outcome', 'Renewed', '-o', 'icp.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no column "Renewed"/);
    const value = spawnIcp(['derive', 'churn.csv', '--outcome', 'Churn=Maybe', '-o', 'icp.yaml'], { cwd: dir });
    expect(value.code).toBe(2);
    expect(value.stderr).toMatch(/no cell of Churn in churn\.csv is "Maybe"/);
    expect(value.stderr).toMatch(/"No", "Yes"|"Yes", "No"/);
  });

  it('"Churn=No" profiles the customers who stay; the file records the spec and the summary names it', () => {
    const dir = workdir({ 'churn.csv': churnCsv() });
    const r = spawnIcp(['derive', 'churn.csv', '--outcome', 'Churn=No', '--fast', '-o', 'icp.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Customers where Churn is No are /);
    // Month-to-month churns 60%: 40 of 100 stay; the others 90 of 100 each.
    expect(r.stdout).toMatch(/220 of 300 customers where Churn is No/);
    expect(r.stdout).not.toMatch(/Most profitable|row \d+/);
    expect(r.stdout).toMatch(/│ customerID │/);
    const doc = parse(readYaml(dir)) as {
      cohort: { measure: string; rule: string; size: number };
      options: { outcome: string };
      criteria: { column: string }[];
    };
    expect(doc.cohort).toMatchObject({ measure: 'Churn is No', rule: 'customers where Churn is No', size: 220 });
    expect(doc.options.outcome).toBe('Churn=No');
    expect(doc.criteria.map((c) => c.column)).toEqual(['Contract']);
  });

  it('a yes/no column alone still works, and a lead list is worded as leads with its id column', () => {
    const dir = workdir({ 'list.csv': churnCsv('Lead Number').replace(/^C/gm, '10') });
    const r = spawnIcp(['derive', 'list.csv', '--outcome', 'Churn', '--fast', '-o', 'icp.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Leads where Churn is positive are /);
    expect(r.stdout).toMatch(/80 of 300 leads where Churn is positive/);
    expect(r.stdout).toMatch(/│ Lead Number │/);
    expect(r.stdout).toMatch(/│ 100000\s+│/);
    const doc = parse(readYaml(dir)) as { cohort: { unit?: string; rule: string } };
    expect(doc.cohort).toMatchObject({ unit: 'leads', rule: 'leads where Churn is positive' });
  });

  it('--key none makes each row its own record and says so', () => {
    // The same name on every second row: grouped by name there would be 150 customers.
    const rows = [
      'Name,Contract,Churn',
      ...Array.from({ length: 300 }, (_, i) => `Org ${i % 150},${i % 3 ? 'Two year' : 'Monthly'},${i % 3 ? 'No' : i % 2 ? 'Yes' : 'No'}`),
    ];
    const dir = workdir({ 'orgs.csv': rows.join('\n') + '\n' });
    const r = spawnIcp(['derive', 'orgs.csv', '--outcome', 'Churn=No', '--key', 'none', '--fast', '-o', 'icp.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(readYaml(dir)) as { cohort: { total: number; unit?: string }; notes: string[]; options: { key: string } };
    expect(doc.cohort.total).toBe(300);
    expect(doc.cohort.unit).toBe('records');
    expect(doc.notes).toContain('Each row is its own record (--key none).');
    expect(doc.options.key).toBe('none');
    const grouped = spawnIcp(['derive', 'orgs.csv', '--outcome', 'Churn=No', '--fast', '-o', 'g.yaml'], { cwd: dir });
    expect(grouped.code, grouped.stderr).toBe(0);
    expect((parse(readYaml(dir, 'g.yaml')) as { cohort: { total: number } }).cohort.total).toBe(150);
  });
});

function readYaml(dir: string, name = 'icp.yaml'): string {
  return readFileSync(join(dir, name), 'utf8');
}
