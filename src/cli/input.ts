import { isAbsolute, resolve } from 'node:path';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { UsageError } from '../errors.js';
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

/**
 * At most one input read from stdin ("-"): the one check of every command that reads several files. `inputs`
 * maps each input as help names it (`--deals`, `<customers>`) to the path given.
 */
export function oneStdin(inputs: Readonly<Record<string, string | undefined>>): void {
  const stdin = Object.entries(inputs)
    .filter(([, path]) => path === '-')
    .map(([name]) => name);
  if (stdin.length > 1) throw new UsageError(`only one input can be read from stdin ("-"), got ${stdin.join(' and ')}`, { hint: 'give the others as files' });
}

/** The read options for one input: stdin only for "-", so that a file never consumes the stream another input reads. */
export function readOptionsFor(path: string, read: CsvReadOptions): CsvReadOptions {
  return path === '-' ? read : { ...read, stdin: undefined };
}
