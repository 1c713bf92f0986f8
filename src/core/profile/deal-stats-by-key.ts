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
  const cycleCount = new Int32Array(n);
  for (let i = 0; i < won.count; i++) {
    const slot = won.slot[i] as number;
    const value = won.value[i] as number;
    if (!Number.isNaN(value)) wonValue[slot] = (wonValue[slot] as number) + value;
    if (!Number.isNaN(won.days[i] as number)) cycleCount[slot] = (cycleCount[slot] as number) + 1;
  }
  const cyclesOf: number[][] = [];
  const byKey = new Map<string, DealStats>();
  for (const slot of order) {
    const first = firstWon[slot] as number;
    const last = lastWon[slot] as number;
    const cycleDays = new Array<number>(cycleCount[slot] as number);
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
  // From a customer's start, only the first won deal has a cycle: the later ones would measure the
  // customer's age, not a sale.
  if (startAt) {
    for (const slot of order) {
      const days = ((firstWon[slot] as number) - (startAt[slot] as number)) / DAY_MS;
      if (days >= 0) (cyclesOf[slot] as number[]).push(days);
    }
  }
  const filled = new Int32Array(n);
  for (let i = 0; i < won.count; i++) {
    const days = won.days[i] as number;
    if (Number.isNaN(days)) continue;
    const slot = won.slot[i] as number;
    const k = filled[slot] as number;
    (cyclesOf[slot] as number[])[k] = days;
    filled[slot] = k + 1;
  }
  return byKey;
}
