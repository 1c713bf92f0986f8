import { mixSeed, seededRandom } from '../random.js';
import { dealFolds } from './deal-folds.js';
import { perCustomer, type AttributeColumn } from './attribute-column.js';
import { encodeColumn, type EncodedColumn } from './encode.js';
import { coverage } from './leakage-coverage.js';
import { categoryAuc, listAuc, numericAuc } from './leakage-separation.js';
import { sum, tallyOf, type CodedColumn } from './leakage-tally.js';
import { outcomeWords } from './outcome-words.js';
import { isNumber, valueSuspects } from './value-leakage.js';
import { int32Of } from '../typed-arrays.js';

export { outcomeWords } from './outcome-words.js';
export { LEAK_VALUE_RHO } from './value-leakage.js';

/**
 * The leakage screen: a column that on its own separates the cohort almost perfectly, whose values read like
 * outcomes, or (with a value column) that explains the value by itself or with one other column, probably
 * records the result rather than a trait of the customer. Pure and deterministic (fixed seed).
 */

/** Out-of-fold single-column AUC at or above this is suspect. */
export const LEAK_AUC = 0.9;
/** A value set covering at least this share of the cohort ... */
export const LEAK_COHORT_COVER = 0.9;
/** ... and at most this share of the rest is suspect. */
export const LEAK_REST_COVER = 0.05;
export const LEAK_FOLDS = 5;
/** Each class needs this many known values for the separation tests. */
const MIN_CLASS = 5;

export interface LeakageSuspect {
  index: number;
  header: string;
  /** Why, e.g. "single-column AUC 0.97", "reads like outcomes: 'Closed by', 'Lost to'". */
  evidence: string[];
}

/** The value the cohort was ranked by, when it is a column of the file (`--value`). */
export interface LeakageValue {
  label: string;
  values: readonly number[];
}

const NUMERIC = new Set(['number', 'money', 'employee_range', 'date']);

/** Stratified fold of each customer (cohort and rest dealt separately, one random stream), from the seed. */
export function foldsOf(cohort: readonly boolean[], seed: number, folds = LEAK_FOLDS): Int32Array {
  const fold = new Int32Array(cohort.length);
  const next = seededRandom(mixSeed(seed, 0x1ea6));
  const side = (wanted: boolean) => {
    const rows: number[] = [];
    cohort.forEach((c, i) => {
      if (c === wanted) rows.push(i);
    });
    return int32Of(rows);
  };
  dealFolds(fold, [side(true), side(false)], folds, () => next);
  return fold;
}

/** The column's values as codes for the separation measures; undefined for numbers (read as they are). */
function codedOf(column: EncodedColumn): CodedColumn | undefined {
  if (column.kind === 'numeric') return undefined;
  if (column.kind === 'boolean') return { kind: 'category', codes: Int32Array.from(column.flags), size: 2, keys: ['false', 'true'] };
  const keys = column.names.map((n) => n.toLowerCase()); // a code's key is its spelling's categoryKey
  return column.kind === 'category'
    ? { kind: 'category', codes: column.codes, size: keys.length, keys }
    : { kind: 'multi', offsets: column.offsets, tokens: column.tokens, size: keys.length, keys };
}

/**
 * The screen one column at a time, so that derive can read, encode and screen a column and let its values
 * go before the next: a million rows of forty columns are never all held as values at once.
 */
export class LeakageScreen {
  readonly #cohort: readonly boolean[];
  readonly #fold: Int32Array;
  readonly #value: LeakageValue | undefined;
  readonly #evidence = new Map<number, { header: string; why: string[] }>();
  // Numbers as read (NaN when not a number), kept for the value screen only when there is a value column.
  readonly #numeric = new Map<number, { header: string; values: Float64Array }>();

  constructor(cohort: readonly boolean[], seed: number, value?: LeakageValue) {
    this.#cohort = cohort;
    this.#fold = foldsOf(cohort, seed);
    this.#value = value;
  }

  #add(index: number, header: string, why: string): void {
    const entry = this.#evidence.get(index) ?? { header, why: [] };
    if (!entry.why.includes(why)) entry.why.push(why);
    this.#evidence.set(index, entry);
  }

  /** Screens one column (its values as read, and encoded when the caller has it already). */
  column(index: number, column: AttributeColumn, encoded?: EncodedColumn): void {
    const { info } = column;
    const cohort = this.#cohort;
    const add = (why: string) => this.#add(index, info.header, why);
    let separation: number | null = null;
    let cover: { cohort: number; rest: number } | undefined;
    if (NUMERIC.has(info.type)) {
      // Per customer its number as read (NaN when none). A number column's encoding holds them already, and
      // its rows in value order, except dates (encoded as years: their epoch ms are read here).
      const asRead = encoded?.kind === 'numeric' && info.type !== 'date' ? encoded : undefined;
      const numbers = asRead?.numbers ?? perCustomer(column, new Float64Array(column.ids.length), (v) => (isNumber(v) ? v : Number.NaN));
      if (this.#value) this.#numeric.set(index, { header: info.header, values: numbers });
      const inOrder = asRead?.order;
      if (enoughKnown((r) => !Number.isNaN(numbers[r]), cohort)) separation = numericAuc(numbers, cohort, this.#fold, LEAK_FOLDS, inOrder);
    } else {
      const coded = codedOf(encoded ?? encodeColumn(index, column)) as CodedColumn;
      const t = tallyOf(coded, cohort, this.#fold, LEAK_FOLDS);
      if (sum(t.rowsPos) >= MIN_CLASS && sum(t.rowsNeg) >= MIN_CLASS) {
        separation = coded.kind === 'multi' ? listAuc(coded, t) : categoryAuc(t);
        cover = coverage(coded, t, cohort, this.#fold, LEAK_COHORT_COVER);
      }
    }
    if (separation !== null && separation >= LEAK_AUC) add(`single-column AUC ${separation.toFixed(2)}`);
    if (cover && cover.cohort >= LEAK_COHORT_COVER && cover.rest <= LEAK_REST_COVER) {
      add(`a set of its values covers ${Math.round(100 * cover.cohort)}% of the cohort and ${Math.round(100 * cover.rest)}% of the rest`);
    }
    const words = info.type === 'category' || info.type === 'multi' ? outcomeWords(column.distinct, column.counts) : undefined;
    if (words) add(`reads like outcomes: ${words.map((w) => `'${w}'`).join(', ')}`);
  }

  /** The suspect columns with their evidence, in column order (the value screen runs here, over every number). */
  suspects(): LeakageSuspect[] {
    if (this.#value) {
      const headers = new Map([...this.#numeric].map(([i, c]) => [i, c.header]));
      valueSuspects(this.#numeric, this.#value, (index, why) => this.#add(index, headers.get(index) as string, why));
    }
    return [...this.#evidence].sort((a, b) => a[0] - b[0]).map(([index, e]) => ({ index, header: e.header, evidence: e.why }));
  }
}

/** Each class needs MIN_CLASS known values. */
function enoughKnown(isKnown: (r: number) => boolean, cohort: readonly boolean[]): boolean {
  let p = 0;
  let n = 0;
  for (let r = 0; r < cohort.length; r++) {
    if (isKnown(r)) cohort[r] ? p++ : n++;
  }
  return p >= MIN_CLASS && n >= MIN_CLASS;
}

/** How a header is written on the command line: bare when it is one plain word, else quoted. */
function flagValue(header: string): string {
  return /^[\w.-]+$/.test(header) ? header : JSON.stringify(header);
}

/** The note for one suspect column: left out (with the flag that keeps it), or kept with --allow. */
export function leakageNote(s: LeakageSuspect, kept: boolean): string {
  return kept
    ? `Kept although it may record the outcome (--allow): ${s.header} (${s.evidence.join('; ')}).`
    : `Left out as possible leakage: ${s.header} (${s.evidence.join('; ')}; keep it with --allow ${flagValue(s.header)}).`;
}
