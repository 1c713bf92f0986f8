import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IcpDocument } from '../../src/core/icp/schema.js';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

let dir = '';
const icp = (...args: string[]) => spawnIcp(args, { cwd: dir });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'icp-personas-e2e-'));
  for (const f of ['customers.csv', 'deals.csv', 'contacts.csv']) copyFileSync(fixture(f), join(dir, f));
  const d = icp('derive', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'contacts.csv', '--fast', '-o', 'icp.yaml', '--format', 'json');
  expect(d.code, d.stderr).toBe(0);
  writeFileSync(join(dir, 'derived.json'), d.stdout);
});

describe('icp derive --contacts (built binary)', () => {
  it("writes the personas section: the fixtures' planted sales leadership and revenue operations, valid, in the YAML", () => {
    const doc = JSON.parse(readFileSync(join(dir, 'derived.json'), 'utf8')) as IcpDocument;
    const p = doc.personas;
    expect(p?.contacts).toMatchObject({ name: 'contacts.csv', rows: 2969, matched: 2969 });
    expect(p?.personas.map((x) => [x.function, x.seniority])).toEqual([
      ['sales', ['vp', 'director']],
      ['operations', ['head', 'director', 'manager', 'senior', 'individual']],
    ]);
    const sales = p?.personas[0];
    expect(sales?.name).toBe('Sales leadership: VP or director of sales');
    expect(sales?.evidence).toMatchObject({ p_kind: 'nominal', stability: 1 });
    expect(sales?.evidence.q_value).toBeLessThan(0.001);
    expect(sales?.buying_role).toBe('Decision Maker');
    const yaml = readFileSync(join(dir, 'icp.yaml'), 'utf8');
    expect(yaml).toContain('# Buyer personas: who works at the best customers');
    expect(yaml).toMatch(/seniority: \[vp, director\]/);
    expect(icp('validate', 'icp.yaml').code).toBe(0);
  });

  it('shows them in the summary and on the profile page; a broken section fails validate with its line', () => {
    const summary = icp('derive', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'contacts.csv', '--fast', '-o', 'again.yaml');
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toMatch(/Personas\n2969 contacts of contacts\.csv at 200 best customers and 800 others/);
    expect(summary.stdout).toContain('Where the decision sits');
    const page = icp('profile', '-o', '-');
    expect(page.code, page.stderr).toBe(0);
    expect(page.stdout).toContain('data-persona="Sales leadership: VP or director of sales"');
    expect(page.stdout).toContain('data-decision="true"');
    writeFileSync(join(dir, 'broken.yaml'), readFileSync(join(dir, 'icp.yaml'), 'utf8').replace('function: sales', 'function: boss'));
    const bad = icp('validate', 'broken.yaml');
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/broken\.yaml:\d+: personas\.personas\[0\]\.function: /);
  });
});
