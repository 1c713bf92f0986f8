import { normalizeDelimiter } from '../csv/delimiter.js';
import { needsFormulaEscape } from './formula-guard.js';

export interface CsvWriteOptions {
  /** Field delimiter, one character (default `,`); `tab` and `\t` (backslash, t) also mean a tab. */
  delimiter?: string;
  /** For Excel: a UTF-8 BOM before the first row, and CRLF line ends unless `lineEnding` says otherwise. */
  excel?: boolean;
  /** Written after every row; default `\n`, or `\r\n` with `excel`. */
  lineEnding?: '\n' | '\r\n';
  /** Prefix cells a spreadsheet would run as a formula with `'` (default true; `--no-formula-escape`). */
  formulaEscape?: boolean;
}

const BOM_CODE = 0xfeff;
const AT = 0x40;
const QUOTES = /"/g;

/**
 * One row as CSV text, line ending included (never the BOM): pure, for tests and small outputs.
 * A cell is quoted only when it must be to read back byte-identical: it holds the delimiter, `"`, CR or LF,
 * or starts with a BOM (which readers strip from the start of a file). Leading and trailing spaces stay unquoted.
 */
export function toCsvLine(cells: readonly string[], options: CsvWriteOptions = {}): string {
  return lineEncoder(options)(cells);
}

/** Compiles the options once into a function from a row to its text, so the per-row work is only the cells. */
export function lineEncoder(options: CsvWriteOptions): (cells: readonly string[]) => string {
  const delimiter = normalizeDelimiter(options.delimiter ?? ',', 'output delimiter');
  const newline = options.lineEnding ?? (options.excel ? '\r\n' : '\n');
  const escapeFormulas = options.formulaEscape ?? true;
  const special = specialChars(delimiter);
  const cellText = (cell: string): string => {
    // Every formula trigger (= + - @ tab CR) is at or below '@': most cells are decided by one comparison.
    const text = escapeFormulas && cell.charCodeAt(0) <= AT && needsFormulaEscape(cell) ? `'${cell}` : cell;
    return special.test(text) || text.charCodeAt(0) === BOM_CODE ? `"${text.replace(QUOTES, '""')}"` : text;
  };
  return (cells) => {
    // A lone empty cell would make a blank line, which readers such as pandas skip: `""` keeps the row.
    if (cells.length === 1 && cells[0] === '') return `""${newline}`;
    let line = '';
    let first = true;
    for (const cell of cells) {
      if (first) first = false;
      else line += delimiter;
      line += cellText(cell);
    }
    return line + newline;
  };
}

/** Characters that force quoting; a plain character class when it can be, as the `u` flag costs time per cell. */
function specialChars(delimiter: string): RegExp {
  const code = delimiter.codePointAt(0)!;
  return code > 0xffff ? new RegExp(`["\\r\\n\\u{${code.toString(16)}}]`, 'u') : new RegExp(`["\\r\\n\\u${code.toString(16).padStart(4, '0')}]`);
}
