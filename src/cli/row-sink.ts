import { resolve } from 'node:path';
import { scoredCells } from '../core/score/scored-cells.js';
import { CsvWriter } from '../io/output/csv-writer.js';
import { canPassThrough } from '../io/output/pass-through.js';
import type { RecordBatch } from '../io/csv/record-batch.js';
import { openOutput } from '../io/output/output-sink.js';
import { jsonObject } from '../render/json-rows.js';
import type { CommandContext } from './context.js';
import type { SCORE_OPTIONS, ScoreFormat } from './options/score.js';
import type { OptionValues } from './options/spec.js';

/** Where scored rows go, whatever the format: rows with back-pressure, or raw text (a rendered table). */
export interface RowSink {
  /** False: await drain() before the next row. */
  write(cells: readonly string[]): boolean;
  /**
   * Row r of a scanned batch followed by its score columns: as CSV in the input's delimiter, the row's
   * bytes go through as read (see canPassThrough); otherwise it is written from its cells. Returns like write.
   */
  writeScanned(batch: RecordBatch, r: number, score: readonly string[]): boolean;
  /** True when more rows may be written; false when the reader went away (| head). */
  drain(): Promise<boolean>;
  /** Text written as is, after any rows (used for the table view). */
  raw(text: string): void;
  end(): Promise<void>;
  abort(): Promise<void>;
}

/** The input as scanned: its delimiter and its header's number of fields. */
export interface ScannedInput {
  delimiter: string;
  fields: number;
  /** The header row CSV/TSV output writes: the input's header exactly as read, then the score columns. */
  csvHeader: readonly string[];
}

/** Opens the output of `icp score` in the chosen format; the header row goes out first for CSV/TSV. */
export async function openRowSink(
  format: ScoreFormat,
  header: readonly string[],
  o: Pick<OptionValues<typeof SCORE_OPTIONS>, 'output' | 'delimiter' | 'formulaEscape' | 'excel'>,
  ctx: CommandContext,
  input: ScannedInput,
): Promise<RowSink> {
  const path = o.output === undefined || o.output === '-' ? undefined : resolve(ctx.cwd, o.output);
  const output = openOutput(path, ctx.stdout);
  const displayName = o.output ?? '<stdout>';
  const scoreAt = header.indexOf('icp_score');
  let rows = 0;
  // A malformed long row carries cells past the header: they keep keys of their own rather than being lost.
  const keys = (n: number) =>
    n <= header.length ? header : [...header, ...Array.from({ length: n - header.length }, (_, i) => `column_${header.length + i + 1}`)];
  const object = (cells: readonly string[]) => jsonObject(keys(cells.length), numbered(cells, scoreAt));
  let encode: ((cells: readonly string[]) => string) | undefined;
  if (format === 'json') encode = (cells) => `${rows++ === 0 ? '[\n' : ',\n'}${object(cells)}`;
  else if (format === 'ndjson') encode = (cells) => `${object(cells)}\n`;
  const delimiter = format === 'tsv' ? '\t' : o.delimiter;
  const { formulaEscape } = o;
  const writer = new CsvWriter(output.stream, { displayName, delimiter, excel: o.excel, formulaEscape, ...(encode && { encode }) });
  const csv = format === 'csv' || format === 'tsv';
  if (csv) writer.writeRow(input.csvHeader);
  // Only the line ending may differ: the score columns replace it anyway.
  const through = csv && delimiter === input.delimiter;
  // Rows that scored alike share one array of score columns: their CSV is encoded once.
  const tails = new Map<readonly string[], Buffer>();
  const tailOf = (score: readonly string[]): Buffer => {
    let tail = tails.get(score);
    if (tail === undefined) {
      tail = writer.rowTail(score);
      if (tails.size < 4096) tails.set(score, tail);
    }
    return tail;
  };
  let trailer = '';
  return {
    write: (cells) => writer.writeRow(cells),
    writeScanned: (batch, r, score) => {
      if (through && canPassThrough(batch, r, input.fields, formulaEscape)) {
        return writer.writeThrough(batch.bytes, batch.recordStart[r] as number, batch.recordEnd[r] as number, tailOf(score));
      }
      return writer.writeRow(scoredCells(batch.row(r), score, input.fields));
    },
    drain: () => writer.drain(),
    raw: (text) => {
      trailer += text;
    },
    end: async () => {
      if (format === 'json') writer.writeText(rows === 0 ? '[]\n' : '\n]\n');
      if (trailer !== '') writer.writeText(trailer);
      await writer.end();
      await output.commit();
    },
    abort: () => output.abort(),
  };
}

/** JSON keeps every input cell as the string it was, and the score as a number. */
function numbered(cells: readonly string[], scoreAt: number): (string | number)[] {
  const out: (string | number)[] = [...cells];
  if (scoreAt >= 0) out[scoreAt] = Number(cells[scoreAt]);
  return out;
}

/**
 * Runs `work` (rows into the sink), then `finish` and the sink's end; on an error the output is aborted
 * (the temp file removed, the target left as it was). False when the reader went away (| head): success,
 * with nothing more to write. The progress line is cleared in any case.
 */
export async function writeRows(sink: RowSink, progress: { done(): void }, work: () => Promise<boolean>, finish?: () => Promise<void>): Promise<boolean> {
  try {
    if (!(await work())) return false;
    await finish?.();
    await sink.end();
    return true;
  } catch (error) {
    await sink.abort();
    throw error;
  } finally {
    progress.done();
  }
}
