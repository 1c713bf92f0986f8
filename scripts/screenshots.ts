import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/helpers/browser.js';
import { fixture, ROOT, spawnIcp } from '../test/helpers/spawn-icp.js';

// Regenerates the README's screenshots of the fixture profile (docs/profile-*.png) from the built
// bin/icp.js, in Debian's chromium: `npm run build && npm run screenshots`.
const dir = mkdtempSync(join(tmpdir(), 'icp-screenshots-'));
const docs = join(ROOT, 'docs');
mkdirSync(docs, { recursive: true });
try {
  for (const f of ['customers.csv', 'deals.csv', 'leads.csv']) copyFileSync(fixture(f), join(dir, f));
  copyFileSync(join(ROOT, 'test', 'golden', 'icp.yaml'), join(dir, 'icp.yaml'));
  const made = spawnIcp(['profile', '--customers', 'customers.csv', '--deals', 'deals.csv', '--leads', 'leads.csv', '-o', 'profile.html'], { cwd: dir });
  if (made.code !== 0) throw new Error(`icp profile failed: ${made.stderr}`);
  const browser = await launchChromium();
  for (const [width, height] of [
    [1280, 1500],
    [360, 1400],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(pathToFileURL(join(dir, 'profile.html')).href);
    const path = join(docs, `profile-${width}.png`);
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
  }
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
