import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_SIZE, manualIcpYaml } from '../helpers/manual-icp.js';
import { runCli } from '../helpers/run-cli.js';

describe('icp diff', () => {
  it('compares any two ICP files in table, JSON and Markdown; exits 1 when they differ, 0 when equal, 2 on error (as diff)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-diff-'));
    writeFileSync(join(dir, 'old.yaml'), manualIcpYaml(INDUSTRY_SIZE));
    const changed = INDUSTRY_SIZE.map((c) =>
      c.column === 'Industry' ? { ...c, match: { in: ['Software', 'Retail'] }, label: 'Industry is Software or Retail' } : c,
    );
    writeFileSync(join(dir, 'new.yaml'), manualIcpYaml(changed));
    const table = await runCli(['diff', 'old.yaml', 'new.yaml'], { cwd: dir });
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/Tier thresholds \(unchanged\): A>=75 B>=50 C>=25\./);
    const same = await runCli(['diff', 'old.yaml', 'old.yaml'], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/No criterion changed\./);
    expect(table.stdout).toMatch(/values changed/);
    expect(table.stdout).toMatch(/Tolerance: within noise/);
    const json = await runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], { cwd: dir });
    const parsed = JSON.parse(json.stdout) as { changes: { kind: string; added_values?: string[] }[] };
    expect(parsed.changes[0]).toMatchObject({ kind: 'values_changed', added_values: ['Retail'] });
    const md = await runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'md'], { cwd: dir });
    expect(md.stdout).toMatch(/^## ICP changes/);
    const missing = await runCli(['diff', 'old.yaml', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml/);
  });

  it('shows what the match says when its values or range changed, though a hand edit left the label as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-diff-'));
    writeFileSync(join(dir, 'old.yaml'), manualIcpYaml(INDUSTRY_SIZE));
    const edited = INDUSTRY_SIZE.map((c) =>
      c.column === 'Industry' ? { ...c, match: { in: ['Software', 'Retail'] } } : { ...c, match: { range: { min: 50, max: 900 } } },
    );
    writeFileSync(join(dir, 'new.yaml'), manualIcpYaml(edited));
    const table = await runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'md'], { cwd: dir });
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('| Industry in [Software] | Industry in [Software, Retail] |');
    expect(table.stdout).toContain('| Employees range {min: 50, max: 500} | Employees range {min: 50, max: 900} |');
    // A change of points alone keeps the labels, which still say what matches.
    writeFileSync(join(dir, 'points.yaml'), manualIcpYaml(INDUSTRY_SIZE.map((c) => ({ ...c, points: c.column === 'Industry' ? 55 : 45 }))));
    expect((await runCli(['diff', 'old.yaml', 'points.yaml', '--format', 'md'], { cwd: dir })).stdout).toContain(
      '| Industry is Software | Industry is Software |',
    );
  });
});
