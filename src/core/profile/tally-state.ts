import type { DealQuality } from './deals.js';

/** Counters of DealQuality that parts of one deals file add up. */
export const COUNTERS = ['total', 'matched', 'unmatched', 'withoutKey', 'outsideWindow', 'withoutCloseDate', 'withoutDates', 'negativeCycles', 'negativeWonCycles', 'withoutAmount'] as const satisfies readonly (keyof DealQuality)[];

/**
 * What a DealTally has counted, as plain data and typed arrays (a worker thread can post it): a tally
 * that counted other deals of the same file absorbs it.
 */
export interface TallyState {
  deals: Int32Array;
  outcomes: Int32Array;
  firstWon: Float64Array;
  lastWon: Float64Array;
  firstAt: Float64Array;
  /** Customers with a matched deal, by firstAt. */
  order: number[];
  won: WonDeals;
  unknown: [string, number][];
  examples: { raw: string; at: number }[];
  counts: Record<(typeof COUNTERS)[number], number>;
}

/** The won deals of matched customers, in file order: customer, place in the file, value and cycle (NaN when none). */
export interface WonDeals {
  slot: Int32Array;
  at: Float64Array;
  value: Float64Array;
  days: Float64Array;
  count: number;
}

export function wonDeals(capacity: number): WonDeals {
  return { slot: new Int32Array(capacity), at: new Float64Array(capacity), value: new Float64Array(capacity), days: new Float64Array(capacity), count: 0 };
}

export function pushWon(list: WonDeals, slot: number, at: number, value: number, days: number): WonDeals {
  let out = list;
  if (list.count === list.slot.length) {
    out = wonDeals(Math.max(1024, list.count * 2));
    out.slot.set(list.slot);
    out.at.set(list.at);
    out.value.set(list.value);
    out.days.set(list.days);
    out.count = list.count;
  }
  const i = out.count++;
  out.slot[i] = slot;
  out.at[i] = at;
  out.value[i] = value;
  out.days[i] = days;
  return out;
}

/** Two lists each in file order, as one in file order. */
export function mergeWon(a: WonDeals, b: WonDeals): WonDeals {
  const out = wonDeals(a.count + b.count);
  let i = 0;
  let j = 0;
  const take = (from: WonDeals, k: number) => {
    const n = out.count++;
    out.slot[n] = from.slot[k] as number;
    out.at[n] = from.at[k] as number;
    out.value[n] = from.value[k] as number;
    out.days[n] = from.days[k] as number;
  };
  while (i < a.count || j < b.count) {
    if (j >= b.count || (i < a.count && (a.at[i] as number) < (b.at[j] as number))) take(a, i++);
    else take(b, j++);
  }
  return out;
}

/**
 * Two tallies' customers, each in the order of their first deal there, as one list in the order of their
 * first deal in either: a customer in both comes where its earlier first deal puts it.
 */
export function mergeOrder(a: readonly number[], aAt: Float64Array, b: readonly number[], bAt: Float64Array): number[] {
  const out: number[] = [];
  const first = (slot: number) => Math.min(aAt[slot] as number, bAt[slot] as number);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && (aAt[a[i] as number] as number) < (bAt[b[j] as number] as number));
    const slot = (fromA ? a[i++] : b[j++]) as number;
    if ((fromA ? aAt : bAt)[slot] === first(slot)) out.push(slot);
  }
  return out;
}
