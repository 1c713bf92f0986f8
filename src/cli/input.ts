import { isAbsolute, resolve } from 'node:path';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import type { CommandContext } from './context.js';

/** An input path as the user typed it when it is relative to the process, else resolved against ctx.cwd. */
export function inputPath(path: string, ctx: CommandContext): string {
  if (path === '-' || isAbsolute(path) || ctx.cwd === process.cwd()) return path;
  return resolve(ctx.cwd, path);
}

/** The CSV reading options every command shares (--encoding, --input-delimiter), wired to the context. */
export function csvOptions(options: { encoding: string | undefined; inputDelimiter: string | undefined }, ctx: CommandContext): CsvReadOptions {
  return {
    encoding: options.encoding,
    delimiter: options.inputDelimiter,
    onWarning: ctx.warn,
    stdin: ctx.stdin,
  };
}
