import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsvLine } from '../../src/io/output/csv-writer.js';
import { formulaEscape } from '../../src/io/output/formula-guard.js';
import { runCli } from '../helpers/run-cli.js';

const parse = (text: string) =>
  Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false }).data.filter(
    (r, i, all) => !(i === all.length - 1 && r.length === 1 && r[0] === ''),
  );
const dir = mkdtempSync(join(tmpdir(), 'icp-classify-'));
const HEADER = ['Record ID', 'Job Title', 'Associated Company IDs'];
const OUT = [...HEADER, 'persona_seniority', 'persona_function', 'persona_rule'];

describe('icp personas classify', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      'VP Sales',
      'Co-founder & CEO | Acme',
      'Geschäftsführer',
      'Sr. Mgr, RevOps (she/her)',
      '=HYPERLINK("x")',
      '@SUM(A1)',
      'a,b',
      'say "hi"',
      'line\nbreak',
      '\tTab',
    ),
  );

  it('keeps every row and cell, apart from the formula escape, and appends the persona columns (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (rows) => {
        const body = rows.filter((r) => r.some((c) => c.trim() !== ''));
        fc.pre(body.length > 0);
        const csv = [toCsvLine(HEADER, { formulaEscape: false }), ...body.map((r) => toCsvLine(r, { formulaEscape: false }))].join('');
        const r = await runCli(['personas', 'classify', '-', '--quiet'], { cwd: dir, stdin: csv });
        expect(r.code, r.stderr).toBe(0);
        const out = parse(r.stdout);
        expect(out.length).toBe(body.length + 1);
        expect(out[0]).toEqual(OUT);
        body.forEach((row, i) => {
          expect(out[i + 1]?.slice(0, 3)).toEqual(row.map(formulaEscape));
          expect(out[i + 1]?.length).toBe(6);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('reads the title column by its role, says what it classified, and refuses a file classified before', async () => {
    writeFileSync(join(dir, 'c.csv'), 'Id,TITLE,ACCOUNTID\n1,VP Sales,a\n2,,b\n3,Sr. Software Engineer,a\n');
    const r = await runCli(['personas', 'classify', 'c.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout).map((row) => row.slice(3, 5))).toEqual([
      ['persona_seniority', 'persona_function'],
      ['vp', 'sales'],
      ['unknown', 'other'],
      ['senior', 'engineering'],
    ]);
    expect(r.stderr.split('\n')[0]).toBe('classified 3 contacts by "TITLE": 67% with a level, 67% with a function, 1 unreadable');
    writeFileSync(join(dir, 'done.csv'), r.stdout);
    const again = await runCli(['personas', 'classify', 'done.csv'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr.split('\n')[0]).toMatch(
      /^icp: error: \S*done\.csv already has persona_seniority, persona_function, persona_rule: it was classified before$/,
    );
  });

  it('uses --titles over the shipped dictionary, and --map for an unusual header', async () => {
    writeFileSync(join(dir, 'mine.yaml'), 'function:\n  sales: [rainmaker]\nseniority:\n  vp: [rainmaker]\n');
    writeFileSync(join(dir, 'p.csv'), 'Id,Position Held\n1,Chief Rainmaker\n2,Rainmaker\n');
    const none = await runCli(['personas', 'classify', 'p.csv'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr.split('\n')[0]).toMatch(/^icp: error: \S*p\.csv has no job title column$/);
    const r = await runCli(['personas', 'classify', 'p.csv', '--map', 'job_title=Position Held', '--titles', 'mine.yaml', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout).map((row) => row.slice(2, 4))).toEqual([
      ['persona_seniority', 'persona_function'],
      ['c-level', 'sales'],
      ['vp', 'sales'],
    ]);
    // Given before the subcommand's name, an option is the subcommand's all the same.
    const before = await runCli(['personas', '--titles', 'mine.yaml', '-q', 'classify', 'p.csv', '--map', 'job_title=Position Held'], { cwd: dir });
    expect([before.code, before.stdout, before.stderr]).toEqual([0, r.stdout, '']);
    // ... and is checked against the subcommand's choices, not the parent's.
    const table = await runCli(['personas', '--format', 'table', 'classify', 'p.csv'], { cwd: dir });
    expect([table.code, table.stderr.split('\n')[0]]).toEqual([
      2,
      "icp: error: option '--format <format>' argument 'table' is invalid. Allowed choices are csv, tsv, json, ndjson.",
    ]);
    writeFileSync(join(dir, 'bad.yaml'), 'seniority:\n  boss: [x]\n');
    const bad = await runCli(['personas', 'classify', 'p.csv', '--titles', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')[0]).toMatch(/^icp: error: title dictionary: seniority\.boss: .*\(bad\.yaml:2:3\)$/);
  });
});
