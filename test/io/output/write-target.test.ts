import { lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/io/output/atomic-write.js';
import { openOutput } from '../../../src/io/output/output-sink.js';
import { writeTarget } from '../../../src/io/output/write-target.js';

describe('writing through links and to devices', () => {
  it('writes a device such as /dev/null directly instead of renaming a file over it', async () => {
    expect(writeTarget('/dev/null')).toEqual({ path: '/dev/null', direct: true });
    await writeFileAtomic('/dev/null', 'discarded');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    const sink = openOutput('/dev/null', process.stdout);
    sink.stream.write('discarded too');
    await sink.commit();
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('follows a symlink: the link stays, its target gets the new content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-link-'));
    writeFileSync(join(dir, 'real.yaml'), 'old');
    symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
    await writeFileAtomic(join(dir, 'link.yaml'), 'new');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe('new');
    const sink = openOutput(join(dir, 'link.yaml'), process.stdout);
    sink.stream.write('newer');
    await sink.commit();
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe('newer');
  });

  it('creates the target of a dangling symlink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-link-'));
    symlinkSync(join(dir, 'later.csv'), join(dir, 'link.csv'));
    await writeFileAtomic(join(dir, 'link.csv'), 'x');
    expect(readFileSync(join(dir, 'later.csv'), 'utf8')).toBe('x');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
  });
});
