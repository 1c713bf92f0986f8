import { IcpError, UsageError } from '../errors.js';
import { DERIVE_OPTIONS } from './options/derive.js';
import { CLASSIFY_OPTIONS, PERSONAS_OPTIONS } from './options/personas.js';
import { PROFILE_OPTIONS } from './options/profile.js';
import { REPORT_OPTIONS } from './options/report.js';
import { REVIEW_OPTIONS } from './options/review.js';
import { SCORE_OPTIONS } from './options/score.js';
import { SQL_PROFILE_OPTIONS, SQL_SCORE_OPTIONS } from './options/sql.js';
import { DIFF_OPTIONS, INIT_OPTIONS, INSPECT_OPTIONS, VALIDATE_OPTIONS } from './options/small-commands.js';

/** Every option's key: the names core may write as ⟨key⟩. */
const SETS = [
  DERIVE_OPTIONS,
  SCORE_OPTIONS,
  REPORT_OPTIONS,
  PROFILE_OPTIONS,
  CLASSIFY_OPTIONS,
  PERSONAS_OPTIONS,
  SQL_SCORE_OPTIONS,
  SQL_PROFILE_OPTIONS,
  REVIEW_OPTIONS,
  DIFF_OPTIONS,
  INSPECT_OPTIONS,
  VALIDATE_OPTIONS,
  INIT_OPTIONS,
];
const KEYS = new Set(SETS.flatMap((set) => Object.keys(set)));

/** `maxCriteria` -> `--max-criteria`: an option's key as its flag (each key is commander's name for its flag). */
export function flagOf(option: string): string {
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

// ⟨ and ⟩ (U+27E8, U+27E9) do not occur in CRM exports, so a cell or header that reads like a placeholder stays as it is.
const PLACEHOLDER = /⟨([a-z][A-Za-z]*)⟩/g;

/** Core's ⟨option⟩ placeholders (errors, warnings, notes) in the words of the command line: its flags. */
export function wordOptions(text: string): string {
  return text.replace(PLACEHOLDER, (whole, option: string) => (KEYS.has(option) ? flagOf(option) : whole));
}

/** An error as the command line says it: core's option placeholders worded as flags, the rest as it was. */
export function wordedError(error: unknown): unknown {
  if (!(error instanceof IcpError)) return error;
  const texts = [error.message, error.hint ?? '', ...error.details];
  if (!texts.some((t) => t.includes('⟨'))) return error;
  const options = {
    hint: error.hint === undefined ? undefined : wordOptions(error.hint),
    cause: error.cause,
    details: error.details.map(wordOptions),
    ...error.place,
  };
  const Kind = error instanceof UsageError ? UsageError : IcpError;
  const worded = new Kind(wordOptions(error.message), options);
  // --verbose shows the stack: under the worded message, where the error was made.
  worded.stack = error.stack?.replace(error.message, worded.message);
  return worded;
}
