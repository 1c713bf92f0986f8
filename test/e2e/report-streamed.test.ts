import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/build-report.js';
import { readTable } from '../../src/io/csv/read-table.js';
import { readIcp } from '../../src/io/yaml.js';
import { fixture, spawnIcp } from '../helpers/spawn-icp.js';

const ICP = new URL('../golden/icp.yaml', import.meta.url).pathname;
const OLIST = new URL('../../../shared/datasets/olist-funnel', import.meta.url).pathname;

/** The report as buildReport makes it from whole tables (the path review and --holdout take), as JSON. */
async function fromTables(icp: string, files: { customers: string; deals: string; leads?: string }): Promise<unknown> {
  const doc = await readIcp(icp);
  const [customers, deals, leads] = await Promise.all([readTable(files.customers), readTable(files.deals), files.leads ? readTable(files.leads) : undefined]);
  const { report } = buildReport({ doc, customers, deals, leads });
  return JSON.parse(JSON.stringify(report));
}

function spawned(icp: string, files: { customers: string; deals: string; leads?: string }, dealsFromStdin = false): unknown {
  const args = ['report', '--icp', icp, '--customers', files.customers, '--deals', dealsFromStdin ? '-' : files.deals, '--format', 'json'];
  if (files.leads) args.push('--leads', files.leads);
  const r = spawnIcp(args, dealsFromStdin ? { input: readFileSync(files.deals) } : {});
  expect(r.code, r.stderr).toBe(0);
  // Read from stdin, the deals file is named <stdin>; everything else must be the same.
  return JSON.parse(dealsFromStdin ? r.stdout.replaceAll('"<stdin>"', JSON.stringify(files.deals)) : r.stdout);
}

describe('icp report joins the deals as it reads them', () => {
  const files = { customers: fixture('customers.csv'), deals: fixture('deals.csv'), leads: fixture('leads.csv') };

  it('gives the report the whole-table path gives, from a file and from stdin (read once)', async () => {
    const want = await fromTables(ICP, files);
    expect(spawned(ICP, files)).toEqual(want);
    expect(spawned(ICP, files, true)).toEqual(want);
  });

  it.skipIf(!existsSync(OLIST))('and so on the olist funnel, whose leads convert through a join of their own', async () => {
    const mqls = join(OLIST, 'olist_marketing_qualified_leads_dataset.csv');
    const closed = join(OLIST, 'olist_closed_deals_dataset.csv');
    const olist = { customers: mqls, deals: closed, leads: mqls };
    expect(spawned(ICP, olist)).toEqual(await fromTables(ICP, olist));
  });

  it("words the options in a note that gives core's reason, as it does on the terminal", () => {
    // An ICP that recorded a value column these files lack: the note says why its measure is not used.
    const dir = mkdtempSync(join(tmpdir(), 'icp-report-note-'));
    const icp = join(dir, 'icp.yaml');
    writeFileSync(icp, readFileSync(ICP, 'utf8').replace('options:\n', 'options:\n  value: Lifetime Spend\n'));
    const r = spawnIcp(['report', '--icp', icp, '--customers', files.customers, '--deals', files.deals, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const notes = (JSON.parse(r.stdout) as { notes: string[] }).notes.join('\n');
    expect(notes).toContain('--value: no column "Lifetime Spend"');
    expect(notes).not.toContain('⟨');
  });

  it('reads the deals again when the pair leading on the first rows is not the one that joins the most, as the table path chooses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-report-reread-'));
    const industries = ['Software', 'Retail', 'Banking'];
    const customerLines = [
      'Record ID,Company name,Industry,Employees',
      ...Array.from({ length: 50 }, (_, i) => `${i + 1},Co ${i + 1},${industries[i % 3]},${40 + 10 * i}`),
    ];
    // The first 5,000 deals (the sample) join on names only, the 10,000 after them on ids only: the name pair
    // leads on the sample, the id pair joins the most, so a file is read again with the id pair alone.
    const dealLines = ['Deal Name,Associated Company IDs,Associated Company,Amount,Deal Stage,Close Date,Lead Source'];
    for (let i = 0; i < 15_000; i++) {
      const c = (i % 50) + 1;
      const early = i < 5_000;
      const stage = i % 3 === 0 ? 'Closed Lost' : 'Closed Won';
      dealLines.push(`D${i},${early ? 'x' : c},${early ? `Co ${c}` : 'nobody'},${100 + (i % 7)},${stage},2025-01-02,${i % 4 === 0 ? 'Referral' : 'Organic'}`);
    }
    const both = { customers: join(dir, 'customers.csv'), deals: join(dir, 'deals.csv') };
    writeFileSync(both.customers, `${customerLines.join('\n')}\n`);
    writeFileSync(both.deals, `${dealLines.join('\n')}\n`);
    const want = (await fromTables(ICP, both)) as { join: { deals: string } };
    expect(want.join.deals).toBe('Associated Company IDs');
    expect(spawned(ICP, both)).toEqual(want);
    // From stdin the deals cannot be read twice: every pair is counted and summed on the one read.
    expect(spawned(ICP, both, true)).toEqual(want);
  });
});
