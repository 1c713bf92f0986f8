import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every test file makes its temp folders under a root of its own, removed when the file is done: os.tmpdir()
 * reads TMPDIR, so the tests' mkdtemp(join(tmpdir(), ...)) calls land there without each one cleaning up.
 * (Spawned icp processes get their own environment and the system's temp folder.)
 */
const previous = process.env.TMPDIR;
const root = mkdtempSync(join(tmpdir(), 'icp-test-'));
process.env.TMPDIR = root;

afterAll(() => {
  if (previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previous;
  rmSync(root, { recursive: true, force: true });
});
