import { randomBytes } from 'node:crypto';
import { constants, readdirSync, unlinkSync } from 'node:fs';
import { copyFile, link, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode, writeError } from '../file-error.js';
import { writeTarget } from './write-target.js';
import type { IcpError } from '../../errors.js';

export interface AtomicWriteOptions {
  /** Replace an existing file (default true); false fails when the target exists. */
  overwrite?: boolean;
  /** How to name the file in error messages, e.g. the path as the user typed it. */
  displayPath?: string;
}

export const OVERWRITE_HINT = 'pass --force to overwrite, or -o another file';

// Filesystems without hard links (FAT, some network mounts) answer link() with one of these.
const NO_LINK_CODES = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Writes a file so that readers see the old content or the new, never a torn one: a temp file in the
 * same directory, fsynced, then renamed (or hard-linked, when overwriting is not allowed) into place.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const overwrite = options.overwrite ?? true;
  const shown = options.displayPath ?? path;
  const target = writeTarget(path);
  if (target.direct) return writeDirect(target.path, data, overwrite, shown);
  path = target.path;
  removeDeadTemps(path);
  const tmp = claimTemp(path);
  let handle: FileHandle | undefined;
  try {
    handle = await open(tmp, 'wx', await modeOf(path));
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (overwrite) await rename(tmp, path);
    else await linkExclusive(tmp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    throw toWriteError(error, shown);
  } finally {
    // After a rename the temp name is gone; after a link, or a failure, it must not be left behind.
    await rm(tmp, { force: true }).catch(() => undefined);
    releaseTemp(tmp);
  }
}

// Temp files this process is writing: what an interrupted run must remove before it exits.
const liveTemps = new Set<string>();

/**
 * A fresh temp name next to `path`, `.<name>.icp-tmp-<pid>-<hex>`, registered as live until releaseTemp.
 * The pid in the name lets a later run tell a killed run's leftover from a file still being written.
 */
export function claimTemp(path: string): string {
  const tmp = join(dirname(path), `${tempPrefix(path)}${process.pid}-${randomBytes(6).toString('hex')}`);
  liveTemps.add(tmp);
  return tmp;
}

/** The temp file was renamed into place or removed: nothing left to clean up. */
export function releaseTemp(tmp: string): void {
  liveTemps.delete(tmp);
}

/**
 * Removes every temp file this process still has open. Synchronous, for a signal or 'exit' handler,
 * where no further turn of the event loop is guaranteed; an open descriptor does not stop the unlink.
 */
export function removeLiveTemps(): void {
  for (const tmp of liveTemps) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed into place or removed: nothing to do.
    }
  }
  liveTemps.clear();
}

/**
 * Removes the temp files a killed run (kill -9, a crash, a power cut) left next to `path`: those whose pid
 * is no longer running. A running process's file, or one whose pid cannot be checked, is never touched.
 */
export function removeDeadTemps(path: string): void {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return; // a missing folder is reported by the write itself
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1];
    const tmp = join(dirname(path), name);
    if (pid === undefined || !isLeftover(Number(pid), tmp)) continue;
    try {
      unlinkSync(tmp);
    } catch {
      // Removed by another run at the same moment, or not ours to remove: leave it.
    }
  }
}

function tempPrefix(path: string): string {
  return `.${basename(path)}.icp-tmp-`;
}

// Signal 0 only checks: ESRCH means no such process; EPERM means it runs under another user, so alive.
function isLeftover(pid: number, tmp: string): boolean {
  // Our own pid on a file we did not claim: an earlier process that had the same pid (containers reuse them).
  if (pid === process.pid) return !liveTemps.has(tmp);
  // pid 0 and negative pids address process groups, not one process.
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errorCode(error) === 'ESRCH';
  }
}

/** A device or pipe exists already: there is nothing to replace atomically, so write into it. */
async function writeDirect(path: string, data: string | Uint8Array, overwrite: boolean, shown: string): Promise<void> {
  if (!overwrite) throw toWriteError(Object.assign(new Error('exists'), { code: 'EEXIST' }), shown);
  try {
    await writeFile(path, data);
  } catch (error) {
    throw toWriteError(error, shown);
  }
}

// link() fails with EEXIST atomically, so of two writers racing for the same new file only one wins.
async function linkExclusive(tmp: string, path: string): Promise<void> {
  try {
    await link(tmp, path);
  } catch (error) {
    if (!NO_LINK_CODES.has(errorCode(error))) throw error;
    await copyFile(tmp, path, constants.COPYFILE_EXCL);
  }
}

// Overwriting keeps the permissions the user gave the old file.
async function modeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

function toWriteError(error: unknown, shown: string): IcpError {
  return writeError(error, shown, errorCode(error) === 'EEXIST' ? OVERWRITE_HINT : undefined);
}
