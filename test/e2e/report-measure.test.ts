import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../../fixtures/generator/index.js';
import { seededRandom } from '../../src/core/random.js';
import { spawnIcp } from '../helpers/spawn-icp.js';

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-report-measure-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

interface ReportJson {
  verdict: string;
  significant: boolean;
  in_sample: boolean;
  overlap: number | null;
  measure: {
    kind: string;
    label: string;
    column: string | null;
    gains: { tier: string; cumulative_share_of_measure: number | null }[];
    significant: boolean;
    p_value: number | null;
    clv_ratio?: number;
    clv_ratio_ci?: [number, number] | null;
    icp_rate?: number;
  };
  comparison: { win_rate_p_value: number | null };
  failing_segments: { measure: string; tested: number; segments: unknown[] };
}

function report(dir: string, args: string[]): { code: number; json: ReportJson; stderr: string } {
  const r = spawnIcp(['report', '--icp', 'icp.yaml', ...args, '--format', 'json'], { cwd: dir });
  return { code: r.code, json: (r.code === 0 ? JSON.parse(r.stdout) : {}) as ReportJson, stderr: r.stderr };
}

describe('icp report judges the ICP on its own measure (built bin, generated data)', () => {
  const f = generateFixtures({ seed: 5, customers: 1000, leads: 1000 });
  const fresh = generateFixtures({ seed: 6, customers: 1000, leads: 1 });
  const dir = workdir({
    'customers.csv': f.customers,
    'deals.csv': f.deals,
    'leads.csv': f.leads,
    'fresh.csv': fresh.customers,
    'fresh-deals.csv': fresh.deals,
  });

  it('won value: value capture with a bootstrap interval and a gains table; in-sample on the rows that built it', () => {
    expect(spawnIcp(['derive', 'customers.csv', '--deals', 'deals.csv', '--fast', '-o', 'icp.yaml'], { cwd: dir }).code).toBe(0);
    const { code, json } = report(dir, ['--customers', 'customers.csv', '--deals', 'deals.csv']);
    expect(code).toBe(0);
    expect(json.measure).toMatchObject({ kind: 'value', label: 'won value', column: null, significant: true });
    expect(json.measure.clv_ratio_ci?.[0]).toBeGreaterThan(1);
    expect(json.measure.gains.map((g) => g.tier)[0]).toBe('A');
    expect(json.measure.gains.at(-1)?.cumulative_share_of_measure).toBeCloseTo(1, 9);
    expect(json.in_sample).toBe(true);
    expect(json.verdict).toMatch(
      /^In-sample: these rows built the ICP; expect the real lift to be lower\. ICP accounts hold \d+% of won value as \d+% of accounts: [\d.]+x CLV \[[\d.]+-[\d.]+\], p < 0\.001\./,
    );
    expect(json.failing_segments).toMatchObject({ measure: 'value' });
    expect(json.failing_segments.tested).toBeGreaterThan(0);
  });

  it('out of sample: a fresh export of other companies is not in-sample (key overlap near 0)', () => {
    const { code, json } = report(dir, ['--customers', 'fresh.csv', '--deals', 'fresh-deals.csv']);
    expect(code).toBe(0);
    expect(json.in_sample).toBe(false);
    expect(json.overlap).not.toBeNull();
    expect(json.overlap as number).toBeLessThan(0.2);
    expect(json.verdict).not.toMatch(/In-sample/);
  });

  it('an outcome column: conversion read from the customers file itself, worded for leads', () => {
    expect(spawnIcp(['derive', 'leads.csv', '--outcome', 'Converted', '--fast', '-o', 'icp.yaml', '--force'], { cwd: dir }).code).toBe(0);
    const { code, json } = report(dir, ['--customers', 'leads.csv']);
    expect(code).toBe(0);
    expect(json.measure).toMatchObject({ kind: 'outcome', label: 'Converted is positive', column: 'Converted', significant: true });
    expect(json.verdict).toMatch(/ICP leads: Converted is positive for \d+% vs [\d.]+% of the rest \([\d.]+x, p < 0\.001, AUC 0\.\d\d\)\./);
    expect(json.failing_segments.measure).toBe('conversion');
  });

  it('deals with won/lost and no amount: having a won deal is the measure, win rate beside it', () => {
    const noAmount = f.deals
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 3)
          .join(','),
      )
      .join('\n');
    const d = workdir({ 'customers.csv': f.customers, 'deals.csv': noAmount });
    expect(spawnIcp(['derive', 'customers.csv', '--deals', 'deals.csv', '--fast', '-o', 'icp.yaml'], { cwd: d }).code).toBe(0);
    const { code, json } = report(d, ['--customers', 'customers.csv', '--deals', 'deals.csv']);
    expect(code).toBe(0);
    expect(json.measure).toMatchObject({ kind: 'outcome', label: 'has a won deal' });
    expect(json.verdict).toMatch(/ICP accounts: has a won deal for/);
    expect(json.comparison.win_rate_p_value).not.toBeNull();
  });
});

describe('a value ICP on data where value and win rate disagree', () => {
  it('is judged positive on value, reports the win rate as not different, and exits 0', () => {
    // Software accounts spend about three times as much; every account wins half its deals whatever it is.
    const next = seededRandom(11);
    const customers = ['Customer ID,Industry,Region,Total Spend'];
    const deals = ['Deal ID,Customer ID,Stage,Amount,Close Date'];
    let deal = 1;
    for (let i = 0; i < 400; i++) {
      const software = i % 4 === 0;
      const spend = Math.round((software ? 3000 : 1000) * Math.exp(0.5 * (next() + next() + next() - 1.5)));
      customers.push(`C${i},${software ? 'Software' : ['Retail', 'Banking', 'Travel'][i % 3]},${['North', 'South'][i % 2]},${spend}`);
      for (let k = 0; k < 4; k++) deals.push(`D${deal++},C${i},${next() < 0.5 ? 'Closed Won' : 'Closed Lost'},100,2026-0${1 + (k % 9)}-15`);
    }
    const dir = workdir({ 'customers.csv': customers.join('\n') + '\n', 'deals.csv': deals.join('\n') + '\n' });
    const derived = spawnIcp(['derive', 'customers.csv', '--value', 'Total Spend', '--fast', '-o', 'icp.yaml'], { cwd: dir });
    expect(derived.code, derived.stderr).toBe(0);
    const { code, json } = report(dir, ['--customers', 'customers.csv', '--deals', 'deals.csv']);
    expect(code).toBe(0);
    expect(json.measure).toMatchObject({ kind: 'value', label: 'Total Spend', column: 'Total Spend', significant: true });
    expect(json.significant).toBe(true);
    expect(json.comparison.win_rate_p_value as number).toBeGreaterThan(0.05);
    expect(json.verdict).toMatch(/ICP accounts hold \d+% of Total Spend as \d+% of accounts: [\d.]+x CLV/);
    expect(json.verdict).toMatch(/They win no more often \(/);
    expect(json.verdict).not.toMatch(/consider a review/);
  });
});
