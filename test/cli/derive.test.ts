import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-derive-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const accounts = (extra: string[], rows: (i: number) => string[]) =>
  [
    ['Record ID', 'Company name', 'Industry', 'Annual Revenue', ...extra].join(','),
    ...Array.from({ length: 50 }, (_, i) => [String(i + 1), `Co ${i}`, i % 2 ? 'Retail' : 'Software', String(1000 * (i + 1)), ...rows(i)].join(',')),
  ].join('\n') + '\n';

// A count in no particular order (0-49 shuffled): the numbers 0, 1, 2 ... in row order would be a running
// number, which icp reads as a record number (an id), not a measure.
const count = (i: number) => String((i * 7) % 50);

describe('icp derive: what "best" means', () => {
  it('exits 2 listing candidate columns when no value column can be found, never taking Annual Revenue', async () => {
    const dir = workdir({ 'c.csv': accounts(['Seats', 'Spend 2025'], (i) => [count(i), String(Number(count(i)) * 10)]) });
    const r = await runCli(['derive', 'c.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no lifetime value, total spend, ARR, MRR or profit column/);
    expect(r.stderr).toMatch(/hint: pass --value <column> \(candidates: "Seats", "Spend 2025"\)/);
    expect(r.stderr).not.toMatch(/candidates:.*Annual Revenue/);
  });

  it('exits 2 when several value columns compete, naming them', async () => {
    const dir = workdir({ 'c.csv': accounts(['ARR', 'Total Revenue'], (i) => [count(i), String(i * 10)]) });
    const r = await runCli(['derive', 'c.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/several value columns/);
    expect(r.stderr).toMatch(/"ARR", "Total Revenue"/);
  });

  it('uses the one lifetime value column it finds, and --value picks another', async () => {
    const dir = workdir({ 'c.csv': accounts(['Total Revenue', 'Seats'], (i) => [String(i % 2 ? 10 : 1000 + i), count(i)]) });
    const r = await runCli(['derive', 'c.csv', '-o', 'icp.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const yaml = readFileSync(join(dir, 'icp.yaml'), 'utf8');
    expect(yaml).toMatch(/measure: Total Revenue/);
    const seats = await runCli(['derive', 'c.csv', '--value', 'Seats', '-o', '-'], { cwd: dir });
    expect(seats.code).toBe(0);
    expect(seats.stdout).toMatch(/measure: Seats/);
  });

  it('never overwrites an existing ICP without --force, and checks before reading any data', async () => {
    const dir = workdir({ 'c.csv': accounts(['Total Revenue'], (i) => [String(i)]), 'icp.yaml': 'keep me\n' });
    const r = await runCli(['derive', 'c.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/icp\.yaml already exists/);
    expect(r.stderr).toMatch(/hint: pass --force/);
    expect(readFileSync(join(dir, 'icp.yaml'), 'utf8')).toBe('keep me\n');
    const forced = await runCli(['derive', 'c.csv', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'icp.yaml'), 'utf8')).toMatch(/^# Ideal Customer Profile/);
  });

  it('rejects bad option values as usage errors', async () => {
    const dir = workdir({ 'c.csv': accounts(['Total Revenue'], (i) => [String(i)]) });
    for (const args of [
      ['--alpha', '2'],
      ['--top', '0%'],
      ['--max-criteria', '0'],
      ['--since', 'yesterday'],
      ['--key', '=x'],
    ]) {
      const r = await runCli(['derive', 'c.csv', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});
