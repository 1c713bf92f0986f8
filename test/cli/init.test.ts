import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
import { checkIcpText } from '../../src/io/yaml.js';

function fakeContext(cwd: string, quiet = false): CommandContext & { out: () => string; err: () => string } {
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
    quiet,
    cwd,
    warn: (w) => (stderr += `warning: ${w.message}\n`),
    now: () => new Date('2026-11-23T12:00:00Z'),
    out: () => stdout,
    err: () => stderr,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'icp-init-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('icp init', () => {
  it('writes icp.yaml in the working folder, reports on stderr, prints nothing on stdout', async () => {
    const ctx = fakeContext(dir);
    expect(await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, ctx)).toBe(0);
    expect(ctx.out()).toBe('');
    expect(ctx.err()).toBe('wrote icp.yaml\nnext: edit it, then run "icp validate icp.yaml"\n');
    const { doc, problems } = checkIcpText(await readFile(join(dir, 'icp.yaml'), 'utf8'), 'icp.yaml');
    expect(problems).toEqual([]);
    expect(doc).toMatchObject({ status: 'manual', generated_at: '2026-11-23T12:00:00.000Z' });
    expect(await readdir(dir)).toEqual(['icp.yaml']);
  });

  it('then icp validate passes on the -o file', async () => {
    expect(await init({ args: [], options: optionValues(INIT_OPTIONS, { output: 'icp-manual.yaml' }) }, fakeContext(dir))).toBe(0);
    const ctx = fakeContext(dir);
    expect(await validate({ args: ['icp-manual.yaml'], options: optionValues(VALIDATE_OPTIONS, {}) }, ctx)).toBe(0);
    expect(ctx.out()).toMatch(/^icp-manual\.yaml: ok \(manual, /);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    await writeFile(join(dir, 'icp.yaml'), 'my edits');
    const ctx = fakeContext(dir);
    const error = await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IcpError);
    expect(error).toMatchObject({
      message: 'cannot write icp.yaml: it already exists',
      hint: 'pass --force to overwrite, or -o another file',
    });
    expect(await readFile(join(dir, 'icp.yaml'), 'utf8')).toBe('my edits');
    expect(ctx.err()).toBe('');

    expect(await init({ args: [], options: optionValues(INIT_OPTIONS, { force: true }) }, fakeContext(dir))).toBe(0);
    expect(await readFile(join(dir, 'icp.yaml'), 'utf8')).toMatch(/^# Ideal Customer Profile/);
  });

  it('prints the template to stdout with -o -, writing no file', async () => {
    const ctx = fakeContext(dir);
    expect(await init({ args: [], options: optionValues(INIT_OPTIONS, { output: '-' }) }, ctx)).toBe(0);
    expect(checkIcpText(ctx.out(), '-').problems).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves out the next-step line with --quiet', async () => {
    const ctx = fakeContext(dir, true);
    await init({ args: [], options: optionValues(INIT_OPTIONS, {}) }, ctx);
    expect(ctx.err()).toBe('wrote icp.yaml\n');
  });

  it('takes no positional arguments', async () => {
    await expect(init({ args: ['icp.yaml'], options: optionValues(INIT_OPTIONS, {}) }, fakeContext(dir))).rejects.toBeInstanceOf(UsageError);
  });
});
