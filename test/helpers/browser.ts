import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core (which downloads no browser): CHROMIUM_PATH, else the
 * Debian paths. .ci/run installs it with apt-get; with CI=true a missing browser fails the tests, else they skip.
 */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => p !== undefined && p !== '' && existsSync(p),
);

/** Whether the browser tests run: with a browser, or on CI (where they fail without one). */
export const BROWSER_TESTS = CHROMIUM !== undefined || process.env.CI === 'true';

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('chromium not found (set CHROMIUM_PATH, or apt-get install chromium; .ci/run installs it)');
  // --no-sandbox: CI runs as root, where chromium's sandbox will not start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}

/** Pages of a PDF: its page objects (not the /Pages tree nodes). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
