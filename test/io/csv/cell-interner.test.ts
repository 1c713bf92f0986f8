import { describe, expect, it } from 'vitest';
import { CellInterner } from '../../../src/io/csv/cell-interner.js';

/** Looks a cell up as RecordBatch.sharedRow does: shared when seen, else decoded and remembered. */
function read(interner: CellInterner, column: number, text: string, flags = 0, decoded = text): string {
  const bytes = Buffer.from(`xx${text}yy`);
  const found = interner.lookup(column, bytes, 2, 2 + Buffer.byteLength(text), flags);
  if (found !== undefined) return found;
  // A fresh string object each time, as the decoder makes one.
  const fresh = [...decoded].join('');
  interner.remember(fresh);
  return fresh;
}

describe('CellInterner', () => {
  it('gives equal cells of a column one string, and keeps columns and scanner flags apart', () => {
    const i = new CellInterner();
    const first = read(i, 0, 'Retail');
    expect(read(i, 0, 'Retail')).toBe(first);
    expect(read(i, 0, 'Retai')).toBe('Retai');
    expect(read(i, 1, 'Retail')).toBe('Retail');
    // The same bytes quoted with "" inside decode to another text: never taken for the bare cell.
    expect(read(i, 2, 'a""b', 0)).toBe('a""b');
    expect(read(i, 2, 'a""b', 2, 'a"b')).toBe('a"b');
    expect(read(i, 2, 'a""b', 0)).toBe('a""b');
    expect(read(i, 0, '東京')).toBe('東京');
    expect(read(i, 0, '東京')).toBe('東京');
  });

  it('finds every one of many distinct cells again after its table grew', () => {
    const i = new CellInterner();
    // Each value three times in a row: a picklist-like column, a third of its cells distinct.
    const texts = Array.from({ length: 5000 }, (_, k) => `v${k}`);
    for (const t of texts) for (let n = 0; n < 3; n++) read(i, 0, t);
    for (const t of texts) expect(read(i, 0, t, 0, 'not decoded again')).toBe(t);
  });

  it('stops sharing a column of mostly distinct values, and long cells, which are read as they come', () => {
    const i = new CellInterner();
    // An id column: its first 4,096 cells are all distinct.
    for (let k = 0; k < 5000; k++) read(i, 0, `id-${k}`);
    expect(read(i, 0, 'id-1', 0, 'decoded')).toBe('decoded');
    // A column of repeats that still meets over 50,000 distinct values stops there.
    for (let k = 0; k <= 50_000; k++) for (let n = 0; n < 2; n++) read(i, 2, `v${k}`);
    expect(read(i, 2, 'v1', 0, 'decoded')).toBe('decoded');
    const long = 'x'.repeat(65);
    read(i, 1, long);
    expect(read(i, 1, long, 0, 'decoded')).toBe('decoded');
  });
});
