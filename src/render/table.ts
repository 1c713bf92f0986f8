import Table from 'cli-table3';
import { paint } from './messages.js';

/** A plain table for a terminal or a log; colour only on the header, and only when asked. */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[], color: boolean): string {
  const c = paint(color);
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    wordWrap: false,
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}
