import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../src/core/icp/schema.js';
import { INDUSTRY_SIZE, manualIcpYaml } from '../helpers/manual-icp.js';
import { runCli } from '../helpers/run-cli.js';

function workdir(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-score-edge-'));
  writeFileSync(join(dir, 'icp.yaml'), yaml);
  return dir;
}
// The output's dialect is known: never let papaparse guess it from the cells.
const parse = (text: string) => Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: true }).data;

describe('icp score edge cases', () => {
  const dir = workdir(manualIcpYaml(INDUSTRY_SIZE));

  it('refuses a file that was scored before instead of writing two sets of score columns', async () => {
    const r = await runCli(['score', '-'], { cwd: dir, stdin: 'Industry,icp_score\nSoftware,10\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already has icp_score: it was scored before/);
  });

  it('rejects --map to a header the file lacks, like every other command', async () => {
    const r = await runCli(['score', '-', '--map', 'industry=Nope'], { cwd: dir, stdin: 'Industry\nSoftware\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--map industry=Nope: no column "Nope"/);
  });

  it('writes the input header exactly as read, blank and duplicate names included', async () => {
    const r = await runCli(['score', '-', '--format', 'csv', '-q'], { cwd: dir, stdin: 'Industry,,Industry\nSoftware,x,y\n' });
    expect(parse(r.stdout)[0]).toEqual(['Industry', '', 'Industry', 'icp_score', 'icp_tier', 'icp_matched', 'icp_unknown']);
  });

  it('sorts disqualified rows after every qualified one', async () => {
    const knockout: Criterion = {
      column: 'Competitor',
      attribute: 'competitor',
      category: 'other',
      label: 'Competitor is yes',
      match: { equals: true },
      points: 0,
      disqualify: true,
    };
    const d = workdir(manualIcpYaml([...INDUSTRY_SIZE, knockout]));
    const r = await runCli(['score', '-', '--format', 'csv', '--sort', '-q'], {
      cwd: d,
      stdin: 'Industry,Employees,Competitor\nSoftware,100,yes\nRetail,10,no\nSoftware,10,no\n',
    });
    expect(
      parse(r.stdout)
        .slice(1)
        .map((row) => row[4]),
    ).toEqual(['B', 'D', 'disqualified']);
  });

  it('warns that an inconclusive ICP scores every row 0', async () => {
    const d = workdir(manualIcpYaml([]).replace('status: manual', 'status: inconclusive'));
    const r = await runCli(['score', '-', '--format', 'csv'], { cwd: d, stdin: 'Industry\nSoftware\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/has no criteria: every row scores 0/);
  });

  it('draws at most 200 rows in the table view and says how many there were', async () => {
    const rows = ['Company,Industry,Employees', ...Array.from({ length: 450 }, (_, i) => `Co ${i},Software,${i}`)];
    const r = await runCli(['score', '-', '--format', 'table', '-q'], { cwd: dir, stdin: rows.join('\n') + '\n' });
    expect(r.stdout).toMatch(/\(200 of 450 rows shown; --format csv or -o file gives them all\)/);
    const sorted = await runCli(['score', '-', '--format', 'table', '--sort', '-q'], { cwd: dir, stdin: rows.join('\n') + '\n' });
    expect(sorted.stdout.split('\n').find((l) => l.includes('Co '))).toMatch(/Co 50 /);
  });

  it('reads a tech stack whatever separator the lead list uses', async () => {
    const tech: Criterion[] = [
      {
        column: 'Web Technologies',
        attribute: 'technologies',
        category: 'technographic',
        label: 'Web Technologies includes Salesforce',
        match: { contains_any: ['Salesforce'] },
        points: 100,
      },
    ];
    const d = workdir(manualIcpYaml(tech));
    const r = await runCli(['score', '-', '--format', 'csv', '-q'], {
      cwd: d,
      stdin: 'Web Technologies\n"HubSpot,Salesforce"\nHubSpot | Salesforce\nHubSpot;Slack\n',
    });
    expect(
      parse(r.stdout)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(['100', '100', '0']);
  });

  it('rejects a multi-character input delimiter', async () => {
    const r = await runCli(['inspect', '-', '--input-delimiter', ';;'], { cwd: dir, stdin: 'a,b\n1,2\n' });
    expect(r.code).toBe(2);
  });
});
