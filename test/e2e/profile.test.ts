import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProfilePage } from '../../src/core/page/page-types.js';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

const ICP = new URL('../golden/icp.yaml', import.meta.url).pathname;
let dir = '';
const icp = (...args: string[]) => spawnIcp(args, { cwd: dir });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'icp-profile-e2e-'));
  for (const f of ['customers.csv', 'deals.csv', 'leads.csv']) copyFileSync(fixture(f), join(dir, f));
  copyFileSync(ICP, join(dir, 'icp.yaml'));
});

describe('icp profile (built binary)', () => {
  it('writes icp-profile.html from ./icp.yaml, atomically, and will not overwrite it without --force', () => {
    const r = icp('profile');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^wrote icp-profile\.html \(html\): Your best customers are /);
    const html = readFileSync(join(dir, 'icp-profile.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Self-contained: no script, no stylesheet or image to fetch, a policy that forbids any request.
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(readdirSync(dir).filter((f) => f.includes('icp-tmp'))).toEqual([]);
    const again = icp('profile');
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([1, 'icp: error: icp-profile.html already exists']);
    expect(icp('profile', '--force', '-q')).toMatchObject({ code: 0, stderr: '' });
  });

  it('writes Markdown and JSON with the same sections, to stdout with -o -', () => {
    const md = icp('profile', '--format', 'md', '-o', '-', '--title', 'Acme <ICP>');
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe('# Acme <ICP>');
    for (const h of ['Who they are', 'Where the value is', 'ICP vs non-ICP', 'Channels', 'Personas', 'Gaps to fill', 'How each number was computed']) {
      expect(md.stdout).toContain(`## ${h}`);
    }
    const json = icp('profile', '--format', 'json', '-o', '-', '--customers', 'customers.csv', '--deals', 'deals.csv');
    expect(json.code, json.stderr).toBe(0);
    const page = JSON.parse(json.stdout) as ProfilePage;
    expect(Object.keys(page)).toEqual(['title', 'generated_at', 'icp', 'headline', 'who', 'value', 'comparison', 'channels', 'personas', 'gaps', 'appendix']);
    expect(page.comparison).toHaveProperty('verdict');
    expect(page.gaps.basis).toBe('files');
    const html = icp('profile', '--format', 'md', '--force', '-q');
    expect([html.code, existsSync(join(dir, 'icp-profile.md'))]).toEqual([0, true]);
  });

  it('escapes the title and every data value in the HTML', () => {
    const r = icp('profile', '-o', '-', '--title', '<script>alert(1)</script>');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(r.stdout).not.toContain('<script>');
  });

  it('a data file without --customers is a usage error, a missing ICP file a data error, each one line', () => {
    const deals = icp('profile', '--deals', 'deals.csv', '-o', '-');
    expect([deals.code, deals.stderr.split('\n')[0]]).toEqual([2, 'icp: error: --deals needs --customers']);
    const none = icp('profile', '--icp', 'nope.yaml', '-o', '-');
    expect(none.code).toBe(1);
    expect(none.stderr.split('\n')[0]).toMatch(/^icp: error: .*nope\.yaml/);
    writeFileSync(join(dir, 'bad.csv'), 'Record ID,Industry\n"1,Software\n');
    const bad = icp('profile', '--customers', 'bad.csv', '-o', '-');
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')[0]).toMatch(/line 2 \(bad\.csv:2\)$/);
  });

  it("derive --profile writes the page of the ICP it derived, and review the quarter's page next to its files", () => {
    const d = icp('derive', 'customers.csv', '--deals', 'deals.csv', '--fast', '-o', 'new.yaml', '--profile', 'new.html', '--format', 'json');
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toContain('wrote new.html (html): the one-page ICP document');
    const html = readFileSync(join(dir, 'new.html'), 'utf8');
    const doc = JSON.parse(d.stdout) as { criteria: { label: string }[] };
    for (const c of doc.criteria) expect(html).toContain(`data-criterion="${c.label}"`);
    expect(html).toContain('from new.yaml');
    const again = icp('derive', 'customers.csv', '--deals', 'deals.csv', '--fast', '-o', 'other.yaml', '--profile', 'new.html');
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([1, 'icp: error: new.html already exists']);
    const dash = icp('derive', 'customers.csv', '--profile', '-');
    expect([dash.code, dash.stderr.split('\n')[0]]).toEqual([2, 'icp: error: --profile writes a file: give its name']);
  });
});
