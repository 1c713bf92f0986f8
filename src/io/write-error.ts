import { dirname } from 'node:path';
import { IcpError } from '../errors.js';

/** The `code` of a Node system error (ENOENT, EPIPE...), or '' for anything else. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

const REASONS: Record<string, (shown: string) => string> = {
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

/** A failed write as an IcpError naming the destination, e.g. `cannot write out.csv: no space left on the device`. */
export function writeError(error: unknown, shown: string, hint?: string): IcpError {
  if (error instanceof IcpError) return error;
  const reason = REASONS[errorCode(error)]?.(shown) ?? (error instanceof Error ? error.message : String(error));
  return new IcpError(`cannot write ${shown}: ${reason}`, { hint, cause: error });
}
