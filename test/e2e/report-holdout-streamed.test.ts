import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

// A deals file that can be read again is split as it is read (never held); stdin is read whole and split in
// memory. Both must give the same report, byte for byte but for the clock and the name of stdin.
let dir = '';

/** The fixture deals three times over (each deal's id repeats), and a row with a cell too many: parts of over 5,000 deals. */
function bigDeals(): string {
  const [header, ...rows] = readFileSync(fixture('deals.csv'), 'utf8').trimEnd().split('\n');
  const ragged = `${rows[3]},extra`;
  return [header, ...rows, ...rows, ragged, ...rows].join('\n') + '\n';
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'icp-holdout-stream-'));
  writeFileSync(join(dir, 'customers.csv'), readFileSync(fixture('customers.csv')));
  writeFileSync(join(dir, 'deals.csv'), readFileSync(fixture('deals.csv')));
  writeFileSync(join(dir, 'big-deals.csv'), bigDeals());
  writeFileSync(join(dir, 'leads.csv'), readFileSync(fixture('leads.csv')));
  const derived = spawnIcp(['derive', 'customers.csv', '--deals', 'deals.csv', '--fast', '--top', '25%', '-q'], { cwd: dir });
  expect(derived.code, derived.stderr).toBe(0);
  const byValue = spawnIcp(['derive', 'customers.csv', '--value', 'Annual Revenue', '--fast', '-q', '-o', 'value.yaml'], { cwd: dir });
  expect(byValue.code, byValue.stderr).toBe(0);
});

function run(deals: string, fromStdin: boolean, args: string[]): { code: number; stdout: string; stderr: string } {
  const argv = ['report', '--customers', 'customers.csv', '--deals', fromStdin ? '-' : deals, '--format', 'json', ...args];
  const r = spawnIcp(argv, { cwd: dir, ...(fromStdin && { input: readFileSync(join(dir, deals)) }) });
  const same = (text: string) => text.replaceAll('<stdin>', deals).replace(/"generated_at": "[^"]*"/g, '"generated_at": "T"');
  return { code: r.code, stdout: same(r.stdout), stderr: same(r.stderr) };
}

describe('icp report --holdout on a deals file it reads in passes', () => {
  const cases: [string, string, string[]][] = [
    ['a date, with leads', 'deals.csv', ['--holdout', '2025-06-01', '--leads', 'leads.csv']],
    ['parts of over 5,000 deals, a ragged row', 'big-deals.csv', ['--holdout', '40%', '--seed', '3']],
    ['an ICP mined from a value column', 'big-deals.csv', ['--holdout', '2025-03-01', '--icp', 'value.yaml']],
  ];
  it.each(cases)('%s: the report stdin gives', (_, deals, args) => {
    const file = run(deals, false, args);
    expect(file.code, file.stderr).toBe(0);
    const piped = run(deals, true, args);
    expect(file).toEqual(piped);
    const h = (JSON.parse(file.stdout) as { holdout: { derive_deals: number; report_deals: number } }).holdout;
    expect(h.derive_deals + h.report_deals).toBeGreaterThan(0);
  });

  it('says a warning of the deals file once, although it reads it four times', () => {
    const r = run('big-deals.csv', false, ['--holdout', '40%', '--seed', '3']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('big-deals.csv') && l.includes('line'));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
