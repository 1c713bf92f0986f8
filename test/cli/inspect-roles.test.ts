import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const COUNTRIES = ['United States', 'Belgium', 'Brazil', 'Kenya', 'Germany'];
const rows = ['Company name,office_location,Industry,Last Activity'];
for (let i = 0; i < 30; i++) rows.push(`Firm ${i},${COUNTRIES[i % 5]},${i % 2 ? 'Retail' : 'Software'},${i % 2 ? 'Email Opened' : 'Page Visited'}`);
const csv = rows.join('\n') + '\n';

interface Column {
  header: string;
  role: string | null;
  role_source: string | null;
}
const inspect = async (...args: string[]) => {
  const r = await runCli(['inspect', '-', '--format', 'json', ...args], { stdin: csv });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { columns: Column[] }).columns.map((c) => [c.header, c.role, c.role_source]);
};

describe('icp inspect: why each role was chosen', () => {
  it('says role_source header, values or --map in its JSON', async () => {
    expect(await inspect()).toEqual([
      ['Company name', 'name', 'header'],
      ['office_location', 'country', 'values'],
      ['Industry', 'industry', 'header'],
      ['Last Activity', null, null],
    ]);
    expect(await inspect('--map', 'industry=Last Activity', '--map', 'name=')).toEqual([
      ['Company name', null, null],
      ['office_location', 'country', 'values'],
      ['Industry', null, null],
      ['Last Activity', 'industry', '--map'],
    ]);
  });

  it('shows it in a column of its table, and says on stderr why a guess was refused', async () => {
    const r = await runCli(['inspect', '-'], { stdin: csv });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/role by/);
    expect(r.stdout).toMatch(/office_location\s*│ country\s*│ values/);
    expect(r.stderr).toMatch(/not dates \("(Email Opened|Page Visited)", "(Email Opened|Page Visited)"\).*column "Last Activity"/);
    expect(r.stderr).toMatch(/its values are countries/);
  });
});
