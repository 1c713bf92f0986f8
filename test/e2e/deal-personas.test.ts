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
const people = ['--contacts', 'contacts.csv', '--contact-roles', 'contact-roles.csv'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'icp-deal-personas-e2e-'));
  for (const f of ['customers.csv', 'deals.csv', 'contacts.csv', 'contact-roles.csv']) copyFileSync(fixture(f), join(dir, f));
  // One derive: its summary (derive's own Personas block) on stdout, its document in icp.yaml.
  const d = icp('derive', 'customers.csv', '--deals', 'deals.csv', ...people, '--fast', '-o', 'icp.yaml');
  expect(d.code, d.stderr).toBe(0);
  summary = d.stdout;
});

describe('personas on deals through contact roles (built binary)', () => {
  it("derive --contact-roles writes personas.deals: the fixtures' finance leadership on won deals, valid, in the YAML", () => {
    const doc = derived();
    const d = doc.personas?.deals;
    const rows = readFileSync(join(dir, 'contact-roles.csv'), 'utf8').trimEnd().split('\n').length - 1;
    expect(d?.contact_roles).toMatchObject({ name: 'contact-roles.csv', rows });
    // Every row is accounted for: matched, or said in a note (open deals here).
    const open = Number(/(\d+) contact roles are on open deals/.exec((d?.notes ?? []).join(' '))?.[1] ?? 0);
    expect((d?.contact_roles.matched ?? 0) + open).toBe(rows);
    const finance = d?.personas.find((x) => x.function === 'finance');
    expect(finance?.name).toBe('Finance leadership: C-level to director in finance');
    expect(finance?.buying_role).toBe('Economic Buyer');
    expect(finance?.evidence.q_value).toBeLessThan(0.001);
    expect(finance?.evidence.best_share).toBeGreaterThan(3 * (finance?.evidence.rest_share ?? 1));
    // Not an account persona: half of all companies have a finance leader, best or not.
    expect(doc.personas?.personas.some((x) => x.function === 'finance')).toBe(false);
    expect((d?.deals.won ?? 0) + (d?.deals.lost ?? 0)).toBeGreaterThan(4000);
    expect(d?.primary?.reduce((a, x) => a + x.share, 0)).toBeLessThanOrEqual(1);
    const yaml = readFileSync(join(dir, 'icp.yaml'), 'utf8');
    expect(yaml).toMatch(/ {2}deals:\n {4}contact_roles:\n/);
    expect(yaml).toMatch(/seniority: \[c-level, vp, head, director\]/);
    expect(icp('validate', 'icp.yaml').code).toBe(0);
  });

  it("shows the deal part in derive's summary, icp personas, the profile page and score --personas", () => {
    expect(summary).toMatch(/\nOn deals: \d+ contact roles of contact-roles\.csv on \d+ won and \d+ lost deals of \d+ accounts\n/);
    expect(summary).toContain('Where the decision sits on won deals');
    const json = icp('personas', '--customers', 'customers.csv', '--deals', 'deals.csv', ...people, '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).deals.personas).toEqual(derived().personas?.deals?.personas);
    const page = icp('profile', '-o', '-');
    expect(page.code, page.stderr).toBe(0);
    expect(page.stdout).toContain('data-deal-personas="true"');
    expect(page.stdout).toContain('data-persona="Finance leadership: C-level to director in finance"');
    const md = icp('profile', '--format', 'md', '-o', '-');
    expect(md.stdout).toContain('### On deals');
    // score --personas matches a deal persona too, after the account personas.
    const scored = icp('score', 'contacts.csv', '--personas', '--format', 'csv', '-o', '-');
    expect(scored.code, scored.stderr).toBe(0);
    const lines = scored.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.includes(',Finance Director,'))).toMatch(/,"director, finance",Finance leadership: C-level to director in finance$/);
    expect(lines.find((l) => l.includes(',VP of Sales,'))).toMatch(/,Sales leadership: VP or director of sales$/);
  });

  it('needs --contacts and --deals (a usage error); names a contact roles file without a deal or contact column', () => {
    const noDeals = icp('personas', '--customers', 'customers.csv', ...people);
    expect([noDeals.code, noDeals.stderr.split('\n')[0]]).toEqual([2, 'icp: error: --contact-roles needs --contacts and --deals']);
    const derive = icp('derive', 'customers.csv', '--contact-roles', 'contact-roles.csv', '-o', 'x.yaml');
    expect([derive.code, derive.stderr.split('\n')[0]]).toEqual([2, 'icp: error: --contact-roles needs --contacts and --deals']);
    writeFileSync(join(dir, 'odd.csv'), 'Opp,Person,Part\n27418003001,51000001,Decision Maker\n');
    const odd = icp('personas', '--customers', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'contacts.csv', '--contact-roles', 'odd.csv');
    expect([odd.code, odd.stderr.split('\n')[0]]).toEqual([
      1,
      'icp: error: odd.csv has no deal column: a contact roles export names the deal and the contact of each row',
    ]);
    // --map names them; the contacts' --map job_title is not looked for in the customers file.
    const mapped = icp(
      'personas',
      ...['--customers', 'customers.csv', '--deals', 'deals.csv', '--contacts', 'contacts.csv', '--contact-roles', 'odd.csv'],
      ...['--map', 'deal_id=Opp', '--map', 'contact_id=Person', '--map', 'contact_role=Part', '--map', 'job_title=Job Title', '--format', 'json'],
    );
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout).deals.contact_roles).toMatchObject({ rows: 1, matched: 1 });
  });
});
