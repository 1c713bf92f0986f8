// Record and row numbers: keys a CRM or a spreadsheet numbers rows with. They are all distinct by
// construction, so a criterion on them only restates who the customers are (and when they were entered).

const INTEGER = /^\d{1,15}$/;
// A header that names a record number ("Lead Number", "Record No.", "Row #", "S.No") or a row index ("Row",
// "#", "No.", "Index", pandas' "Unnamed: 0"). Anchored: "Number of Employees" and "Price Index" never match.
const RECORD_NUMBER_HEADER = new RegExp(
  '^(?:(?:lead|account|record|row|customer|client|contact|company|deal|opportunity|order|invoice|ticket|case|' +
    'member|entry|item|line|serial|sequence|seq|ref|reference|s|sr|sl)[\\s_.\\-]*(?:number|num|no|nr|#)\\.?' +
    '|#|no\\.?|nr\\.?|row|rownum|index|idx|serial|unnamed:\\s*0)$',
  'i',
);
/** Share of cells that must be whole numbers, and of them distinct, for a record-number header to be an id. */
const NEARLY_ALL = 0.95;
/** Fewer values than this never prove a running number: a handful of sorted numbers run by chance. */
export const MIN_RUN = 20;

/** True for headers such as `Lead Number`, `Account Number`, `Row`, `#`, `No.`, `S.No`, `Index`. */
export function isRecordNumberHeader(header: string): boolean {
  return RECORD_NUMBER_HEADER.test(header.trim());
}

/**
 * A record-number header whose values are (nearly) all distinct whole numbers: 95% of the cells, so that a
 * stray "TBD" or a row duplicated by the export does not turn a key into a measure.
 */
export function isRecordNumberColumn(header: string, values: readonly string[]): boolean {
  if (values.length === 0 || !isRecordNumberHeader(header)) return false;
  const integers = values.filter((v) => INTEGER.test(v));
  return integers.length >= NEARLY_ALL * values.length && new Set(integers).size >= NEARLY_ALL * integers.length;
}

/**
 * True for whole numbers, all distinct, that only go up (or only down: an export sorted newest first) in row
 * order, with small steps: a running number, whatever the header. The step test keeps out a measure the file
 * happens to be sorted by: n distinct draws from a measure's range R need R of about n^2/2 (else two of them
 * coincide, the birthday bound), so its sorted mean step R/n grows with n; a running number's step does not.
 * A mean step of at most n/8 allows R up to n^2/8, where n distinct draws would be a 2% chance (e^-4).
 * Amounts, counts and years repeat or come in any order, so they are never caught.
 */
export function isRunningNumber(values: readonly string[]): boolean {
  const n = values.length;
  if (n < MIN_RUN) return false;
  let previous: number | undefined;
  let direction = 0;
  for (const v of values) {
    if (!INTEGER.test(v)) return false;
    const x = Number(v);
    if (previous !== undefined) {
      const step = Math.sign(x - previous);
      if (step === 0 || (direction !== 0 && step !== direction)) return false;
      direction = step;
    }
    previous = x;
  }
  const span = Math.abs(Number(values[n - 1]) - Number(values[0]));
  return span / (n - 1) <= n / 8;
}
