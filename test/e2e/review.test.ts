import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../../fixtures/generator/index.js';
import { BIN, spawnIcp } from '../helpers/spawn-icp.js';

/** A folder with the generated exports and an ICP derived on the deals closed before the reviewed quarter. */
function derived(drift: boolean, editDeals: (csv: string) => string = (csv) => csv): string {
  const dir = mkdtempSync(join(tmpdir(), `icp-review-${drift ? 'drift' : 'steady'}-`));
  const f = generateFixtures({ seed: 42, drift });
  writeFileSync(join(dir, 'customers.csv'), f.customers);
  writeFileSync(join(dir, 'deals.csv'), editDeals(f.deals));
  const d = spawnIcp(['derive', 'customers.csv', '--deals', 'deals.csv', '--until', '2026-06-30'], { cwd: dir });
  expect(d.code, d.stderr).toBe(0);
  return dir;
}

// The steady folder is derived once; each test that uses it gets a fresh copy (derive is deterministic).
let steady: string | undefined;

function setup(drift: boolean, editDeals?: (csv: string) => string): string {
  if (drift || editDeals) return derived(drift, editDeals);
  steady ??= derived(false);
  const dir = mkdtempSync(join(tmpdir(), 'icp-review-steady-'));
  cpSync(steady, dir, { recursive: true });
  return dir;
}

const REVIEW = ['review', '--customers', 'customers.csv', '--deals', 'deals.csv', '--quarter', '2026Q3', '--fail-on-drift'];

/** Runs the built CLI as cron would: an empty environment but PATH and HOME, no TTY, stdin closed. */
function cron(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: '/usr/bin:/bin', HOME: cwd },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// Timestamps are the only thing allowed to differ between two runs of one quarter's review.
const stable = (text: string) => text.replace(/"?generated_at"?: "?[0-9T:.Z-]+"?/g, 'generated_at').replace(/generated [0-9T:.Z-]+/g, 'generated');

describe('icp review', () => {
  it('finds no drift when the planted profile holds (exit 0 even with --fail-on-drift)', () => {
    const r = spawnIcp(REVIEW, { cwd: setup(false) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ICP review 2026Q3 .*: no drift/);
  });

  it('finds drift when the profile changed in the last quarter, naming the changed criterion (exit 3)', () => {
    const dir = setup(true);
    const r = spawnIcp(REVIEW, { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.stdout).toMatch(/: DRIFT\n(?:- .*\n)*- Industry is Computer Software or Financial Services stopped working: win odds ratio/);
    const without = spawnIcp(
      REVIEW.filter((a) => a !== '--fail-on-drift'),
      { cwd: dir },
    );
    expect(without.code).toBe(0);
  });

  it('a funnel whose closed deals are all won is not enough data to judge: exit 0 with --fail-on-drift', () => {
    // Derived on won value (there is no lost deal to tell a win rate by), reviewed as cron would each quarter.
    const dir = setup(false, (csv) => csv.replace(/,Closed Lost,/g, ',Closed Won,'));
    const r = spawnIcp(REVIEW, { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ICP review 2026Q3 .*: not enough data to judge\n- no saved criterion can be tested: no lost deal in 2026Q3/);
    const json = JSON.parse(readFileSync(join(dir, 'reviews', 'icp-review-2026Q3.json'), 'utf8')) as { status: string; judgeable: boolean; drift: object };
    expect(json).toMatchObject({ status: 'not enough data to judge', judgeable: false, drift: { found: false, reasons: [] } });
    expect(readFileSync(join(dir, 'reviews', 'icp-review-2026Q3.md'), 'utf8')).toMatch(/## Verdict: not enough data to judge/);
  });

  it('a review that fails leaves no reviews folder behind (nor the folders above it that it made)', () => {
    const dir = setup(false);
    const r = spawnIcp(
      REVIEW.map((a) => (a === '2026Q3' ? '2020Q1' : a)),
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^icp: error: no deal of deals\.csv closed in 2020Q1/);
    expect(existsSync(join(dir, 'reviews'))).toBe(false);
    const nested = spawnIcp([...REVIEW.map((a) => (a === '2026Q3' ? '2020Q1' : a)), '--out-dir', 'out/a/reviews'], { cwd: dir });
    expect(nested.code).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    // A folder that was there before is left alone, even when empty.
    mkdirSync(join(dir, 'reviews'));
    expect(
      spawnIcp(
        REVIEW.map((a) => (a === '2026Q3' ? '2020Q1' : a)),
        { cwd: dir },
      ).code,
    ).toBe(1);
    expect(readdirSync(join(dir, 'reviews'))).toEqual([]);
  });

  it('runs as cron would: writes the dated files, never touches icp.yaml, and a rerun is idempotent', async () => {
    const dir = setup(false);
    const icpBefore = readFileSync(join(dir, 'icp.yaml'));
    const first = await cron(REVIEW, dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain('\x1b[');
    const names = ['icp-profile-2026Q3.html', 'icp-proposed-2026Q3.yaml', 'icp-review-2026Q3.json', 'icp-review-2026Q3.md'];
    expect(readdirSync(join(dir, 'reviews')).sort()).toEqual(names);
    const files = names
      .slice(1)
      .concat(names[0] as string)
      .map((f) => join(dir, 'reviews', f));
    const firstContents = files.map((f) => readFileSync(f, 'utf8'));
    const json = JSON.parse(firstContents[1] as string) as {
      quarter: string;
      status: string;
      judgeable: boolean;
      drift: { found: boolean };
      backtest: { period: { win_rate_lift: number } };
    };
    expect(json.quarter).toBe('2026Q3');
    expect(json).toMatchObject({ status: 'no drift', judgeable: true, drift: { found: false } });
    expect(json.backtest.period.win_rate_lift).toBeGreaterThan(1.2);
    expect(firstContents[2]).toMatch(/mv reviews\/icp-proposed-2026Q3\.yaml icp\.yaml/);
    // The quarter's page: the saved ICP with the quarter's outcomes.
    expect(firstContents[3]).toMatch(/: 2026Q3<\/title>[\s\S]*data-section="comparison"[\s\S]*data-verdict/);
    expect(spawnIcp(['validate', files[0] as string]).code).toBe(0);
    const second = await cron(REVIEW, dir);
    expect(second.code).toBe(0);
    files.forEach((f, i) => {
      expect(stable(readFileSync(f, 'utf8'))).toBe(stable(firstContents[i] as string));
    });
    expect(readFileSync(join(dir, 'icp.yaml')).equals(icpBefore)).toBe(true);
    expect(readdirSync(join(dir, 'reviews')).filter((f) => f.includes('lock') || f.includes('tmp'))).toEqual([]);
  });

  it('lets one of two concurrent reviews of a quarter run; the other exits 1 naming the lock', async () => {
    const dir = setup(false);
    const [a, b] = await Promise.all([cron(REVIEW, dir), cron(REVIEW, dir)]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const loser = a.code === 1 ? a : b;
    expect(loser.stderr).toMatch(/^icp: error: a review of 2026Q3 is already running \(pid \d+.*lock file .*\.icp-review-2026Q3\.lock/);
  });

  it('refuses a lock held by a live process', () => {
    const dir = setup(false);
    mkdirSync(join(dir, 'reviews'));
    writeFileSync(join(dir, 'reviews', '.icp-review-2026Q3.lock'), JSON.stringify({ pid: process.pid, host: hostname(), token: 'x', started: 'now' }));
    const r = spawnIcp(REVIEW, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already running \(pid \d+/);
  });
});
