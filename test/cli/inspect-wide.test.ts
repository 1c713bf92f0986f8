import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnIcp } from '../helpers/spawn-icp.js';

// A header of `columns` columns over 3 rows; column `industryAt` is an Industry column with categories.
function wideCsv(columns: number, industryAt: number): string {
  const header = Array.from({ length: columns }, (_, i) => (i === industryAt ? 'Industry' : `c${i}`));
  const rows = [0, 1, 2].map((r) => Array.from({ length: columns }, (_, i) => (i === industryAt ? ['Retail', 'Software', 'Retail'][r] : String(r * i))));
  return [header, ...rows].map((cells) => cells.join(',')).join('\n') + '\n';
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'icp-inspect-wide-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('icp inspect on a wide file', () => {
  // No time is asserted (that is the benchmark's job); the timeout is generous for a loaded machine.
  it('renders a bounded table of a 200,000-column file, with the role columns and the count of the rest', async () => {
    await writeFile(join(dir, 'wide.csv'), wideCsv(200_000, 150_000));
    const r = spawnIcp(['inspect', 'wide.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wide\.csv: 3 rows, 200,000 columns/);
    expect(r.stdout).toMatch(/│ Industry +│ industry +│ header/);
    expect(r.stdout).toMatch(/… and 199,699 more columns; use --format json to see them all/);
    expect(r.stdout.split('\n').length).toBeLessThan(400);
    expect(r.stderr.split('\n').length).toBeLessThan(110);
  }, 180_000);

  it('keeps every column in its JSON', async () => {
    await writeFile(join(dir, 'wide5k.csv'), wideCsv(5_000, 4_000));
    const r = spawnIcp(['inspect', 'wide5k.csv', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { columns: { header: string; role: string | null }[] };
    expect(report.columns).toHaveLength(5_000);
    expect(report.columns[4_000]).toMatchObject({ header: 'Industry', role: 'industry' });
  }, 60_000);
});
