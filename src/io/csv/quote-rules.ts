import { whitespaceEnd } from './whitespace.js';

const CR = 0x0d;
const LF = 0x0a;

/** What follows a quote that may close a quoted cell, when it is not a position. */
export const INCOMPLETE = -1;
export const INVALID = -2;

/**
 * papaparse's rule for a quote followed by neither the delimiter nor a line break: it closes the cell
 * when only white space stands between it and the next delimiter (or line break), which is dropped.
 * `delimiter` is the scan's latin1 delimiter; `nextDelimiter` and `lineBreak` are the first after the quote
 * (-1: none in the data).
 * Returns where that delimiter or line break starts, INVALID (the quote is text), or INCOMPLETE.
 */
export function afterQuote(data: Buffer, text: string, q: number, delimiter: string, nextDelimiter: number, lineBreak: number, final: boolean): number {
  if (lineBreak === -1 && !final) return INCOMPLETE;
  const from = q + 1;
  const upTo = lineBreak === -1 ? nextDelimiter : Math.min(nextDelimiter, lineBreak);
  const spaces = upTo > from && whitespaceEnd(data, from, upTo) === upTo ? upTo - from : 0;
  if (text.startsWith(delimiter, from + spaces)) return from + spaces;
  if (lineBreak > from && whitespaceEnd(data, from, lineBreak) === lineBreak) return lineBreak;
  return INVALID;
}

/** The earlier of two positions, where -1 means none. */
export function firstOf(a: number, b: number): number {
  return a === -1 ? b : b === -1 || a < b ? a : b;
}

/** The length of the line break at `at` (CRLF is one), or INCOMPLETE: a CR that ends data still to come may start a CRLF. */
export function breakLength(text: string, at: number, final: boolean): number {
  if (text.charCodeAt(at) !== CR) return 1;
  if (at + 1 < text.length) return text.charCodeAt(at + 1) === LF ? 2 : 1;
  return final ? 1 : INCOMPLETE;
}
