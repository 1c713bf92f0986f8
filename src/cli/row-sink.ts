import { resolve } from 'node:path';
import { CsvWriter } from '../io/csv-writer.js';
import { openOutput } from '../io/output-sink.js';
import { jsonObject } from '../render/json-rows.js';
import type { CommandContext } from './context.js';

/** Where scored rows go, whatever the format: rows with back-pressure, or raw text (a rendered table). */
export interface RowSink {
  /** False: await drain() before the next row. */
  write(cells: readonly string[]): boolean;
  /** True when more rows may be written; false when the reader went away (| head). */
  drain(): Promise<boolean>;
  /** Text written as is, after any rows (used for the table view). */
  raw(text: string): void;
  end(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens the output of `icp score` in the chosen format; the header row goes out first for CSV/TSV. */
export async function openRowSink(format: string, header: readonly string[], o: Record<string, unknown>, ctx: CommandContext): Promise<RowSink> {
  const path = o.output === undefined || o.output === '-' ? undefined : resolve(ctx.cwd, o.output as string);
  const output = openOutput(path, ctx.stdout);
  const displayName = (o.output as string | undefined) ?? '<stdout>';
  const scoreAt = header.indexOf('icp_score');
  let rows = 0;
  // A malformed long row carries cells past the header: they keep keys of their own rather than being lost.
  const keys = (n: number) => (n <= header.length ? header : [...header, ...Array.from({ length: n - header.length }, (_, i) => `column_${header.length + i + 1}`)]);
  const object = (cells: readonly string[]) => jsonObject(keys(cells.length), numbered(cells, scoreAt));
  let encode: ((cells: readonly string[]) => string) | undefined;
  if (format === 'json') encode = (cells) => `${rows++ === 0 ? '[\n' : ',\n'}${object(cells)}`;
  else if (format === 'ndjson') encode = (cells) => `${object(cells)}\n`;
  const writer = new CsvWriter(output.stream, {
    displayName,
    delimiter: format === 'tsv' ? '\t' : ((o.delimiter as string | undefined) ?? ','),
    excel: Boolean(o.excel),
    formulaEscape: o.formulaEscape !== false,
    ...(encode && { encode }),
  });
  if (format === 'csv' || format === 'tsv') writer.writeRow(header);
  let trailer = '';
  return {
    write: (cells) => writer.writeRow(cells),
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
