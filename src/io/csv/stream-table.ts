import type { CsvReadOptions } from './csv-read-options.js';
import { openCsv, takeSample } from './csv-reader.js';
import type { RecordBatch } from './record-batch.js';
import { CellInterner } from './cell-interner.js';

/** What takes a table one row at a time: made from the header and the first rows, then given every row. */
export interface RowConsumer {
  /** Row `at` of the file (0 for the first data row). */
  add(row: readonly string[], at: number): void;
  /** The columns add() reads; the others are left out of the rows (undefined). Every column when absent. */
  readonly columnsUsed?: readonly number[];
  /**
   * Equal cells as one string (CellInterner), for a consumer that keeps cells of many rows: less memory,
   * about a tenth more time to read, so only when asked.
   */
  readonly shareCells?: boolean;
}

/** The file as `start` sees it before the rows come: its name, header and first rows, in full. */
export interface TableHead {
  name: string;
  header: string[];
  sample: string[][];
}

/**
 * Reads a CSV row by row into the consumer `start` makes from its head (the first `sampleRows` rows),
 * holding no more than those rows: for files too large to keep as a Table, such as a year of deals.
 */
export async function streamTable<T extends RowConsumer>(
  path: string,
  options: CsvReadOptions,
  sampleRows: number,
  start: (head: TableHead) => T,
): Promise<{ consumer: T; rows: number; sha256: string }> {
  const file = await openCsv(path, options);
  const batches = file.batches()[Symbol.asyncIterator]();
  const { held, sample } = await takeSample(batches, sampleRows);
  const consumer = start({ name: file.displayName, header: file.header, sample });
  const used = consumer.columnsUsed;
  let rows = 0;
  const interner = consumer.shareCells ? new CellInterner() : undefined;
  const feed = (batch: RecordBatch): void => {
    for (let r = batch.start; r < batch.count; r++) {
      const row = rows < sample.length ? (sample[rows] as string[]) : interner ? batch.sharedRow(r, interner, used) : batch.row(r, used);
      consumer.add(row, rows++);
    }
  };
  for (const batch of held) feed(batch);
  for (;;) {
    const next = await batches.next();
    if (next.done) break;
    feed(next.value);
  }
  return { consumer, rows, sha256: file.stats().sha256 };
}
