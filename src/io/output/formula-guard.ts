/**
 * Spreadsheet formula injection guard (OWASP "CSV injection"): Excel, LibreOffice and Google Sheets run a
 * cell that starts with `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return can hide
 * such a prefix from a naive check, so those cells get a leading `'`, which spreadsheets show as text.
 *
 * A cell starting with `+` or `-` that is a plain number is left alone, so scores and amounts stay numbers:
 * an optional sign, digits optionally grouped in thousands by `,` (with a `.` decimal part: `-1,234.56`) or by
 * `.` (with a `,` decimal part, as exported in decimal-comma locales: `-1.234,56`), and an optional exponent
 * after a `.` decimal (`-1.5e3`, `+7`, `-.5`). Anything else is escaped, including phone numbers written with
 * spaces, dashes or parentheses (`+1 (555) 123-4567` -> `'+1 (555) 123-4567`), because a spreadsheet would
 * parse `+1-555` as arithmetic; `+15551234567` is a plain number and stays as is. A lone `-` or `+` is left
 * alone too: it cannot hold a formula, and `-` is the usual "no value" marker of CRM exports.
 */

/**
 * 1 at the char code of each first character a spreadsheet may run as a formula: = + - @ tab CR. A table
 * rather than comparisons because the CSV scanner and the pass-through writer look up every cell's first byte.
 */
export const FORMULA_FIRST = new Uint8Array(256);
for (const c of '=+-@\t\r') FORMULA_FIRST[c.charCodeAt(0)] = 1;
const PLUS = 0x2b;
const MINUS = 0x2d;

const PLAIN_NUMBER = new RegExp(
  [
    String.raw`^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?(?:[eE][+-]?\d+)?$`,
    String.raw`^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,\d+)?$`,
    String.raw`^[+-]?\.\d+(?:[eE][+-]?\d+)?$`,
  ].join('|'),
);

/** True when a spreadsheet could run `cell` as a formula: it starts with = + - @ tab or CR and is not a plain number. */
export function needsFormulaEscape(cell: string): boolean {
  const first = cell.charCodeAt(0);
  if (FORMULA_FIRST[first] !== 1) return false;
  // Cells starting with =, @, tab or CR are always escaped: none of them can be a plain number.
  if (first !== PLUS && first !== MINUS) return true;
  // A lone `-` or `+` carries no formula; `-` is a common "no value" marker that must read back as missing.
  return cell.length > 1 && !PLAIN_NUMBER.test(cell);
}

/** `cell` with a leading `'` when a spreadsheet could run it as a formula, else unchanged. */
export function formulaEscape(cell: string): string {
  return needsFormulaEscape(cell) ? `'${cell}` : cell;
}
