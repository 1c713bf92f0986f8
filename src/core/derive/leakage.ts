import { mixSeed, seededRandom, shuffleInPlace } from '../random.js';
import { auc } from '../stats/index.js';
import type { AttributeColumn } from './encode.js';
import { outcomeWords } from './outcome-words.js';
import { isNumber, valueSuspects } from './value-leakage.js';

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

export interface LeakageInput {
  columns: ReadonlyMap<number, AttributeColumn>;
  cohort: readonly boolean[];
  /** The value the cohort was ranked by, when it is a column of the file (`--value`). */
  value?: { label: string; values: readonly number[] } | undefined;
  seed: number;
}

const NUMERIC = new Set(['number', 'money', 'employee_range', 'date']);


/** Tokens of one cell (a category is a list of one), lower-cased; undefined when missing. */
function tokensOf(v: unknown): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const t = v.map((x) => String(x).trim().toLowerCase()).filter((x) => x !== '');
    return t.length > 0 ? t : undefined;
  }
  const s = String(v).trim().toLowerCase();
  return s === '' ? undefined : [s];
}

/** Stratified fold of each customer (cohort and rest dealt separately), from the seed. */
export function foldsOf(cohort: readonly boolean[], seed: number, folds = LEAK_FOLDS): Int32Array {
  const fold = new Int32Array(cohort.length);
  const next = seededRandom(mixSeed(seed, 0x1ea6));
  for (const side of [true, false]) {
    const rows = Int32Array.from(cohort.flatMap((c, i) => (c === side ? [i] : [])));
    shuffleInPlace(rows, next);
    rows.forEach((r, k) => (fold[r] = k % folds));
  }
  return fold;
}

/** Mean over folds of the test-fold AUC of a score learned on the other folds. */
function outOfFold(rows: readonly number[], cohort: readonly boolean[], fold: Int32Array, score: (train: number[], test: number[]) => number[]): number | null {
  const aucs: number[] = [];
  for (let k = 0; k < LEAK_FOLDS; k++) {
    const train = rows.filter((r) => fold[r] !== k);
    const test = rows.filter((r) => fold[r] === k);
    const a = auc(score(train, test), test.map((r) => cohort[r] as boolean));
    if (a !== null) aucs.push(a);
  }
  return aucs.length === 0 ? null : aucs.reduce((s, a) => s + a, 0) / aucs.length;
}

function numericAuc(values: readonly number[], rows: number[], cohort: readonly boolean[], fold: Int32Array): number | null {
  return outOfFold(rows, cohort, fold, (train, test) => {
    const a = auc(train.map((r) => values[r] as number), train.map((r) => cohort[r] as boolean)) ?? 0.5;
    const sign = a >= 0.5 ? 1 : -1;
    return test.map((r) => sign * (values[r] as number));
  });
}

/** A category scored by its value's cohort share in the training folds (one pseudo-count at the base rate). */
function categoryAuc(tokens: readonly (string[] | undefined)[], rows: number[], cohort: readonly boolean[], fold: Int32Array): number | null {
  return outOfFold(rows, cohort, fold, (train, test) => {
    const counts = new Map<string, [number, number]>();
    let positives = 0;
    for (const r of train) {
      const key = (tokens[r] as string[])[0] as string;
      const c = counts.get(key) ?? [0, 0];
      if (cohort[r]) c[0]++;
      c[1]++;
      counts.set(key, c);
      if (cohort[r]) positives++;
    }
    const base = positives / Math.max(1, train.length);
    return test.map((r) => {
      const c = counts.get((tokens[r] as string[])[0] as string);
      return c ? (c[0] + base) / (c[1] + 1) : base;
    });
  });
}

/** A list scored by its best token on the training folds (present, or absent when that is the better side). */
function listAuc(tokens: readonly (string[] | undefined)[], rows: number[], cohort: readonly boolean[], fold: Int32Array): number | null {
  return outOfFold(rows, cohort, fold, (train, test) => {
    const counts = new Map<string, [number, number]>();
    let positives = 0;
    for (const r of train) {
      if (cohort[r]) positives++;
      for (const t of new Set(tokens[r])) {
        const c = counts.get(t) ?? [0, 0];
        c[cohort[r] ? 0 : 1]++;
        counts.set(t, c);
      }
    }
    const negatives = train.length - positives;
    let best = '';
    let gap = -1;
    let sign = 1;
    for (const [t, [a, c]] of [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const d = a / Math.max(1, positives) - c / Math.max(1, negatives);
      if (Math.abs(d) > gap) [best, gap, sign] = [t, Math.abs(d), d >= 0 ? 1 : -1];
    }
    return test.map((r) => sign * ((tokens[r] as string[]).includes(best) ? 1 : 0));
  });
}

/**
 * Out of fold: the values that, greedily by cohort-to-rest ratio on the training folds, cover 90% of the
 * training cohort; their coverage of the test folds' cohort and rest, pooled.
 */
function coverage(tokens: readonly (string[] | undefined)[], rows: number[], cohort: readonly boolean[], fold: Int32Array): { cohort: number; rest: number } {
  let cohortIn = 0;
  let cohortAll = 0;
  let restIn = 0;
  let restAll = 0;
  for (let k = 0; k < LEAK_FOLDS; k++) {
    const train = rows.filter((r) => fold[r] !== k && cohort[r]);
    const restTrain = rows.filter((r) => fold[r] !== k && !cohort[r]);
    // token -> [training cohort rows holding it, training rest count]
    const counts = new Map<string, [number[], number]>();
    const entry = (t: string) => {
      let c = counts.get(t);
      if (!c) counts.set(t, (c = [[], 0]));
      return c;
    };
    for (const r of train) for (const t of new Set(tokens[r])) entry(t)[0].push(r);
    for (const r of restTrain) for (const t of new Set(tokens[r])) entry(t)[1]++;
    const ratio = (c: [number[], number]) => c[0].length / (c[1] + 0.5);
    const order = [...counts].sort((x, y) => ratio(y[1]) - ratio(x[1]) || y[1][0].length - x[1][0].length || (x[0] < y[0] ? -1 : 1));
    const chosen = new Set<string>();
    const covered = new Set<number>();
    for (const [t, [holders]] of order) {
      if (covered.size >= LEAK_COHORT_COVER * train.length) break;
      chosen.add(t);
      for (const r of holders) covered.add(r);
    }
    for (const r of rows) {
      if (fold[r] !== k) continue;
      const hit = (tokens[r] as string[]).some((t) => chosen.has(t));
      if (cohort[r]) [cohortAll, cohortIn] = [cohortAll + 1, cohortIn + (hit ? 1 : 0)];
      else [restAll, restIn] = [restAll + 1, restIn + (hit ? 1 : 0)];
    }
  }
  return { cohort: cohortIn / Math.max(1, cohortAll), rest: restIn / Math.max(1, restAll) };
}


/** The suspect columns with their evidence, in column order. */
export function screenLeakage(input: LeakageInput): LeakageSuspect[] {
  const { cohort } = input;
  const fold = foldsOf(cohort, input.seed);
  const evidence = new Map<number, string[]>();
  const add = (index: number, why: string) => {
    const list = evidence.get(index) ?? [];
    if (!list.includes(why)) list.push(why);
    evidence.set(index, list);
  };
  const numeric = new Map<number, { header: string; values: readonly unknown[] }>();
  for (const [index, column] of input.columns) {
    const { info, values } = column;
    let separation: number | null = null;
    let cover: { cohort: number; rest: number } | undefined;
    if (NUMERIC.has(info.type)) {
      numeric.set(index, { header: info.header, values });
      const rows = values.flatMap((v, r) => (isNumber(v) ? [r] : []));
      if (enough(rows, cohort)) separation = numericAuc(values as number[], rows, cohort, fold);
    } else {
      const tokens = values.map(tokensOf);
      const rows = tokens.flatMap((t, r) => (t ? [r] : []));
      if (enough(rows, cohort)) {
        separation = info.type === 'multi' ? listAuc(tokens, rows, cohort, fold) : categoryAuc(tokens, rows, cohort, fold);
        cover = coverage(tokens, rows, cohort, fold);
      }
    }
    if (separation !== null && separation >= LEAK_AUC) add(index, `single-column AUC ${separation.toFixed(2)}`);
    if (cover && cover.cohort >= LEAK_COHORT_COVER && cover.rest <= LEAK_REST_COVER) {
      add(index, `a set of its values covers ${Math.round(100 * cover.cohort)}% of the cohort and ${Math.round(100 * cover.rest)}% of the rest`);
    }
    const words = info.type === 'category' || info.type === 'multi' ? outcomeWords(values) : undefined;
    if (words) add(index, `reads like outcomes: ${words.map((w) => `'${w}'`).join(', ')}`);
  }
  if (input.value) valueSuspects(numeric, input.value, add);
  return [...evidence]
    .sort((a, b) => a[0] - b[0])
    .map(([index, why]) => ({ index, header: (input.columns.get(index) as AttributeColumn).info.header, evidence: why }));
}

function enough(rows: readonly number[], cohort: readonly boolean[]): boolean {
  let p = 0;
  for (const r of rows) if (cohort[r]) p++;
  return p >= MIN_CLASS && rows.length - p >= MIN_CLASS;
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
