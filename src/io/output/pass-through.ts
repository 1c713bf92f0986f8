import { FORMULA_FIRST, needsFormulaEscape } from './formula-guard.js';
import { RECORD_FLAGS, type RecordBatch } from '../csv/record-batch.js';

/**
 * Whether row r can be written through as its bytes were read, in the same delimiter: it has the header's
 * number of fields, was written as an RFC 4180 writer would (no stray quote, no bare line break) and, with
 * the formula escape on, has no cell that needs it. Otherwise it is written again from its cells.
 */
export function canPassThrough(batch: RecordBatch, r: number, fields: number, formulaEscape: boolean): boolean {
  const flags = batch.flags[r] as number;
  if ((flags & RECORD_FLAGS.IRREGULAR) !== 0 || batch.size(r) !== fields) return false;
  if (!formulaEscape || (flags & RECORD_FLAGS.FORMULA_START) === 0) return true;
  const last = batch.firstCell[r + 1] as number;
  for (let i = batch.firstCell[r] as number; i < last; i++) {
    const start = batch.cellStart[i] as number;
    if (start < (batch.cellEnd[i] as number) && FORMULA_FIRST[batch.bytes[start] as number] === 1 && needsFormulaEscape(batch.cellAt(i))) return false;
  }
  return true;
}
