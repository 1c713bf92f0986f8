import type { DealStats } from './deal-types.js';
import type { WonDeals } from './won-deals.js';

export const DAY_MS = 86_400_000;

/** Outcome codes of a DealTally, the offset of each outcome's count in its outcomes array. */
export const WON = 0;
export const LOST = 1;
export const OPEN = 2;

/**
 * DealTally.result()'s sums per customer key, from the tally's arrays (indexed by customer slot), with
 * customers listed in `order`.
 */
export function dealStatsByKey(
  keys: readonly string[],
  order: readonly number[],
  deals: Int32Array,
  outcomes: Int32Array,
  firstWon: Float64Array,
  lastWon: Float64Array,
  startAt: Float64Array | undefined,
  won: WonDeals,
): Map<string, DealStats> {
  const n = keys.length;
  const wonValue = new Float64Array(n);
  for (let i = 0; i < won.count; i++) {
    const slot = won.slot[i] as number;
    const value = won.value[i] as number;
    if (!Number.isNaN(value)) wonValue[slot] = (wonValue[slot] as number) + value;
  }
  // Each customer's cycles start empty and grow by push: `new Array(count)` per customer, filled later,
  // made building 100,000 of them several times slower.
  const cyclesOf = new Array<number[]>(n);
  const byKey = new Map<string, DealStats>();
  for (const slot of order) {
    const first = firstWon[slot] as number;
    const last = lastWon[slot] as number;
    const cycleDays: number[] = [];
    cyclesOf[slot] = cycleDays;
    byKey.set(keys[slot] as string, {
      deals: deals[slot] as number,
      won: outcomes[3 * slot + WON] as number,
      lost: outcomes[3 * slot + LOST] as number,
      open: outcomes[3 * slot + OPEN] as number,
      wonValue: wonValue[slot] as number,
      cycleDays,
      firstWon: Number.isNaN(first) ? null : first,
      lastWon: Number.isNaN(last) ? null : last,
    });
  }
  // The won deals' cycles in the order won, then (from a customer's start) the cycle of the first won deal
  // only: the later ones would measure the customer's age, not a sale.
  for (let i = 0; i < won.count; i++) {
    const days = won.days[i] as number;
    if (!Number.isNaN(days)) (cyclesOf[won.slot[i] as number] as number[]).push(days);
  }
  if (startAt) {
    for (const slot of order) {
      const days = ((firstWon[slot] as number) - (startAt[slot] as number)) / DAY_MS;
      if (days >= 0) (cyclesOf[slot] as number[]).push(days);
    }
  }
  return byKey;
}
