import type { ColumnInfo } from '../columns/infer.js';
import { categoryKey, rangeNumber, tokensOf } from '../score/match.js';
import type { CellValue } from '../columns/cell-value.js';

/** An attribute column with each customer's value read once. */
export interface AttributeColumn {
  info: ColumnInfo;
  values: readonly (CellValue | null | undefined)[];
}

/**
 * An attribute column read once into typed arrays, so that the search can be run again on any sample of
 * the customers (folds, half-samples, permutations) without touching a string. The semantics are the
 * scorer's (match.ts): categories by categoryKey, tokens by tokensOf, numbers by rangeNumber (dates as
 * years), booleans as they are; anything else is unknown.
 */
export type EncodedColumn =
  | { kind: 'category'; index: number; info: ColumnInfo; names: string[]; codes: Int32Array }
  | { kind: 'multi'; index: number; info: ColumnInfo; names: string[]; offsets: Int32Array; tokens: Int32Array }
  | { kind: 'numeric'; index: number; info: ColumnInfo; numbers: Float64Array; order: Int32Array; sorted: Float64Array }
  | { kind: 'boolean'; index: number; info: ColumnInfo; flags: Int8Array };

/** Interns keys to codes and remembers each key's commonest spelling. */
class Spellings {
  private readonly codes = new Map<string, number>();
  // Each spelling met, looked up first: a column repeats a handful of spellings, so most cells cost one look-up.
  private readonly bySpelling = new Map<string, number>();
  private readonly spellingCode: number[] = [];
  private readonly spellingText: string[] = [];
  private readonly spellingCount: number[] = [];

  code(spelling: string): number {
    let s = this.bySpelling.get(spelling);
    if (s === undefined) {
      const key = categoryKey(spelling);
      let code = this.codes.get(key);
      if (code === undefined) this.codes.set(key, (code = this.codes.size));
      s = this.spellingCode.length;
      this.bySpelling.set(spelling, s);
      this.spellingCode.push(code);
      this.spellingText.push(spelling);
      this.spellingCount.push(0);
    }
    this.spellingCount[s] = (this.spellingCount[s] as number) + 1;
    return this.spellingCode[s] as number;
  }

  /** The commonest spelling of each code (ties by the spelling itself), as labels show it. */
  names(): string[] {
    const best: string[] = new Array<string>(this.codes.size).fill('');
    const count: number[] = new Array<number>(this.codes.size).fill(-1);
    this.spellingCode.forEach((code, s) => {
      const form = this.spellingText[s] as string;
      const n = this.spellingCount[s] as number;
      if (n > (count[code] as number) || (n === count[code] && form < (best[code] as string))) [best[code], count[code]] = [form, n];
    });
    return best.map((form) => form.trim());
  }
}

function encodeCategory(column: AttributeColumn, index: number): EncodedColumn {
  const spellings = new Spellings();
  const codes = new Int32Array(column.values.length).fill(-1);
  column.values.forEach((v, i) => {
    if (typeof v === 'string' && v.trim() !== '') codes[i] = spellings.code(v);
  });
  return { kind: 'category', index, info: column.info, names: spellings.names(), codes };
}

function encodeMulti(column: AttributeColumn, index: number): EncodedColumn {
  const spellings = new Spellings();
  const offsets = new Int32Array(column.values.length + 1);
  const flat: number[] = [];
  column.values.forEach((v, i) => {
    offsets[i] = flat.length;
    const tokens = v === null || v === undefined ? undefined : tokensOf(v);
    // A row with no token is unknown: -1 marks it (see memberRows), so it counts in no table.
    if (!tokens || tokens.length === 0) {
      flat.push(-1);
      return;
    }
    const seen = new Set<number>();
    for (const t of tokens) {
      if (t.trim() === '') continue;
      const code = spellings.code(t);
      if (!seen.has(code)) {
        seen.add(code);
        flat.push(code);
      }
    }
    if (seen.size === 0) flat.push(-1);
  });
  offsets[column.values.length] = flat.length;
  return { kind: 'multi', index, info: column.info, names: spellings.names(), offsets, tokens: Int32Array.from(flat) };
}

function encodeNumeric(column: AttributeColumn, index: number): EncodedColumn {
  const isDate = column.info.type === 'date';
  const numbers = new Float64Array(column.values.length).fill(Number.NaN);
  column.values.forEach((v, i) => {
    const n = v === null || v === undefined ? undefined : rangeNumber(v, isDate);
    // -0 is 0 (as the scorer's comparisons have it): a bound is never written as -0, and a run of ties
    // holds one number, so the interval search may take any of its rows for its value.
    if (n !== undefined && Number.isFinite(n)) numbers[i] = n + 0;
  });
  const order = valueOrder(numbers);
  // The values in that order too, so that a search reads them in sequence rather than by row. (A loop:
  // Float64Array.from with a mapping function took 1.5 s over the number columns of a million rows.)
  const sorted = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) sorted[k] = numbers[order[k] as number] as number;
  return { kind: 'numeric', index, info: column.info, numbers, order, sorted };
}

/** Above this many distinct values a column is sorted by comparison rather than counted into place. */
const COUNTED_DISTINCT = 65_536;

/**
 * The rows with a number, by value and then by row. A column of numbers repeats them (ages, counts, scores):
 * its distinct values are sorted and the rows counted into place (a stable pass in row order), which
 * at a million rows is several times faster than sorting the rows by comparison.
 */
function valueOrder(numbers: Float64Array): Int32Array {
  const counts = new Map<number, number>();
  let known = 0;
  for (const n of numbers) {
    if (Number.isNaN(n)) continue;
    known++;
    if (counts.size <= COUNTED_DISTINCT) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const order = new Int32Array(known);
  if (counts.size > COUNTED_DISTINCT) {
    let k = 0;
    numbers.forEach((n, i) => {
      if (!Number.isNaN(n)) order[k++] = i;
    });
    return order.sort((x, y) => (numbers[x] as number) - (numbers[y] as number) || x - y);
  }
  // Map keys are SameValueZero: -0 and 0 are one value, as the comparison above has them.
  const next = new Map<number, number>();
  let at = 0;
  for (const v of Float64Array.from(counts.keys()).sort()) {
    next.set(v, at);
    at += counts.get(v) as number;
  }
  numbers.forEach((n, i) => {
    if (Number.isNaN(n)) return;
    const slot = next.get(n) as number;
    order[slot] = i;
    next.set(n, slot + 1);
  });
  return order;
}

/** Reads an attribute column into its encoded form. */
export function encodeColumn(index: number, column: AttributeColumn): EncodedColumn {
  switch (column.info.type) {
    case 'category':
      return encodeCategory(column, index);
    case 'multi':
      return encodeMulti(column, index);
    case 'boolean': {
      const flags = new Int8Array(column.values.length).fill(-1);
      column.values.forEach((v, i) => {
        if (typeof v === 'boolean') flags[i] = v ? 1 : 0;
      });
      return { kind: 'boolean', index, info: column.info, flags };
    }
    default:
      return encodeNumeric(column, index);
  }
}
