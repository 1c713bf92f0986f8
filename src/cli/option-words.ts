import { IcpError, UsageError } from '../errors.js';

/** `maxCriteria` -> `--max-criteria`: an option's key as its flag (each key is commander's name for its flag). */
export function flagOf(option: string): string {
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Core's `{option}` placeholders (errors, warnings) in the words of the command line: its flags. */
export function wordOptions(text: string): string {
  return text.replace(/\{([a-z][A-Za-z]*)\}/g, (_, option: string) => flagOf(option));
}

/** An error as the command line says it: core's option placeholders worded as flags, the rest as it was. */
export function wordedError(error: unknown): unknown {
  if (!(error instanceof IcpError) || !/\{[a-z][A-Za-z]*\}/.test(`${error.message} ${error.hint ?? ''}`)) return error;
  const options = { hint: error.hint === undefined ? undefined : wordOptions(error.hint), cause: error.cause, details: error.details, ...error.place };
  const Kind = error instanceof UsageError ? UsageError : IcpError;
  const worded = new Kind(wordOptions(error.message), options);
  worded.stack = error.stack;
  return worded;
}
