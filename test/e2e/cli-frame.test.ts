import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fixture, spawnIcp } from '../helpers/spawn-icp.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'icp-e2e-'));

describe('icp (the built binary)', () => {
  it('prints help, version and per-command help with examples', () => {
    const help = spawnIcp(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: icp/);
    expect(help.stdout).toMatch(/inspect/);
    const version = spawnIcp(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const inspect = spawnIcp(['inspect', '--help']);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/Examples:\n\s+\$ icp inspect/);
  });

  it('exits 2 on an unknown command, an unknown flag or a missing argument', () => {
    const bogus = spawnIcp(['bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/^icp: error: unknown command 'bogus'/);
    expect(bogus.stderr).toMatch(/\nhint: /);
    expect(spawnIcp(['inspect', fixture('customers.csv'), '--bogus']).code).toBe(2);
    const missing = spawnIcp(['inspect']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument/);
  });

  it('names the line of an unterminated quote read from stdin, in one line plus a hint', () => {
    const r = spawnIcp(['inspect', '-'], { input: 'a,b\n1,"x\n' });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^icp: error: .*unterminated.*line 2|^icp: error: .*\(<stdin>:2\)/);
    expect(lines[1]).toMatch(/^hint: /);
    expect(lines).toHaveLength(2);
  });

  it('says a missing file cannot be read, exit 1, and shows the stack only with --verbose', () => {
    const r = spawnIcp(['inspect', 'missing.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^icp: error: cannot read missing\.csv/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const verbose = spawnIcp(['inspect', 'missing.csv', '--verbose']);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });

  it('colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off', () => {
    const env = { PATH: process.env.PATH ?? '' };
    const forced = spawnIcp(['inspect', 'missing.csv'], { env: { ...env, FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\x1b[');
    const plain = spawnIcp(['inspect', 'missing.csv'], { env });
    expect(plain.stderr).not.toContain('\x1b[');
    const noColor = spawnIcp(['inspect', 'missing.csv'], { env: { ...env, FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stderr).not.toContain('\x1b[');
    const flag = spawnIcp(['inspect', 'missing.csv', '--no-color'], { env: { ...env, FORCE_COLOR: '1' } });
    expect(flag.stderr).not.toContain('\x1b[');
  });

  it('reads a semicolon, UTF-8 BOM, CRLF file with quoted headers and decimal commas with the right types', () => {
    const dir = tmp();
    const path = join(dir, 'export.csv');
    const rows = [
      '"Firma";"Branche";"Umsatz";"Anzahl Mitarbeiter";"Gründung";"Aktiv"',
      '"Müller GmbH";"Maschinenbau";"1.234,50 €";"51-200";"05.03.2001";"ja"',
      '"Schmidt AG";"Handel";"12.000,00 €";"1.001-5.000";"17.11.1999";"nein"',
      '"Weber KG";"Maschinenbau";"999,99 €";"11-50";"01.02.2010";"ja"',
      '"Fischer; Söhne";"Handel";"45.000,10 €";"201-500";"30.06.1985";"nein"',
    ];
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join('\r\n') + '\r\n')]));
    const r = spawnIcp(['inspect', path, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { delimiter: string; rows: number; columns: { header: string; type: string; min: unknown; max: unknown }[] };
    expect(report.delimiter).toBe(';');
    expect(report.rows).toBe(4);
    const col = (h: string) => report.columns.find((c) => c.header === h);
    expect(col('Branche')?.type).toBe('category');
    expect(col('Umsatz')).toMatchObject({ type: 'money', min: 999.99, max: 45000.1 });
    expect(col('Anzahl Mitarbeiter')?.type).toBe('employee_range');
    expect(col('Gründung')).toMatchObject({ type: 'date', min: '1985-06-30', max: '2010-02-01' });
  });

  it('ends quietly with exit 0 when stdout is closed early (| head)', () => {
    const dir = tmp();
    const path = join(dir, 'wide.csv');
    const header = Array.from({ length: 3000 }, (_, i) => `col${i}`);
    const row = header.map((_, i) => `value ${i}`);
    writeFileSync(path, `${header.join(',')}\n${row.join(',')}\n${row.join(',')}\n`);
    const script = `"${process.execPath}" "${BIN}" inspect "${path}" --format json | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).toBe('');
  });
});
