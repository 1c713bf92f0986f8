import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/io/lock.js';

const dir = () => mkdtempSync(join(tmpdir(), 'icp-lock-'));

describe('acquireLock', () => {
  it('lets one holder in, refuses a second while the first is alive, and frees on release', async () => {
    const path = join(dir(), 'review.lock');
    const first = await acquireLock(path, 'the 2026Q3 review');
    expect(first.tookOver).toBe(false);
    await expect(acquireLock(path, 'the 2026Q3 review')).rejects.toThrow(/already running \(pid \d+.*lock file .*review\.lock/);
    await first.release();
    expect(existsSync(path)).toBe(false);
    const again = await acquireLock(path, 'the 2026Q3 review');
    await again.release();
  });

  it('takes over a stale lock left by a killed run', async () => {
    const path = join(dir(), 'review.lock');
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid as number;
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(path, JSON.stringify({ pid, host: hostname(), token: 'dead', started: '2026-01-01T00:00:00Z' }));
    const lock = await acquireLock(path, 'the review');
    expect(lock.tookOver).toBe(true);
    await lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('treats an unreadable lock file as stale', async () => {
    const path = join(dir(), 'review.lock');
    writeFileSync(path, 'garbage');
    const lock = await acquireLock(path, 'the review');
    expect(lock.tookOver).toBe(true);
    await lock.release();
  });
});

describe('acquireLock under contention', () => {
  it('treats a lock older than hours as stale even when its pid is alive (pid reuse after a reboot)', async () => {
    const path = join(dir(), 'review.lock');
    writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname(), token: 'old', started: '2020-01-01T00:00:00Z' }));
    const lock = await acquireLock(path, 'the review');
    expect(lock.tookOver).toBe(true);
    await lock.release();
  });

  it('lets exactly one of many runs take over the same stale lock', async () => {
    const path = join(dir(), 'review.lock');
    writeFileSync(path, 'garbage');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acquireLock(path, 'the review')));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/already running/);
  });
});
