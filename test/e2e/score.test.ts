import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_SIZE, manualIcpYaml } from '../helpers/manual-icp.js';
import { BIN, fixture, spawnIcp } from '../helpers/spawn-icp.js';

describe('icp score (the built binary)', () => {
  it('uses ./icp.yaml of the directory it runs in, as users run it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-cwd-'));
    writeFileSync(join(dir, 'icp.yaml'), manualIcpYaml(INDUSTRY_SIZE));
    writeFileSync(join(dir, 'leads.csv'), 'Company,Industry,Employees\nAcme,Software,120\nBeta,Retail,5\n');
    const r = spawnIcp(['score', 'leads.csv', '-o', 'scored.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/scored 2 rows/);
    const rows = Papa.parse<string[]>(readFileSync(join(dir, 'scored.csv'), 'utf8'), { delimiter: ',', newline: '\n', skipEmptyLines: true }).data;
    expect(rows.map((row) => row[3])).toEqual(['icp_score', '100', '0']);
  });

  it('streams from stdin into a closed pipe and still exits 0: cat leads.csv | icp score - | head -5', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-pipe-'));
    writeFileSync(join(dir, 'icp.yaml'), manualIcpYaml(INDUSTRY_SIZE));
    // Enough rows that the writer is still busy when head goes away.
    const big = join(dir, 'big.csv');
    const lines = ['Company,Industry,Employees,Notes'];
    for (let i = 0; i < 60000; i++) lines.push(`Company ${i},${i % 2 ? 'Software' : 'Retail'},${i % 700},"note, with comma ${i}"`);
    writeFileSync(big, lines.join('\n') + '\n');
    const script = `cat "${big}" | "${process.execPath}" "${BIN}" score - --format csv | head -5; echo "status=\${PIPESTATUS[1]}"`;
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(6);
    expect(out[0]).toBe('Company,Industry,Employees,Notes,icp_score,icp_tier,icp_matched,icp_unknown');
    expect(out[5]).toBe('status=0');
    expect(r.stderr).not.toMatch(/Error|at /);
  });

  it('scores the bundled leads against an ICP derived from the bundled customers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-fixtures-'));
    const d = spawnIcp(['derive', fixture('customers.csv'), '--deals', fixture('deals.csv')], { cwd: dir });
    expect(d.code).toBe(0);
    const r = spawnIcp(['score', fixture('leads.csv'), '--format', 'json', '--explain'], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string | number>[];
    expect(rows).toHaveLength(1000);
    expect(Object.keys(rows[0] ?? {}).slice(-5)).toEqual(['icp_score', 'icp_tier', 'icp_matched', 'icp_unknown', 'icp_reasons']);
    // Only the tiers the derived file has: C is left out when the scores allow only A and B.
    const tiers = (YAML.parse(readFileSync(join(dir, 'icp.yaml'), 'utf8')) as { tiers: Record<string, number> }).tiers;
    const counts = ['A', 'B', 'C']
      .filter((t) => t in tiers)
      .map((t) => `${t} \\d+, `)
      .join('');
    expect(r.stderr).toMatch(new RegExp(`scored 1,000 rows: ${counts}D \\d+`));
    expect(r.stderr).toMatch(/unknown: .*%/);
  });
});
