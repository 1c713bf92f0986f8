import type { ColumnInfo } from '../columns/infer.js';
import { categoryKey, rangeNumber, tokensOf } from '../score/match.js';
import { gather, perCustomer, type AttributeColumn } from './attribute-column.js';
import { int32Of } from '../typed-arrays.js';

export type { AttributeColumn } from './attribute-column.js';

/**
 * An attribute column read once into typed arrays, so that the search can be run again on any sample of
 * the customers (folds, half-samples, permutations) without touching a string. The semantics are the
 * scorer's (match.ts): categories by categoryKey, tokens by tokensOf, numbers by rangeNumber (dates as
 * years), booleans as they are; anything else is unknown.
 */
export type EncodedColumn =
  | { kind: 'category'; index: number; info: ColumnInfo; names: string[]; codes: Int32Array }
  | { kind: 'multi'; index: number; info: ColumnInfo; names: string[]; offsets: Int32Array; tokens: Int32Array }
  | { kind: 'numeric'; index: number; info: ColumnInfo; numbers: Float64Array; order: Int32Array }
  | { kind: 'boolean'; index: number; info: ColumnInfo; flags: Int8Array };

/** Interns keys to codes and remembers each key's commonest spelling. */
class Spellings {
  private readonly codes = new Map<string, number>();
  // Each spelling met, looked up first: a column repeats a handful of spellings, so most cells cost one look-up.
  private readonly bySpelling = new Map<string, number>();
  private readonly spellingCode: number[] = [];
  private readonly spellingText: string[] = [];
  private readonly spellingCount: number[] = [];

  /** The code of a spelling met `times` more times. */
  code(spelling: string, times: number): number {
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
    this.spellingCount[s] = (this.spellingCount[s] as number) + times;
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

// Each distinct value is encoded once, in the order the customers first hold it: codes are then given in
// the order a pass over the customers would meet them, and each customer's codes are a look-up by its id.

function encodeCategory(column: AttributeColumn, index: number): EncodedColumn {
  const spellings = new Spellings();
  const { distinct, counts } = column;
  const codeOf = new Int32Array(distinct.length);
  for (let d = 0; d < distinct.length; d++) {
    const v = distinct[d];
    codeOf[d] = typeof v === 'string' && v.trim() !== '' ? spellings.code(v, counts[d] as number) : -1;
  }
  const codes = gather(column.ids, codeOf, new Int32Array(column.ids.length));
  return { kind: 'category', index, info: column.info, names: spellings.names(), codes };
}

/** The distinct codes of a list's tokens, in their order; [-1] for a row with no token (see memberRows), so it counts in no table. */
function tokenCodes(v: AttributeColumn['distinct'][number], times: number, spellings: Spellings): Int32Array {
  const tokens = v === null || v === undefined ? undefined : tokensOf(v);
  const codes: number[] = [];
  for (const t of tokens ?? []) {
    if (t.trim() === '') continue;
    const code = spellings.code(t, times);
    if (!codes.includes(code)) codes.push(code);
  }
  return Int32Array.from(codes.length === 0 ? [-1] : codes);
}

function encodeMulti(column: AttributeColumn, index: number): EncodedColumn {
  const spellings = new Spellings();
  const { ids, distinct, counts } = column;
  const lists = distinct.map((v, d) => tokenCodes(v, counts[d] as number, spellings));
  const offsets = new Int32Array(ids.length + 1);
  for (let r = 0; r < ids.length; r++) offsets[r + 1] = (offsets[r] as number) + (lists[ids[r] as number] as Int32Array).length;
  const tokens = new Int32Array(offsets[ids.length] as number);
  for (let r = 0; r < ids.length; r++) tokens.set(lists[ids[r] as number] as Int32Array, offsets[r] as number);
  return { kind: 'multi', index, info: column.info, names: spellings.names(), offsets, tokens };
}

function encodeNumeric(column: AttributeColumn, index: number): EncodedColumn {
  const isDate = column.info.type === 'date';
  // -0 is 0 (as the scorer's comparisons have it): a bound is never written as -0, and a run of ties
  // holds one number, so the interval search may take any of its rows for its value.
  const numberOf = new Float64Array(column.distinct.length);
  column.distinct.forEach((v, d) => {
    const n = v === null || v === undefined ? undefined : rangeNumber(v, isDate);
    numberOf[d] = n !== undefined && Number.isFinite(n) ? n + 0 : Number.NaN;
  });
  const numbers = gather(column.ids, numberOf, new Float64Array(column.ids.length));
  return { kind: 'numeric', index, info: column.info, numbers, order: valueOrder(column.ids, numberOf) };
}

/**
 * A number column's numbers in value order, ascending (not kept with the column: at a million rows that is
 * 8 MB a column, and the search reads the few it needs through `order`).
 */
export function sortedNumbers(column: EncodedColumn & { kind: 'numeric' }): Float64Array {
  const { numbers, order } = column;
  const sorted = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) sorted[k] = numbers[order[k] as number] as number;
  return sorted;
}

/**
 * The rows with a number, by value and then by row: the distinct values are sorted (two can hold one
 * number, "1" and "1.0"), each given the rank of its number, and the rows counted into place in one
 * stable pass, which at a million rows is several times faster than sorting the rows by comparison.
 */
function valueOrder(ids: Int32Array, numberOf: Float64Array): Int32Array {
  const known: number[] = [];
  numberOf.forEach((n, d) => {
    if (!Number.isNaN(n)) known.push(d);
  });
  const byValue = int32Of(known).sort((x, y) => (numberOf[x] as number) - (numberOf[y] as number));
  const rank = new Int32Array(numberOf.length).fill(-1);
  let ranks = 0;
  byValue.forEach((d, k) => {
    if (k === 0 || numberOf[d] !== numberOf[byValue[k - 1] as number]) ranks++;
    rank[d] = ranks - 1;
  });
  // next[rank]: where the next row of that rank goes.
  const next = new Int32Array(ranks + 1);
  for (let r = 0; r < ids.length; r++) {
    const k = rank[ids[r] as number] as number;
    if (k >= 0) next[k + 1] = (next[k + 1] as number) + 1;
  }
  for (let k = 0; k < ranks; k++) next[k + 1] = (next[k + 1] as number) + (next[k] as number);
  const order = new Int32Array(next[ranks] as number);
  for (let r = 0; r < ids.length; r++) {
    const k = rank[ids[r] as number] as number;
    if (k < 0) continue;
    order[next[k] as number] = r;
    next[k] = (next[k] as number) + 1;
  }
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
      const flags = perCustomer(column, new Int8Array(column.ids.length), (v) => (typeof v === 'boolean' ? (v ? 1 : 0) : -1));
      return { kind: 'boolean', index, info: column.info, flags };
    }
    default:
      return encodeNumeric(column, index);
  }
}
