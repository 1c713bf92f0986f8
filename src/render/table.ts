import Table from 'cli-table3';
import { paint } from './messages.js';

/**
 * The most rows one table draws. cli-table3 lays a table out in time quadratic in its rows and hands
 * them to `Array.prototype.push.apply`, which overflows the stack near 100,000 rows; callers that may
 * have more rows (inspect on a wide file) choose their own subset and say what they left out.
 */
export const TABLE_MAX_ROWS = 1000;

/** A plain table for a terminal or a log; colour only on the header, and only when asked. */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[], color: boolean): string {
  const c = paint(color);
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    wordWrap: false,
  });
  const shown = Math.min(rows.length, TABLE_MAX_ROWS);
  for (let i = 0; i < shown; i++) table.push([...(rows[i] as readonly string[])]);
  const more = rows.length - shown;
  return more > 0 ? `${table.toString()}\n… and ${more} more rows` : table.toString();
}
