import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../helpers/papaparse/csv-reader.js';
import { formulaEscape } from '../../src/io/output/formula-guard.js';
import { INDUSTRY_SIZE, manualIcpYaml } from '../helpers/manual-icp.js';
import { runCli } from '../helpers/run-cli.js';
import { chunkedStream } from '../io/csv/stream-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'icp-pass-'));
writeFileSync(join(dir, 'icp.yaml'), manualIcpYaml(INDUSTRY_SIZE));
const SCORE_COLUMNS = 4;

/** Rows as the papaparse reader reads them. */
async function cellsOf(text: string, delimiter?: string): Promise<{ header: string[]; rows: string[][] }> {
  const { file, rows } = await readCsv('-', { stdin: chunkedStream(text, 4096), ...(delimiter && { delimiter }) });
  return { header: file.rawHeader, rows: rows.map((r) => r.cells) };
}

// Valid cells, cells that need quotes, cells a spreadsheet would run, and raw pieces that break the rules.
const piece = fc.constantFrom(
  'Software',
  'Retail',
  '120',
  '5',
  '-5',
  '-',
  '=SUM(A1)',
  '+1 (555)',
  '@x',
  'a b',
  'é東😀',
  ' ',
  '"',
  '""',
  '"q"',
  '"a,b"',
  '"x\ny"',
  '"x\r\ny"',
  '"a" ',
  ',',
  ';',
  '\t',
  '\n',
  '\r',
  '\r\n',
);
const body = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('icp score writes every input row through, byte for byte or re-written, with the same cells', () => {
  it('for any input, the output reads back as the reference reader read the input, plus the score columns', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom<string[]>([], ['--no-formula-escape'], ['--excel'], ['--delimiter', ';'], ['--format', 'tsv']),
        async (text, delimiter, newline, flags) => {
          const input = ['Industry', 'Employees', 'Notes'].join(delimiter) + newline + text.replace(/,/g, delimiter);
          const r = await runCli(['score', '-', '--format', 'csv', '--quiet', '--input-delimiter', delimiter, ...flags], { cwd: dir, stdin: input });
          const reference = await cellsOf(input, delimiter).catch((error: Error) => error);
          if (reference instanceof Error) {
            // An unterminated quote stops both readers with the same message.
            expect(r.code).toBe(1);
            expect(r.stderr).toContain(reference.message);
            return;
          }
          expect(r.code).toBe(0);
          const outDelimiter = flags.includes('tsv') ? '\t' : flags.includes(';') ? ';' : ',';
          const out = await cellsOf(r.stdout.replace(/^\uFEFF/, ''), outDelimiter);
          const escaped = flags.includes('--no-formula-escape') ? (cell: string) => cell : formulaEscape;
          expect(out.header.slice(0, 3)).toEqual(['Industry', 'Employees', 'Notes']);
          expect(out.rows).toHaveLength(reference.rows.length);
          reference.rows.forEach((cells, i) => {
            const row = out.rows[i] as string[];
            const padded = [...cells, '', '', ''].slice(0, 3);
            expect(row.slice(0, 3)).toEqual(padded.map(escaped));
            expect(row.slice(3 + SCORE_COLUMNS)).toEqual(cells.slice(3).map(escaped));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes a well-formed row through as it was written, unnecessary quotes and CRLF inside cells included', async () => {
    const input = 'Industry,Employees,Notes\r\n"Software",120,"line\r\nbreak"\r\nRetail,5,"say ""hi"""\r\n';
    const r = await runCli(['score', '-', '--format', 'csv', '--quiet'], { cwd: dir, stdin: input });
    expect(r.stdout.split('\n').slice(1).join('\n')).toBe(
      '"Software",120,"line\r\nbreak",100,A,Industry is Software; Employees 50-500,\nRetail,5,"say ""hi""",0,D,,\n',
    );
  });

  it('re-writes a row that needs the formula escape or has a stray quote', async () => {
    const input = 'Industry,Employees,Notes\nSoftware,120,=1+2\nRetail,5,a "b" c\n';
    const r = await runCli(['score', '-', '--format', 'csv', '--quiet'], { cwd: dir, stdin: input });
    expect(r.stdout.split('\n').slice(1, 3)).toEqual(["Software,120,'=1+2,100,A,Industry is Software; Employees 50-500,", 'Retail,5,"a ""b"" c",0,D,,']);
  });
});
