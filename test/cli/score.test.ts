import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formulaEscape } from '../../src/io/output/formula-guard.js';
import { toCsvLine } from '../../src/io/output/csv-writer.js';
import { INDUSTRY_SIZE, manualIcpYaml } from '../helpers/manual-icp.js';
import { runCli } from '../helpers/run-cli.js';

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-score-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// The output's dialect is known: letting papaparse guess it misreads e.g. `|,"|""",` as `|`-separated.
const parse = (text: string) =>
  Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false }).data.filter(
    (r, i, all) => !(i === all.length - 1 && r.length === 1 && r[0] === ''),
  );

describe('icp score keeps every row and cell', () => {
  const dir = workdir({ 'icp.yaml': manualIcpYaml(INDUSTRY_SIZE) });
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      'N/A',
      '-',
      'Software',
      '120',
      '-5',
      '=HYPERLINK("http://x","y")',
      '+1 (555) 123',
      '@SUM(A1)',
      'a,b',
      'say "hi"',
      'line\nbreak',
      'crlf\r\nin cell',
      'Müller 東京 🚀',
      '\tTab',
    ),
  );

  it('outputs the same number of rows, each input cell unchanged apart from the formula escape (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (rows) => {
        // A row of one empty cell would be a blank line, which CSV readers skip; keep rows non-blank.
        const body = rows.filter((r) => r.some((c) => c.trim() !== ''));
        fc.pre(body.length > 0);
        const csv = [toCsvLine(['Industry', 'Employees', 'Notes'], { formulaEscape: false }), ...body.map((r) => toCsvLine(r, { formulaEscape: false }))].join(
          '',
        );
        const r = await runCli(['score', '-', '--format', 'csv', '--quiet'], { cwd: dir, stdin: csv });
        expect(r.code).toBe(0);
        const out = parse(r.stdout);
        expect(out.length).toBe(body.length + 1);
        expect(out[0]).toEqual(['Industry', 'Employees', 'Notes', 'icp_score', 'icp_tier', 'icp_matched', 'icp_unknown']);
        body.forEach((row, i) => {
          expect(out[i + 1]?.slice(0, 3)).toEqual(row.map(formulaEscape));
        });
      }),
      // The counterexample of issue 14: a reader guessing the dialect took `|` for the delimiter.
      {
        numRuns: 60,
        examples: [
          [
            [
              ['|', '|"', ''],
              ['', '', ''],
            ],
          ],
        ],
      },
    );
  });

  it("escapes =HYPERLINK as '=HYPERLINK but leaves -5 alone, and --no-formula-escape turns it off", async () => {
    const csv = 'Industry,Employees,Notes\nSoftware,-5,"=HYPERLINK(""http://x"",""y"")"\n';
    const r = await runCli(['score', '-', '--format', 'csv'], { cwd: dir, stdin: csv });
    const row = parse(r.stdout)[1] as string[];
    expect(row[1]).toBe('-5');
    expect(row[2]).toBe('\'=HYPERLINK("http://x","y")');
    const raw = await runCli(['score', '-', '--format', 'csv', '--no-formula-escape'], { cwd: dir, stdin: csv });
    expect(parse(raw.stdout)[1]?.[2]).toBe('=HYPERLINK("http://x","y")');
  });

  it('explains every row with reasons that add up to the unclipped score', async () => {
    const neg = [
      ...INDUSTRY_SIZE,
      { column: 'Country', attribute: 'country', category: 'firmographic' as const, label: 'Country is Brazil', match: { in: ['Brazil'] }, points: -70 },
    ];
    const d = workdir({ 'icp.yaml': manualIcpYaml(neg) });
    const csv = 'Industry,Employees,Country\nSoftware,120,Brazil\nRetail,20,Brazil\n,300,\nSoftware,,US\n';
    const r = await runCli(['score', '-', '--format', 'json', '--explain'], { cwd: d, stdin: csv });
    const rows = JSON.parse(r.stdout) as { icp_score: number; icp_reasons: string }[];
    expect(rows.map((x) => x.icp_score)).toEqual([30, 0, 40, 60]);
    for (const row of rows) {
      const sum = row.icp_reasons
        .split('; ')
        .filter((p) => !p.startsWith('?'))
        .reduce((s, p) => s + Number(p.split(' ')[0]), 0);
      expect(Math.max(0, Math.min(100, sum))).toBe(row.icp_score);
    }
    expect(rows[1]?.icp_reasons).toBe('-70 Country is Brazil');
    expect(rows[2]?.icp_reasons).toBe('+40 Employees 300 in 50-500; ? Industry unknown; ? Country unknown');
  });

  it('filters with --min-tier and says how many rows it dropped; sorts with --sort', async () => {
    const csv = 'Industry,Employees\nRetail,10\nSoftware,100\nSoftware,10\n';
    const r = await runCli(['score', '-', '--format', 'csv', '--min-tier', 'B', '--sort'], { cwd: dir, stdin: csv });
    const out = parse(r.stdout);
    expect(out.map((row) => row[2])).toEqual(['icp_score', '100', '60']);
    expect(r.stderr).toMatch(/dropped 1 rows? below/);
    expect(r.stderr).toMatch(/scored 3 rows: A 1, B 1, C 0, D 1/);
  });

  it('on an ICP file with only tiers A and B: rows below B are D, and the summary has no C', async () => {
    const two = workdir({ 'icp.yaml': manualIcpYaml(INDUSTRY_SIZE, { A: 100, B: 60 }) });
    const csv = 'Industry,Employees\nRetail,10\nSoftware,100\nSoftware,10\nRetail,100\n';
    const r = await runCli(['score', '-', '--format', 'csv'], { cwd: two, stdin: csv });
    expect(r.code).toBe(0);
    expect(parse(r.stdout).map((row) => [row[2], row[3]])).toEqual([
      ['icp_score', 'icp_tier'],
      ['0', 'D'],
      ['100', 'A'],
      ['60', 'B'],
      ['40', 'D'],
    ]);
    expect(r.stderr).toMatch(/scored 4 rows: A 1, B 1, D 2\n/);
    // --min-tier C on a file without C keeps C or better, that is A and B.
    const c = await runCli(['score', '-', '--format', 'csv', '--min-tier', 'C'], { cwd: two, stdin: csv });
    expect(
      parse(c.stdout)
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(['A', 'B']);
  });

  it('keeps a malformed row as read and warns with its line', async () => {
    const csv = 'Industry,Employees,Notes\nSoftware,100\nRetail,5,x,extra\n';
    const r = await runCli(['score', '-', '--format', 'csv'], { cwd: dir, stdin: csv });
    const out = parse(r.stdout);
    expect(out[1]).toEqual(['Software', '100', '', '100', 'A', 'Industry is Software; Employees 50-500', '']);
    expect(out[2]?.slice(0, 3)).toEqual(['Retail', '5', 'x']);
    expect(out[2]?.at(-1)).toBe('extra');
    expect(r.stderr).toMatch(/line 2 has 2 fields/);
    expect(r.stderr).toMatch(/line 3 has 4 fields/);
  });

  it("fails with a hint when there is no ICP, and with validate's messages when it is invalid", async () => {
    const empty = workdir({});
    const none = await runCli(['score', '-'], { cwd: empty, stdin: 'a\n1\n' });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/cannot read icp\.yaml/);
    expect(none.stderr).toMatch(/hint: run "icp derive/);
    const bad = workdir({ 'icp.yaml': manualIcpYaml(INDUSTRY_SIZE).replace('points: 60', 'points: sixty') });
    const invalid = await runCli(['score', '-'], { cwd: bad, stdin: 'a\n1\n' });
    const validate = await runCli(['validate'], { cwd: bad });
    expect(invalid.code).toBe(1);
    const problem = validate.stdout.trim().split('\n')[0] as string;
    expect(problem).toMatch(/^icp\.yaml:\d+: criteria\[0\]\.points: /);
    expect(invalid.stderr).toContain(problem);
  });

  it("warns once about a missing column and fails when none of the ICP's columns exist", async () => {
    const some = await runCli(['score', '-', '--format', 'csv'], { cwd: dir, stdin: 'Industry\nSoftware\nRetail\n' });
    expect(some.code).toBe(0);
    expect(some.stderr.match(/no column for "Employees 50-500"/g)).toHaveLength(1);
    const none = await runCli(['score', '-', '--format', 'csv'], { cwd: dir, stdin: 'Colour\nred\n' });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/has none of the ICP's columns/);
  });

  it('finds a column by role when the header differs, and by --map', async () => {
    const byRole = await runCli(['score', '-', '--format', 'csv', '--quiet'], { cwd: dir, stdin: 'Sector,Number of Employees\nSoftware,100\n' });
    expect(parse(byRole.stdout)[1]?.[2]).toBe('100');
    const mapped = await runCli(['score', '-', '--format', 'csv', '--quiet', '--map', 'industry=Vertical'], {
      cwd: dir,
      stdin: 'Vertical,Employees\nSoftware,100\n',
    });
    expect(parse(mapped.stdout)[1]?.[2]).toBe('100');
  });

  it('writes TSV, Excel CSV (BOM, CRLF) with another delimiter, and ndjson', async () => {
    const csv = 'Industry,Employees\nSoftware,100\n';
    const tsv = await runCli(['score', '-', '--format', 'tsv', '--quiet'], { cwd: dir, stdin: csv });
    expect(tsv.stdout.split('\n')[0]).toBe('Industry\tEmployees\ticp_score\ticp_tier\ticp_matched\ticp_unknown');
    const excel = await runCli(['score', '-', '--excel', '--delimiter', ';', '--format', 'csv', '--quiet'], { cwd: dir, stdin: csv });
    expect(excel.stdout.startsWith('\uFEFFIndustry;Employees;icp_score')).toBe(true);
    expect(excel.stdout).toContain('\r\n');
    const nd = await runCli(['score', '-', '--format', 'ndjson', '--quiet'], { cwd: dir, stdin: csv });
    expect(JSON.parse(nd.stdout.trim())).toMatchObject({ Industry: 'Software', icp_score: 100, icp_tier: 'A' });
  });
});
