import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report-types.js';
import { readIcp, stringifyIcp } from '../../src/io/yaml.js';
import { BROWSER_TESTS, launchChromium, pdfPages } from '../helpers/browser.js';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

const ICP = new URL('../golden/icp.yaml', import.meta.url).pathname;
const HOSTILE = '<img src=x onerror=alert(1)>';
const FILES = ['--customers', 'customers.csv', '--deals', 'deals.csv', '--leads', 'leads.csv'];
let dir = '';
let browser: Browser;

/** A page of the profile loaded in chromium, with every request, console error and dialog it caused. */
async function open(file: string, width: number): Promise<{ page: Page; requests: string[]; errors: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(join(dir, file)).href, { waitUntil: 'load' });
  return { page, requests, errors, dialogs };
}

const attr = (page: Page, selector: string, name: string) => page.locator(selector).first().getAttribute(`data-${name}`);
const num = async (page: Page, selector: string, name: string) => {
  const v = await attr(page, selector, name);
  return v === null || v === '' ? null : Number(v);
};

describe.runIf(BROWSER_TESTS)('icp profile in a real browser (Debian chromium, playwright-core)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'icp-profile-browser-'));
    for (const f of ['customers.csv', 'deals.csv', 'leads.csv']) copyFileSync(fixture(f), join(dir, f));
    copyFileSync(ICP, join(dir, 'icp.yaml'));
    const made = spawnIcp(['profile', ...FILES, '-o', 'profile.html'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const alone = spawnIcp(['profile', '-o', 'alone.html'], { cwd: dir });
    expect(alone.code, alone.stderr).toBe(0);
    // Hostile text where the page shows data: a criterion's label and value, and a lead source of the files.
    const doc = await readIcp(ICP);
    const c = doc.criteria.find((k) => k.column === 'Industry');
    if (!c || !('in' in c.match)) throw new Error('the fixture ICP has an Industry set');
    c.label = `Industry is ${HOSTILE}`;
    c.match = { in: [HOSTILE, ...c.match.in] };
    writeFileSync(join(dir, 'hostile.yaml'), stringifyIcp(doc));
    writeFileSync(join(dir, 'hostile.csv'), readFileSync(join(dir, 'customers.csv'), 'utf8').replaceAll('Organic Search', HOSTILE));
    const hostile = spawnIcp(['profile', '--icp', 'hostile.yaml', '--customers', 'hostile.csv', '--deals', 'deals.csv', '-o', 'hostile.html'], { cwd: dir });
    expect(hostile.code, hostile.stderr).toBe(0);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['profile.html', 'alone.html'])('%s loads with no console error and no request but the file itself, every section present', async (file) => {
    const { page, requests, errors } = await open(file, 1280);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(join(dir, file)).href]);
    const sections = await page.locator('section[data-section]').evaluateAll((s) => s.map((e) => e.getAttribute('data-section')));
    expect(sections).toEqual(['headline', 'who', 'value', 'comparison', 'channels', 'personas', 'gaps', 'appendix']);
    await page.close();
  });

  it('shows the numbers of icp.yaml in its tiles and cards, and those of icp report --format json in its tables', async () => {
    const doc = await readIcp(ICP);
    const r = spawnIcp(['report', ...FILES, '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const { page } = await open('profile.html', 1280);
    expect(await num(page, '[data-tile="customers"]', 'number')).toBe(doc.cohort.total);
    expect(await num(page, '[data-tile="cohort"]', 'number')).toBe(doc.cohort.size);
    expect(await num(page, '[data-tile="validation"]', 'number')).toBe(doc.validation?.auc);
    expect(await num(page, '[data-tile="tier_a"]', 'number')).toBe(doc.validation?.tier_a_share_of_value);
    expect(await page.locator('[data-tile="customers"] .value').textContent()).toBe('1,000');
    for (const c of doc.criteria) {
      const card = `article[data-criterion="${c.label}"]`;
      const e = c.evidence;
      const got = await Promise.all(['points', 'best-share', 'rest-share', 'lift', 'q-value'].map((n) => num(page, card, n)));
      expect(got).toEqual([c.points, e?.cohort_share, e?.rest_share, e?.lift, e?.q_value]);
      expect(await page.locator(`${card} .points`).textContent()).toContain(`+${c.points} points`);
    }
    for (const g of report.measure?.gains ?? []) {
      const row = `tr[data-tier="${g.tier}"]`;
      expect([await num(page, row, 'accounts'), await num(page, row, 'share-of-measure'), await num(page, row, 'win-rate')]).toEqual([
        g.accounts,
        g.share_of_measure,
        report.tiers[g.tier]?.win_rate ?? null,
      ]);
    }
    const win = 'tr[data-metric="Win rate"]';
    expect([await num(page, win, 'icp'), await num(page, win, 'non-icp')]).toEqual([report.segments.icp.win_rate, report.segments.non_icp.win_rate]);
    expect(await page.locator('[data-verdict]').textContent()).toBe(report.verdict);
    await page.close();
  });

  it('shows a hostile value as text: no element made of it, no script run', async () => {
    const { page, errors, dialogs } = await open('hostile.html', 1280);
    expect(await page.locator('img').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(`Industry is ${HOSTILE}`);
    expect(await page.locator('#channels').textContent()).toContain(HOSTILE);
    expect([errors, dialogs]).toEqual([[], []]);
    await page.close();
  });

  it.each([1280, 360])('at %i px wide, the screenshot has no horizontal overflow', async (width) => {
    const { page } = await open('profile.html', width);
    // A string: the test files are typed without the DOM library.
    const [scrollWidth, innerWidth] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const shot = join(dir, `profile-${width}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it.each(['profile.html', 'alone.html'])('%s prints to a PDF of at most 2 A4 pages', async (file) => {
    const { page } = await open(file, 1280);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
    await page.close();
  });
});
