import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

const dir = mkdtempSync(join(tmpdir(), 'icp-deals-stream-'));

/** The fixture deals `copies` times over, amounts with cents: many batches past the sample. */
function manyDeals(copies: number): string {
  const [header, ...rows] = readFileSync(fixture('deals.csv'), 'utf8').trimEnd().split('\n');
  const lines = [header];
  for (let k = 0; k < copies; k++) {
    // A sum taken in another order than the file's would differ in the last bits of these amounts.
    rows.forEach((row, i) => {
      lines.push(row.replace(/,Closed (Won|Lost),(\d+),/, (_, stage: string, amount: string) => `,Closed ${stage},${amount}.${(i * 37 + k) % 100},`));
    });
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

describe('icp derive reading the deals as a stream', () => {
  const deals = manyDeals(20);
  // The plain run is compared with by two tests: derived once.
  let plainRun: ReturnType<typeof derive> | undefined;
  const plain = () => (plainRun ??= derive(fixture('customers.csv'), deals, 'plain', []));

  it('accepts --threads for one release, says it is ignored, and writes the same ICP', () => {
    expect(plain().stderr).not.toMatch(/--threads/);
    for (const threads of ['1', '2', '0']) {
      const flagged = derive(fixture('customers.csv'), deals, `t${threads}`, ['--threads', threads]);
      expect(flagged.stderr).toMatch(/^note: --threads is ignored: derive joins the deals on one thread/);
      expect(flagged.yaml).toBe(plain().yaml);
      expect(flagged.stdout).toBe(plain().stdout);
      expect(flagged.stderr.split('\n').slice(1)).toEqual(plain().stderr.split('\n'));
    }
  });

  it('reads the deals again when a pair of columns after the leading one joins more', () => {
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
    const run = derive(c, dl, 'stale', ['--verbose']);
    expect(run.stderr).toMatch(/reading .* again: counting and summing every pair/);
    expect(run.stderr).toMatch(/joined 30000 of 30000 deals .*:"Associated Company" = .*:"Company name"/);
    // Read from stdin, the file cannot be read again: every pair is counted and summed on the one read.
    const out = join(dir, 'stale-stdin.yaml');
    const r = spawnIcp(['derive', c, '--deals', '-', '-o', out, '--force', '--format', 'json', '--verbose'], { input: readFileSync(dl) });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/again/);
    expect(
      readFileSync(out, 'utf8')
        .replace(/generated_at.*\n/, '')
        .replaceAll('<stdin>', dl),
    ).toBe(run.yaml);
  });

  it('joins deals read from stdin as from the file', () => {
    const file = plain();
    const out = join(dir, 'stdin.yaml');
    const r = spawnIcp(['derive', fixture('customers.csv'), '--deals', '-', '-o', out, '--force', '--format', 'json'], { input: readFileSync(deals) });
    expect(r.code).toBe(0);
    expect(
      readFileSync(out, 'utf8')
        .replace(/generated_at.*\n/, '')
        .replaceAll('<stdin>', deals),
    ).toBe(file.yaml);
  });

  it("starts cycles at the customers' create date when the deals have none", () => {
    const parsed = Papa.parse<string[]>(readFileSync(deals, 'utf8'), { skipEmptyLines: true }).data;
    const drop = (parsed[0] as string[]).indexOf('Create Date');
    const undated = join(dir, 'deals-undated.csv');
    writeFileSync(undated, Papa.unparse(parsed.map((row) => row.filter((_, i) => i !== drop))) + '\n');
    // The table, not the JSON document, shows each top customer's median cycle.
    const run = derive(fixture('customers.csv'), undated, 'undated', ['--format', 'table']);
    expect(run.stderr).toMatch(/no create date: sales cycles run from .*customers.csv's "Create Date" to each customer's first won deal/);
    expect(run.stdout).toMatch(/median cycle days/);
    expect(run.stdout).toMatch(/│ \d+ +│ \d{4}-\d\d-\d\d │/);
  });
});
