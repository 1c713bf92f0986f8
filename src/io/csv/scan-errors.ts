import { IcpError } from '../../errors.js';

const UNTERMINATED_HINT = 'check for a stray " in that row, or pass --input-delimiter if the delimiter was guessed wrong';

/** The error of a quoted cell that never closes, named by the line it opens on (both CSV readers share it). */
export function unterminatedQuote(file: string, line: number, detail = ''): IcpError {
  return new IcpError(`unterminated quoted field starting on line ${line}${detail}`, { file, line, hint: UNTERMINATED_HINT });
}

/** Occurrences of `char` in text[from, to): the line breaks before a position. */
export function countChar(text: string, char: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Line breaks in text[from, to), each LF, CRLF or CR counted once: the lines a quoted cell spans. */
export function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) count++;
    else if (c === 0x0d) {
      count++;
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  return count;
}
