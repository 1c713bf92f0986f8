import type { CsvReadOptions } from './csv-read-options.js';
import { openCsvRecords } from './csv-records.js';

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvStats {
  rows: number;
  bytes: number;
  sha256: string;
  malformedRows: number;
}

export interface CsvFile {
  /** As given ('-' for stdin). */
  path: string;
  /** path, or '<stdin>'. */
  displayName: string;
  /** Unique, trimmed. */
  header: string[];
  /** As read. */
  rawHeader: string[];
  delimiter: string;
  /** What was used: 'utf-8', 'utf-16le', 'windows-1252' (for latin1), ... */
  encoding: string;
  bom: boolean;
  /** Line on which the header row starts (1 unless blank lines precede it). */
  headerLine: number;
  /** Single pass; calling twice throws InternalError. */
  rows(): AsyncIterable<CsvRow>;
  /** Complete after rows() is exhausted. */
  stats(): CsvStats;
  /** Releases the input without reading the rest (for callers that only needed the header). */
  close(): void;
}

/**
 * Opens a CSV file (or stdin for '-'), reading only as far as the header row and the dialect need: the
 * rows one at a time, as arrays of cells, from the byte scanner every command reads with (csv-records.ts).
 */
export async function openCsv(path: string, options: CsvReadOptions = {}): Promise<CsvFile> {
  const file = await openCsvRecords(path, { ...options, sha256: true });
  const rows = (): AsyncIterable<CsvRow> => {
    // Taken here, so that a second call throws at once rather than on its first row.
    const batches = file.batches();
    return (async function* () {
      for await (const batch of batches) {
        for (let r = batch.start; r < batch.count; r++) yield { line: batch.line[r] as number, cells: batch.row(r) };
      }
    })();
  };
  return {
    path,
    displayName: file.displayName,
    header: file.header,
    rawHeader: file.rawHeader,
    delimiter: file.delimiter,
    encoding: file.encoding,
    bom: file.bom,
    headerLine: file.headerLine,
    rows,
    stats: () => ({ rows: file.rowCount, bytes: file.bytes, sha256: file.sha256(), malformedRows: file.malformedRows }),
    close: () => file.close(),
  };
}

/** Reads every row into memory; for small files (tests, ICP-sized inputs). */
export async function readCsv(path: string, options?: CsvReadOptions): Promise<{ file: CsvFile; rows: CsvRow[] }> {
  const file = await openCsv(path, options);
  const rows: CsvRow[] = [];
  for await (const row of file.rows()) rows.push(row);
  return { file, rows };
}
