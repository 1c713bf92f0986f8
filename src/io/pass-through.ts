import { needsFormulaEscape } from './formula-guard.js';
import { RECORD_FLAGS, type RecordBatch } from './record-batch.js';

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
    if (start < (batch.cellEnd[i] as number) && FORMULA_FIRST.has(batch.bytes[start] as number) && needsFormulaEscape(batch.cellAt(i))) return false;
  }
  return true;
}

// = + - @ tab CR: the first bytes of the cells needsFormulaEscape may say yes to.
const FORMULA_FIRST = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);
