import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../src/core/icp/schema.js';
import { manualIcpYaml } from '../helpers/manual-icp.js';
import { spawnIcp } from '../helpers/spawn-icp.js';

const SOFTWARE: Criterion[] = [
  { column: 'Industry', attribute: 'industry', category: 'firmographic', label: 'Industry is Software', match: { in: ['Software'] }, points: 100 },
];
const SCORE_HEADER = 'icp_score,icp_tier,icp_matched,icp_unknown';

/** A temp dir with icp.yaml and the given files, where `icp` runs. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-eol-'));
  writeFileSync(join(dir, 'icp.yaml'), manualIcpYaml(SOFTWARE));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

// The reproducers of issue 14, fault 1: files whose records end in LF, CRLF or CR, mixed.
const REPRODUCERS = {
  'r1.csv': 'Industry,b\n1,2\r\n3,4\n',
  'r1b.csv': 'Industry,b\n1,\r\n',
  'r2.csv': 'Industry,b\r\n1,2\n3,4\r\n',
  'r3.csv': 'Industry,b\r\n1,"x"\ny,z\r\n',
};

describe('icp with mixed line endings (the built binary)', () => {
  it.each([
    ['r1.csv', ['1,2,0,D,,', '3,4,0,D,,']],
    ['r1b.csv', ['1,,0,D,,']],
    ['r2.csv', ['1,2,0,D,,', '3,4,0,D,,']],
    // A row goes through as its bytes were: the needless quotes stay.
    ['r3.csv', ['1,"x",0,D,,', 'y,z,0,D,,']],
  ])('score %s: every row, with its own cells and no stray CR', (name, rows) => {
    const dir = workspace(REPRODUCERS);
    const r = spawnIcp(['score', name, '--icp', 'icp.yaml', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([`Industry,b,${SCORE_HEADER}`, ...rows, ''].join('\n'));
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.stderr).toMatch(new RegExp(`scored ${rows.length} rows?`));
  });

  it('inspect r2.csv counts 2 rows', () => {
    const r = spawnIcp(['inspect', 'r2.csv', '--format', 'json'], { cwd: workspace(REPRODUCERS) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: number; columns: { header: string; examples: string[] }[] };
    expect(report.rows).toBe(2);
    expect(report.columns.map((c) => [c.header, c.examples])).toEqual([
      ['Industry', ['1', '3']],
      ['b', ['2', '4']],
    ]);
  });

  it('scores every customer of a file with CRLF on odd lines and LF on even ones, keeping quoted CRLF', () => {
    const lines = ['Company,Industry,Notes'];
    for (let i = 0; i < 20; i++) lines.push(`C${i},${i % 2 ? 'Software' : 'Retail'},${i === 3 ? '"two\r\nlines"' : 'n'}`);
    const text = lines.map((line, i) => line + (i % 2 ? '\n' : '\r\n')).join('');
    const r = spawnIcp(['score', 'customers.csv', '--icp', 'icp.yaml', '--format', 'csv'], { cwd: workspace({ 'customers.csv': text }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/scored 20 rows: A 10, .*D 10/);
    // Rows go through as their bytes were, each ended by the output's LF; a CRLF inside quotes stays.
    expect(r.stdout).toContain('\nC3,Software,"two\r\nlines",100,A,');
    expect(r.stdout.replace(/"two\r\nlines"/, '').includes('\r')).toBe(false);
  });

  it('names the right lines in warnings and errors', () => {
    // 1 header, 2 row, 3 short row (CR), 4-5 quoted CRLF, 6 blank, 7 stray quote (CR), 8 row, 9 open quote.
    const good = 'Industry,b\r\n1,2\n3\r4,"x\r\ny"\n\r\n5,"a"b"\r6,7\n';
    const dir = workspace({ 'w.csv': good, 'bad.csv': `${good}8,"never\r\nclosed\n` });
    const r = spawnIcp(['score', 'w.csv', '--icp', 'icp.yaml', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('line 3 has 1 field, expected 2 (w.csv:3)');
    expect(r.stderr).toContain('line 7 has a quote inside a quoted field that is not doubled; it was kept as text (w.csv:7)');
    expect(r.stderr).toContain('1 blank line between rows was skipped (line 6)');
    expect(r.stderr).toMatch(/scored 5 rows/);
    const bad = spawnIcp(['score', 'bad.csv', '--icp', 'icp.yaml', '--format', 'csv'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('icp: error: unterminated quoted field starting on line 9 (bad.csv:9)');
  });
});
