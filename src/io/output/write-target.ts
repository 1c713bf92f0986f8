import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Where a write to `path` must really go. A symlink is followed, so the link stays and its target gets the
 * new content; a device or pipe (`/dev/stdout`, `/dev/null`, a FIFO) is written straight to, since renaming a
 * temp file over it would replace it with a regular file.
 */
export function writeTarget(path: string): { path: string; direct: boolean } {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // Missing: but a dangling symlink still names where the file should be created.
    try {
      if (lstatSync(path).isSymbolicLink()) target = resolve(dirname(path), readlinkSync(path));
    } catch {
      // Neither file nor link: a new file at `path`.
    }
  }
  try {
    const stats = statSync(target);
    return { path: target, direct: !stats.isFile() && !stats.isDirectory() };
  } catch {
    return { path: target, direct: false };
  }
}
