import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, fixture } from '../helpers/spawn-icp.js';

const dir = mkdtempSync(join(tmpdir(), 'icp-charts-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A module hook that writes down every module the process resolves (hooks run off the main thread in
// Node 20, so the list goes to a file named by the environment).
writeFileSync(
  join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.ICP_LOADED, resolved.url + '\\n');
  return resolved;
}
`,
);
writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);

/** The modules `icp derive <extra>` on the fixtures resolves. */
function loaded(name: string, extra: string[]): string[] {
  const list = join(dir, `${name}.txt`);
  writeFileSync(list, '');
  const args = ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN, 'derive', fixture('customers.csv'), '--deals', fixture('deals.csv')];
  const run = spawnSync(process.execPath, [...args, '--fast', '--force', '-o', join(dir, `${name}.yaml`), ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ICP_LOADED: list },
  });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(list, 'utf8').split('\n').filter(Boolean);
}

const charts = (urls: readonly string[]) => urls.filter((u) => /@observablehq\/plot|linkedom|profile-page\.js/.test(u));

describe('derive loads the profile page and its charts only for --profile', () => {
  it('without --profile, resolves neither Observable Plot, linkedom nor the profile page (0.3 s to load)', () => {
    const urls = loaded('plain', []);
    expect(urls.some((u) => u.endsWith('/commands/derive.js'))).toBe(true);
    expect(charts(urls)).toEqual([]);
  }, 60_000);

  it('with --profile, resolves them (so the check above can see them)', () => {
    const urls = loaded('profile', ['--profile', join(dir, 'profile.html')]);
    expect(charts(urls).length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
