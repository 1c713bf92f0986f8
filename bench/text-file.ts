import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

const FLUSH_CHARS = 4 * 2 ** 20;

/** Writes a big text file line by line in ~4 MiB pieces, to `path` only once complete (a temp name until then). */
export function writeTextFile(path: string, fill: (write: (text: string) => void) => void): void {
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  let pending = '';
  try {
    fill((text) => {
      pending += text;
      if (pending.length >= FLUSH_CHARS) {
        writeSync(fd, pending);
        pending = '';
      }
    });
    writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** RFC 4180: quoted only when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
