import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode, writeError } from './write-error.js';
import { writeTarget } from './write-target.js';
import { IcpError } from '../errors.js';

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
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const overwrite = options.overwrite ?? true;
  const shown = options.displayPath ?? path;
  const target = writeTarget(path);
  if (target.direct) return writeDirect(target.path, data, overwrite, shown);
  path = target.path;
  const tmp = join(dirname(path), `.${basename(path)}.icp-tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
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
