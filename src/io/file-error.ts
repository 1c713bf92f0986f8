import { dirname } from 'node:path';
import { IcpError } from '../errors.js';

// One wording for every file that cannot be read or written: "cannot read <file>: <reason>" with a hint.

/** The `code` of a Node system error (ENOENT, EPIPE...), or '' for anything else. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

const PERMISSION: [string, string] = ['permission denied', 'check the file permissions'];

const READ_REASONS: Record<string, [reason: string, hint: string]> = {
  ENOENT: ['no such file or directory', 'check the path, or pass - to read from stdin'],
  ENOTDIR: ['no such file or directory', 'check the path'],
  EISDIR: ['it is a folder', 'pass the path of a file inside it'],
  EACCES: PERMISSION,
  EPERM: PERMISSION,
};

const WRITE_REASONS: Record<string, (shown: string) => string> = {
  EEXIST: () => 'it already exists',
  ENOENT: (shown) => `the folder ${dirname(shown)} does not exist`,
  ENOTDIR: (shown) => `the folder ${dirname(shown)} does not exist`,
  EACCES: () => 'permission denied',
  EPERM: () => 'permission denied',
  EISDIR: () => 'it is a folder',
  ENOSPC: () => 'no space left on the device',
  EDQUOT: () => 'the disk quota is exceeded',
  EROFS: () => 'the file system is read-only',
  EFBIG: () => 'the file is too large for the file system',
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A failed read as an IcpError naming the file, e.g. `cannot read deals.csv: no such file or directory`.
 * `missingHint` replaces the hint for a file that does not exist (the ICP file: how to make one).
 */
export function readError(error: unknown, shown: string, missingHint?: string): IcpError {
  if (error instanceof IcpError) return error;
  const code = errorCode(error);
  const [reason, hint] = READ_REASONS[code] ?? [message(error), 'check that the file exists and can be read'];
  return new IcpError(`cannot read ${shown}: ${reason}`, { hint: code === 'ENOENT' && missingHint ? missingHint : hint, cause: error });
}

/** A failed write as an IcpError naming the destination, e.g. `cannot write out.csv: no space left on the device`. */
export function writeError(error: unknown, shown: string, hint?: string): IcpError {
  if (error instanceof IcpError) return error;
  const reason = WRITE_REASONS[errorCode(error)]?.(shown) ?? message(error);
  return new IcpError(`cannot write ${shown}: ${reason}`, { hint, cause: error });
}
