import { statSync } from 'node:fs';

/** True when `path` is a regular file, which can be read again from the start (stdin and pipes cannot). */
export function canReadTwice(path: string): boolean {
  if (path === '-') return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
