import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { IcpDocument } from '../../src/core/icp/schema.js';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

let dir = '';
let summary = '';
const derived = () => parse(readFileSync(join(dir, 'icp.yaml'), 'utf8')) as IcpDocument;
const icp = (...args: string[]) => spawnIcp(args, { cwd: dir });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'icp-personas-e2e-'));
  for (const f of ['customers.csv', 'deals.csv', 'contacts.csv']) copyFileSync(fixture(f), join(dir, f));
  // An ICP file without personas, for the commands that need them.
  copyFileSync(new URL('../golden/icp.yaml', import.meta.url).pathname, join(dir, 'none.yaml'));
  // One derive: its summary on stdout, its document in icp.yaml.
  const d = icp('derive', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'contacts.csv', '--fast', '-o', 'icp.yaml');
  expect(d.code, d.stderr).toBe(0);
  summary = d.stdout;
});

describe('icp derive --contacts (built binary)', () => {
  it("writes the personas section: the fixtures' planted sales leadership and revenue operations, valid, in the YAML", () => {
    const doc = derived();
    const p = doc.personas;
    expect(p?.contacts).toMatchObject({ name: 'contacts.csv', rows: 3577, matched: 3577 });
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
    expect(summary).toMatch(/Personas\n3577 contacts of contacts\.csv at 200 best customers and 800 others/);
    expect(summary).toContain('Where the decision sits');
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

describe('icp personas (built binary)', () => {
  it('finds the same personas as derive --contacts on the same ranking, as JSON; a table by default', () => {
    const doc = derived();
    const r = icp('personas', '--contacts', 'contacts.csv', '--customers', 'customers.csv', '--deals', 'deals.csv', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(doc.personas);
    const table = icp('personas', '--contacts', 'contacts.csv', '--customers', 'customers.csv', '--deals', 'deals.csv');
    expect(table.stdout.split('\n')[0]).toBe('3577 contacts of contacts.csv at 200 best customers and 800 others');
    expect(table.stdout).toContain('Sales leadership: VP or director of sales');
    const md = icp('personas', '--contacts', 'contacts.csv', '--customers', 'customers.csv', '--deals', 'deals.csv', '--format', 'md');
    expect(md.stdout).toMatch(/^# Personas\n\n3577 contacts of contacts\.csv .*\n\n\| persona \| best customers \|/);
  });

  it('icp profile --contacts shows the personas of an ICP file that has none', () => {
    copyFileSync(new URL('../golden/icp.yaml', import.meta.url).pathname, join(dir, 'plain.yaml'));
    const r = icp(
      'profile',
      '--icp',
      'plain.yaml',
      '--customers',
      'customers.csv',
      '--deals',
      'deals.csv',
      '--contacts',
      'contacts.csv',
      '--format',
      'json',
      '-o',
      '-',
    );
    expect(r.code, r.stderr).toBe(0);
    const page = JSON.parse(r.stdout) as { personas: { personas: { name: string }[] } };
    expect(page.personas.personas.map((p) => p.name)).toContain('Sales leadership: VP or director of sales');
    const alone = icp('profile', '--icp', 'plain.yaml', '--contacts', 'contacts.csv', '-o', '-');
    expect([alone.code, alone.stderr.split('\n')[0]]).toEqual([2, 'icp: error: --contacts needs --customers']);
  });

  it('icp score --personas adds persona and the ICP persona each contact matches, keeping every row', () => {
    const r = icp('score', 'contacts.csv', '--personas', '--format', 'csv', '-o', '-');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("none of the ICP's columns: icp_score is 0 for every contact");
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(3578);
    expect(lines[0]?.endsWith(',icp_score,icp_tier,icp_matched,icp_unknown,persona,persona_match')).toBe(true);
    const vp = lines.find((l) => l.includes(',VP of Sales,'));
    expect(vp).toMatch(/,"vp, sales",Sales leadership: VP or director of sales$/);
    const engineer = lines.find((l) => l.includes(',Software Engineer,'));
    expect(engineer).toMatch(/,"individual, engineering",$/);
    const none = icp('score', 'contacts.csv', '--personas', '--icp', 'none.yaml', '-o', '-');
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([1, 'icp: error: none.yaml has no personas']);
  });

  it('icp report --contacts gives the win rate by persona present or absent; a note without personas', () => {
    const r = icp('report', '--customers', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'contacts.csv', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      by_persona: {
        contacts: string;
        personas: { name: string; present: { accounts: number; win_rate: number }; absent: { accounts: number; win_rate: number }; p_value: number }[];
      };
    };
    const sales = report.by_persona.personas[0];
    expect(report.by_persona.contacts).toBe('contacts.csv');
    expect(sales?.name).toBe('Sales leadership: VP or director of sales');
    expect((sales?.present.accounts ?? 0) + (sales?.absent.accounts ?? 0)).toBe(1000);
    expect(sales?.present.win_rate).toBeGreaterThan(sales?.absent.win_rate ?? 1);
    expect(sales?.p_value).toBeLessThan(0.001);
    const plain = icp('report', '--icp', 'none.yaml', '--customers', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'contacts.csv', '--format', 'json');
    expect(plain.code, plain.stderr).toBe(0);
    const json = JSON.parse(plain.stdout) as { by_persona?: unknown; notes: string[] };
    expect(json.by_persona).toBeUndefined();
    expect(json.notes.join('\n')).toContain('--contacts: the ICP file has no personas');
    const held = icp('report', '--customers', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'contacts.csv', '--holdout', '30%', '--format', 'json');
    expect(held.code, held.stderr).toBe(0);
    expect((JSON.parse(held.stdout) as { notes: string[] }).notes.join('\n')).toContain('--contacts: not with --holdout');
    writeFileSync(join(dir, 'headline.csv'), 'Name,Headline,Associated Company IDs\nAnn,VP Sales,18234001\n');
    const untitled = icp('report', '--customers', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'headline.csv');
    expect([untitled.code, untitled.stderr.split('\n')[0]]).toEqual([1, 'icp: error: headline.csv has no job title column']);
  });

  it('needs --contacts and --customers (a usage error), and names a contacts file with no title column', () => {
    const none = icp('personas', '--customers', 'customers.csv');
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([2, 'icp: error: icp personas needs --contacts <file> and --customers <file>']);
    writeFileSync(join(dir, 'no-title.csv'), 'Record ID,Associated Company IDs\n1,18234001\n');
    const bad = icp('personas', '--contacts', 'no-title.csv', '--customers', 'customers.csv');
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([1, 'icp: error: no-title.csv has no job title column']);
    expect(bad.stderr).toContain('--map job_title=<header>');
  });
});
