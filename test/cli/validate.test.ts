import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as init } from '../../src/cli/commands/init.js';
import { run as validate } from '../../src/cli/commands/validate.js';
import type { CommandContext } from '../../src/cli/context.js';
import { INIT_OPTIONS, VALIDATE_OPTIONS } from '../../src/cli/options/small-commands.js';
import { optionValues } from '../../src/cli/options/spec.js';
import { IcpError, UsageError } from '../../src/errors.js';
import { spawnIcp } from '../helpers/spawn-icp.js';

function fakeContext(cwd: string): CommandContext & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    color: false,
    verbose: false,
    quiet: false,
    cwd,
    warn: (w) => (stderr += `warning: ${w.message}\n`),
    now: () => new Date('2026-11-23T12:00:00Z'),
    out: () => stdout,
    err: () => stderr,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'icp-validate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('icp validate', () => {
  it('passes on the file icp init wrote, and says what it holds', async () => {
    expect(await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, fakeContext(dir))).toBe(0);
    const ctx = fakeContext(dir);
    expect(await validate({ args: [], options: optionValues(VALIDATE_OPTIONS, {}) }, ctx)).toBe(0);
    expect(ctx.out()).toBe('icp.yaml: ok (manual, 9 criteria, tiers A>=75 B>=50 C>=25)\n');
  });

  it('passes a hand-written file with only tier A, and fails C without B with a clear message', async () => {
    await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, fakeContext(dir));
    const text = await readFile(join(dir, 'icp.yaml'), 'utf8');
    const withTiers = (tiers: string) => text.replace(/^tiers:\n(?: {2}.*\n)+/m, `tiers: ${tiers}\n`);
    expect(withTiers('{A: 80}')).not.toBe(text);
    await writeFile(join(dir, 'one.yaml'), withTiers('{A: 80}'));
    const ok = fakeContext(dir);
    expect(await validate({ args: ['one.yaml'], options: optionValues(VALIDATE_OPTIONS, {}) }, ok)).toBe(0);
    expect(ok.out()).toBe('one.yaml: ok (manual, 9 criteria, tiers A>=80)\n');

    const bad = withTiers('{A: 50, C: 20}');
    await writeFile(join(dir, 'gap.yaml'), bad);
    const ctx = fakeContext(dir);
    expect(await validate({ args: ['gap.yaml'], options: optionValues(VALIDATE_OPTIONS, {}) }, ctx)).toBe(1);
    const line = bad.split('\n').findIndex((l) => l.startsWith('tiers:')) + 1;
    expect(ctx.out()).toBe(
      `gap.yaml:${line}: tiers.C: C (20) needs a B between A (50) and C: add B, or remove C (a file may have A; A and B; or A, B and C)\n`,
    );
  });

  it('reports a wrong type with its YAML line and exits 1', async () => {
    await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, fakeContext(dir));
    const lines = (await readFile(join(dir, 'icp.yaml'), 'utf8')).split('\n');
    const index = lines.findIndex((l) => l.trim() === 'points: 15');
    lines[index] = '    points: fifteen';
    await writeFile(join(dir, 'edited.yaml'), lines.join('\n'));
    const ctx = fakeContext(dir);
    expect(await validate({ args: ['edited.yaml'], options: optionValues(VALIDATE_OPTIONS, {}) }, ctx)).toBe(1);
    expect(ctx.out()).toBe(`edited.yaml:${index + 1}: criteria[3].points: expected a number, got text "fifteen"\n`);
  });

  it('prints every problem, one per line, schema ones in file order', async () => {
    const lines = ['version: 2', 'name: x', 'status: ok', 'criteria: []', 'tiers: {A: 75, B: 50, C: 80}', 'extra: 1'];
    const text = `${lines.join('\n')}\n`;
    await writeFile(join(dir, 'icp.yaml'), text);
    const ctx = fakeContext(dir);
    expect(await validate({ args: [], options: optionValues(VALIDATE_OPTIONS, {}) }, ctx)).toBe(1);
    expect(ctx.out().split('\n')).toEqual([
      'icp.yaml:1: version: expected 1, got 2',
      'icp.yaml:1: generated_at: is required',
      'icp.yaml:1: source: is required',
      'icp.yaml:1: cohort: is required',
      'icp.yaml:6: extra: unknown key "extra"',
      '',
    ]);
  });

  it('reports rule problems once the schema is satisfied', async () => {
    await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, fakeContext(dir));
    const text = (await readFile(join(dir, 'icp.yaml'), 'utf8')).replace(/^status: manual$/m, 'status: inconclusive');
    await writeFile(join(dir, 'icp.yaml'), text);
    const ctx = fakeContext(dir);
    expect(await validate({ args: ['icp.yaml'], options: optionValues(VALIDATE_OPTIONS, {}) }, ctx)).toBe(1);
    const line = text.split('\n').indexOf('criteria:') + 1;
    expect(ctx.out()).toBe(
      `icp.yaml:${line}: criteria: an inconclusive ICP has no criteria; remove them, or set status: manual to use criteria written by hand\n`,
    );
  });

  it('prints json with --format json', async () => {
    await writeFile(join(dir, 'icp.yaml'), 'version: [1\n');
    const ctx = fakeContext(dir);
    expect(await validate({ args: [], options: optionValues(VALIDATE_OPTIONS, { format: 'json' }) }, ctx)).toBe(1);
    const report = JSON.parse(ctx.out());
    expect(report).toMatchObject({ file: 'icp.yaml', ok: false });
    expect(report.problems[0]).toMatchObject({ file: 'icp.yaml', line: expect.any(Number), path: '' });

    await init({ args: [], options: optionValues(INIT_OPTIONS, { output: 'good.yaml' }) }, fakeContext(dir));
    const good = fakeContext(dir);
    expect(await validate({ args: ['good.yaml'], options: optionValues(VALIDATE_OPTIONS, { format: 'json' }) }, good)).toBe(0);
    expect(JSON.parse(good.out())).toEqual({ file: 'good.yaml', ok: true, problems: [] });
  });

  it('throws an IcpError for a missing file, so the top level prints it with a hint', async () => {
    const ctx = fakeContext(dir);
    const error = await validate({ args: ['missing.yaml'], options: optionValues(VALIDATE_OPTIONS, {}) }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IcpError);
    expect(error).toMatchObject({ message: 'cannot read missing.yaml: no such file or directory', exitCode: 1 });
    expect((error as IcpError).hint).toContain('icp init');
    expect(ctx.out()).toBe('');
  });

  it('rejects an unknown format and a second file as usage errors', async () => {
    const ctx = fakeContext(dir);
    // commander refuses a format outside the option's choices, before the command runs.
    const { main } = await import('../../src/cli/main.js');
    let err = '';
    expect(
      await main(['node', 'icp', 'validate', '--format', 'xml'], { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, cwd: dir }),
    ).toBe(2);
    expect(err).toMatch(/--format.*xml|xml.*--format/);
    await expect(validate({ args: ['a.yaml', 'b.yaml'], options: optionValues(VALIDATE_OPTIONS, {}) }, ctx)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('icp validate on huge or hostile files (the built CLI)', () => {
  const refused = (file: string) => {
    const r = spawnIcp(['validate', file], { cwd: dir });
    return { code: r.code, lines: r.stderr.trimEnd().split('\n'), stdout: r.stdout };
  };

  it('refuses a 115 MB file by its size with one error line and a hint, exit 1', async () => {
    await writeFile(join(dir, 'icp.yaml'), '');
    await truncate(join(dir, 'icp.yaml'), 115 * 1024 * 1024);
    const r = refused('icp.yaml');
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['icp: error: icp.yaml is 115 MB; an ICP file may be at most 5 MB', expect.stringMatching(/^hint: /)]);
  });

  it('refuses an in: list of too many values, and says which file', async () => {
    await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, fakeContext(dir));
    const text = await readFile(join(dir, 'icp.yaml'), 'utf8');
    const list = Array.from({ length: 250_000 }, (_, i) => `v${i}`).join(', ');
    await writeFile(join(dir, 'many.yaml'), text.replace(/^(\s+in: \[)/m, `$1${list}, `));
    const r = refused('many.yaml');
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('icp: error: many.yaml lists more than 100,000 values; an ICP file may list at most 100,000 in its criteria');
    expect(r.lines).toHaveLength(2);
  });

  it('refuses a billion-laughs file on one line, exit 1', async () => {
    const lines = ['lol: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
    await writeFile(join(dir, 'laughs.yaml'), lines.join('\n') + '\n');
    const r = refused('laughs.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('laughs.yaml:1: YAML aliases expand more than 100 times (an alias bomb); an ICP file needs no aliases\n');
  });

  it('still passes an ordinary file', async () => {
    await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, fakeContext(dir));
    const r = spawnIcp(['validate'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^icp\.yaml: ok/);
  });
});
