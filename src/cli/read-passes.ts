import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { streamTable, type TableHead } from '../io/csv/stream-table.js';

/** One read of a file, made from its head and fed every row; `reread` says how to read it again, if it must. */
export interface Pass<R> {
  /** The columns add() reads (undefined: every one). */
  readonly columnsUsed: readonly number[] | undefined;
  /** Keeps cells of many rows: the stream shares equal cells (see RowConsumer.shareCells). */
  readonly shareCells?: boolean;
  add(row: readonly string[]): void;
  readonly reread: R | undefined;
}

/**
 * Reads a file row by row into a pass made from its head, again (a new pass, given the last one's `reread`)
 * until a pass settles; the file's warnings are said on the first read only. `onRows` hears the rows read
 * so far (every 1,024), `onReread` each read again. The one re-read loop of the deals joins.
 */
export async function readInPasses<R, P extends Pass<R>>(
  path: string,
  read: CsvReadOptions,
  sampleRows: number,
  makePass: (head: TableHead, again: R | undefined) => P,
  hooks: { onRows?: ((rows: number) => void) | undefined; onReread?: ((again: R) => void) | undefined } = {},
): Promise<{ pass: P; sha256: string }> {
  let again: R | undefined;
  for (let first = true; ; first = false) {
    const options = first ? read : { ...read, onWarning: () => undefined };
    const { consumer, sha256 } = await streamTable(path, options, sampleRows, (head) => {
      const pass = makePass(head, again);
      return {
        pass,
        ...(pass.columnsUsed && { columnsUsed: pass.columnsUsed }),
        shareCells: pass.shareCells === true,
        add: (row: readonly string[], at: number) => {
          // Cheap enough per row: the callback only draws every 1,024 rows and ten times a second at most.
          if ((at & 1023) === 0) hooks.onRows?.(at);
          pass.add(row);
        },
      };
    });
    again = consumer.pass.reread;
    if (again === undefined) return { pass: consumer.pass, sha256 };
    hooks.onReread?.(again);
  }
}
