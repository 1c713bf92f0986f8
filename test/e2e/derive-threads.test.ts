import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

const dir = mkdtempSync(join(tmpdir(), 'icp-threads-'));

/** The fixture deals `copies` times over, amounts with cents: enough batches past the sample for a worker. */
function manyDeals(copies: number): string {
  const [header, ...rows] = readFileSync(fixture('deals.csv'), 'utf8').trimEnd().split('\n');
  const lines = [header];
  for (let k = 0; k < copies; k++) {
    // A sum taken in another order than the file's would differ in the last bits of these amounts.
    rows.forEach((row, i) => lines.push(row.replace(/,Closed (Won|Lost),(\d+),/, (_, stage: string, amount: string) => `,Closed ${stage},${amount}.${(i * 37 + k) % 100},`)));
  }
  const path = join(dir, `deals-x${copies}.csv`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** derive's outputs with the given extra flags: the ICP file (without its timestamp), stdout and stderr. */
function derive(customers: string, deals: string, name: string, flags: string[]): { yaml: string; stdout: string; stderr: string } {
  const out = join(dir, `${name}.yaml`);
  const r = spawnIcp(['derive', customers, '--deals', deals, '-o', out, '--force', '--format', 'json', ...flags]);
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.code).toBe(0);
  const drop = (text: string) => text.replace(/generated_at.*\n/g, '').replace(/"generated_at": ".*",?\n/g, '');
  return { yaml: drop(readFileSync(out, 'utf8')), stdout: drop(r.stdout), stderr: r.stderr.replaceAll(out, '<out>') };
}

describe('icp derive on several threads', () => {
  const deals = manyDeals(20);

  it.each([[[]], [['--since', '2025-01-01', '--until', '2025-09-30']]])('writes the same ICP, byte for byte, on 1, 2 and 3 threads (%j)', (window) => {
    const one = derive(fixture('customers.csv'), deals, 'one', ['--threads', '1', ...window]);
    for (const threads of ['2', '3']) {
      const many = derive(fixture('customers.csv'), deals, `t${threads}`, ['--threads', threads, '--verbose', ...window]);
      // The workers did join some of the deals.
      expect(many.stderr).toMatch(new RegExp(`joined .* on ${threads} threads: the workers took [1-9]\\d* of the \\d+ batches`));
      expect(many.yaml).toBe(one.yaml);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr.split('\n').filter((l) => !/threads:/.test(l))).toEqual(one.stderr.split('\n'));
    }
  });

  it('reads the deals again, on threads as on one, when a pair of columns after the leading one joins more', () => {
    const companies = ['Record ID,Company name,Industry,Number of Employees'];
    for (let i = 1; i <= 60; i++) companies.push(`${i},Company ${i},${i <= 20 ? 'Software' : 'Retail'},${i <= 20 ? 200 : 20}`);
    const rows = ['Deal Name,Deal Stage,Amount,Create Date,Close Date,Associated Company IDs,Associated Company'];
    // The first 6000 deals join on ids (and names); the 24000 after them carry stale ids, but the names join.
    for (let d = 0; d < 30_000; d++) {
      const c = (d % 60) + 1;
      const amount = c <= 20 ? 90_000 + (d % 13) : 1_000 + (d % 7);
      rows.push(`Deal ${d},Closed Won,${amount},2025-01-0${(d % 9) + 1},2025-03-0${(d % 9) + 1},${d < 6000 ? c : 900_000 + d},Company ${c}`);
    }
    const c = join(dir, 'companies.csv');
    const dl = join(dir, 'stale-ids.csv');
    writeFileSync(c, companies.join('\n') + '\n');
    writeFileSync(dl, rows.join('\n') + '\n');
    const one = derive(c, dl, 'stale-one', ['--threads', '1', '--verbose']);
    const two = derive(c, dl, 'stale-two', ['--threads', '2', '--verbose']);
    for (const run of [one, two]) {
      expect(run.stderr).toMatch(/reading .* again: counting and summing every pair/);
      expect(run.stderr).toMatch(/joined 30000 of 30000 deals .*:"Associated Company" = .*:"Company name"/);
    }
    expect(two.yaml).toBe(one.yaml);
    expect(two.stdout).toBe(one.stdout);
  });

  it('joins deals read from stdin on threads as well', () => {
    const one = derive(fixture('customers.csv'), deals, 'file-one', ['--threads', '1']);
    const out = join(dir, 'stdin.yaml');
    const r = spawnIcp(['derive', fixture('customers.csv'), '--deals', '-', '-o', out, '--force', '--format', 'json', '--threads', '2', '--verbose'], { input: readFileSync(deals) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/joined <stdin> on 2 threads: the workers took [1-9]/);
    expect(readFileSync(out, 'utf8').replace(/generated_at.*\n/, '').replaceAll('<stdin>', deals)).toBe(one.yaml);
  });

  it('starts cycles at the customers\' create date on threads as on one, when the deals have none', () => {
    const parsed = Papa.parse<string[]>(readFileSync(deals, 'utf8'), { skipEmptyLines: true }).data;
    const drop = (parsed[0] as string[]).indexOf('Create Date');
    const undated = join(dir, 'deals-undated.csv');
    writeFileSync(undated, Papa.unparse(parsed.map((row) => row.filter((_, i) => i !== drop))) + '\n');
    // The table, not the JSON document, shows each top customer's median cycle.
    const one = derive(fixture('customers.csv'), undated, 'undated-one', ['--threads', '1', '--format', 'table']);
    const two = derive(fixture('customers.csv'), undated, 'undated-two', ['--threads', '2', '--verbose', '--format', 'table']);
    expect(one.stderr).toMatch(/no create date: sales cycles run from .*customers.csv's "Create Date" to each customer's first won deal/);
    expect(one.stdout).toMatch(/median cycle days/);
    expect(one.stdout).toMatch(/│ \d+ +│ \d{4}-\d\d-\d\d │/);
    expect(two.stderr).toMatch(/on 2 threads: the workers took [1-9]/);
    expect(two.yaml).toBe(one.yaml);
    expect(two.stdout).toBe(one.stdout);
  });

  it('refuses --threads 0 as a usage error', () => {
    const r = spawnIcp(['derive', fixture('customers.csv'), '--deals', deals, '--threads', '0', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--threads expects a whole number from 1 to 64, got "0"/);
  });
});
