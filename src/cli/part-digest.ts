import { createHash } from 'node:crypto';
import type { Table } from '../core/table.js';

/**
 * A digest of a part of a file, of its header and rows (not of any file's bytes), added to a row at a time:
 * a part must not pass for the whole file, which would make a report look in-sample (the same sha256 as a
 * source). The sha256 of JSON.stringify([header, rows]), however the rows came.
 */
export class PartDigest {
  private readonly hash = createHash('sha256');
  private rows = 0;
  /** Rows not yet hashed: one update per 64 KB, not per row (a call into the hash costs more than the row). */
  private pending = '';

  constructor(header: readonly string[]) {
    this.hash.update(`[${JSON.stringify(header)},[`);
  }

  add(row: readonly string[]): void {
    this.pending += (this.rows++ === 0 ? '' : ',') + JSON.stringify(row);
    if (this.pending.length >= 65536) {
      this.hash.update(this.pending);
      this.pending = '';
    }
  }

  digest(): string {
    return this.hash.update(`${this.pending}]]`).digest('hex');
  }
}

/** A part of a file held as a table, with its PartDigest for sha256. */
export function partDigest(table: Table): Table {
  const digest = new PartDigest(table.header);
  for (const row of table.rows) digest.add(row);
  return { name: table.name, header: table.header, rows: table.rows, lines: table.lines, sha256: digest.digest() };
}
