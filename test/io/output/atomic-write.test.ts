import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IcpError } from '../../../src/errors.js';
import { claimTemp, releaseTemp, removeDeadTemps, removeLiveTemps, writeFileAtomic } from '../../../src/io/output/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'icp-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('writeFileAtomic', () => {
  it('writes a new file from a string or from bytes, leaving no temp file behind', async () => {
    await writeFileAtomic(join(dir, 'a.yaml'), 'héllo\n');
    await writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([0, 255, 10]));
    expect(await readFile(join(dir, 'a.yaml'), 'utf8')).toBe('héllo\n');
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([0, 255, 10]);
    expect((await readdir(dir)).sort()).toEqual(['a.yaml', 'b.bin']);
  });

  it('replaces an existing file by default', async () => {
    const path = join(dir, 'icp.yaml');
    await writeFile(path, 'old content that is longer than the new one');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['icp.yaml']);
  });

  it('with overwrite: false refuses an existing file and leaves it untouched', async () => {
    const path = join(dir, 'icp.yaml');
    await writeFile(path, 'keep me');
    const error = await failure(writeFileAtomic(path, 'new', { overwrite: false, displayPath: 'icp.yaml' }));
    expect(error).toBeInstanceOf(IcpError);
    expect(error).toMatchObject({
      message: 'cannot write icp.yaml: it already exists',
      hint: 'pass --force to overwrite, or -o another file',
    });
    expect(await readFile(path, 'utf8')).toBe('keep me');
    expect(await readdir(dir)).toEqual(['icp.yaml']);
  });

  it('with overwrite: false creates a new file', async () => {
    await writeFileAtomic(join(dir, 'new.yaml'), 'x', { overwrite: false });
    expect(await readFile(join(dir, 'new.yaml'), 'utf8')).toBe('x');
    expect(await readdir(dir)).toEqual(['new.yaml']);
  });

  it('lets exactly one of many racing exclusive writers win', async () => {
    const path = join(dir, 'race.yaml');
    const results = await Promise.allSettled(Array.from({ length: 16 }, (_, i) => writeFileAtomic(path, `writer ${i}`, { overwrite: false })));
    const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(`writer ${winners[0]}`);
    for (const r of results) {
      if (r.status === 'rejected') expect(String(r.reason.message)).toMatch(/it already exists$/);
    }
    expect(await readdir(dir)).toEqual(['race.yaml']);
  });

  it('says which folder is missing', async () => {
    const path = join(dir, 'no', 'such', 'icp.yaml');
    const error = await failure(writeFileAtomic(path, 'x', { displayPath: 'no/such/icp.yaml' }));
    expect(error).toBeInstanceOf(IcpError);
    expect(error).toMatchObject({ message: 'cannot write no/such/icp.yaml: the folder no/such does not exist' });
  });

  it('refuses to replace a folder and cleans up its temp file', async () => {
    await mkdir(join(dir, 'icp.yaml'));
    await writeFile(join(dir, 'icp.yaml', 'inside'), 'x');
    const error = await failure(writeFileAtomic(join(dir, 'icp.yaml'), 'x', { displayPath: 'icp.yaml' }));
    expect(error).toBeInstanceOf(IcpError);
    expect((error as IcpError).message).toMatch(/^cannot write icp\.yaml: /);
    expect(await readdir(dir)).toEqual(['icp.yaml']);
  });

  it.skipIf(process.platform === 'win32')('keeps the permissions of the file it replaces', async () => {
    const path = join(dir, 'icp.yaml');
    await writeFile(path, 'old');
    await chmod(path, 0o600);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe('temp files of runs that did not finish', () => {
  // A process that has exited: its pid is free (reuse within the test is practically impossible).
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid as number;
  const temp = (name: string, pid: number) => `.${name}.icp-tmp-${pid}-a1b2c3d4e5f6`;

  it("removes a dead process's temp file of the same target, but not a live one's, another target's or a stranger", async () => {
    const dead = temp('out.csv', deadPid());
    // The parent (the test runner) is alive; pid 1 is alive too, even when signalling it is not permitted (EPERM).
    const kept = [temp('out.csv', process.ppid), temp('out.csv', 1), temp('other.csv', deadPid()), '.out.csv.icp-tmp-x-y', 'out.csv'];
    for (const name of [dead, ...kept]) await writeFile(join(dir, name), 'x');
    removeDeadTemps(join(dir, 'out.csv'));
    expect((await readdir(dir)).sort()).toEqual([...kept].sort());
  });

  it("treats this pid's unclaimed temp file as an earlier process's leftover, and a claimed one as live", async () => {
    const path = join(dir, 'out.csv');
    const claimed = claimTemp(path);
    await writeFile(claimed, 'being written');
    await writeFile(join(dir, temp('out.csv', process.pid)), 'left by an earlier process with this pid');
    removeDeadTemps(path);
    expect(await readdir(dir)).toEqual([claimed.slice(dir.length + 1)]);
    releaseTemp(claimed);
  });

  it('writeFileAtomic sweeps dead temp files of its target before writing', async () => {
    const dead = temp('icp.yaml', deadPid());
    await writeFile(join(dir, dead), 'partial');
    await writeFileAtomic(join(dir, 'icp.yaml'), 'new');
    expect(await readdir(dir)).toEqual(['icp.yaml']);
  });

  it('removeLiveTemps removes every claimed temp file still there (what SIGINT and SIGTERM do)', async () => {
    const a = claimTemp(join(dir, 'a.csv'));
    const b = claimTemp(join(dir, 'b.csv'));
    await writeFile(a, 'partial');
    await writeFile(join(dir, 'b.csv'), 'renamed into place already');
    removeLiveTemps();
    expect(b.includes(`.icp-tmp-${process.pid}-`)).toBe(true);
    expect(await readdir(dir)).toEqual(['b.csv']);
  });
});
