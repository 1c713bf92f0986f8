import { CST, Lexer } from 'yaml';
import { IcpError } from '../errors.js';

/**
 * The largest ICP file read. A derived file is a few KB; a hand-kept list of 100,000 account names fits.
 * Parsing costs about 1 KB of memory and 25 µs per YAML node, so a 115 MB file ran out of heap: the size is
 * refused before the file is read.
 */
export const ICP_MAX_BYTES = 5 * 1024 * 1024;

/** The most values the criteria may list, `in` and `contains_any` lists together. */
export const ICP_MAX_VALUES = 100_000;

/** How many uses of a YAML alias the document may expand (the `yaml` package's `maxAliasCount`). */
export const ICP_MAX_ALIASES = 100;

// The tokens from which the parser builds a node (or an implicit null after "-", ":" or ","). A listed value
// costs at most two ("- v", "v,"); everything else in a real ICP file is a few thousand.
const NODE_TOKENS: ReadonlySet<string | null> = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'alias',
  'flow-seq-start',
  'flow-map-start',
  'seq-item-ind',
  'explicit-key-ind',
  'map-value-ind',
  'comma',
]);
const MAX_NODE_TOKENS = 2 * ICP_MAX_VALUES + 10_000;

const LIMIT_HINT = 'a derived ICP file is a few KB; keep a long list of accounts as a yes/no column of the CSV and match it with equals';

function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** The refusal of a file above ICP_MAX_BYTES; `atLeast` when only a prefix was read (a pipe has no size). */
export function tooLarge(file: string, bytes: number, atLeast = false): IcpError {
  const size = atLeast ? `more than ${megabytes(ICP_MAX_BYTES)}` : megabytes(bytes);
  return new IcpError(`${file} is ${size}; an ICP file may be at most ${megabytes(ICP_MAX_BYTES)}`, { hint: LIMIT_HINT });
}

function tooManyValues(file: string): IcpError {
  const limit = ICP_MAX_VALUES.toLocaleString('en-US');
  return new IcpError(`${file} lists more than ${limit} values; an ICP file may list at most ${limit} in its criteria`, { hint: LIMIT_HINT });
}

/**
 * Refuses, before it is parsed, text that would make the parser build far more nodes than the value limit
 * allows; the lexer holds one token at a time, so this costs little memory and stops at the limit.
 */
export function assertIcpTextSize(text: string, file: string): void {
  // Length in UTF-16 units is at most the UTF-8 byte count, and at least a third of it.
  if (text.length > ICP_MAX_BYTES || (text.length * 3 > ICP_MAX_BYTES && Buffer.byteLength(text) > ICP_MAX_BYTES)) {
    throw tooLarge(file, Buffer.byteLength(text));
  }
  let tokens = 0;
  for (const token of new Lexer().lex(text)) {
    if (NODE_TOKENS.has(CST.tokenType(token)) && ++tokens > MAX_NODE_TOKENS) throw tooManyValues(file);
  }
}

/** Refuses a parsed document whose criteria list more than ICP_MAX_VALUES values (a list used through aliases counts each time). */
export function assertIcpValueCount(value: unknown, file: string): void {
  const criteria = (value as { criteria?: unknown } | null)?.criteria;
  if (!Array.isArray(criteria)) return;
  let count = 0;
  for (const criterion of criteria) {
    const match = (criterion as { match?: Record<string, unknown> } | null)?.match;
    for (const list of [match?.in, match?.contains_any]) if (Array.isArray(list)) count += list.length;
  }
  if (count > ICP_MAX_VALUES) throw tooManyValues(file);
}
