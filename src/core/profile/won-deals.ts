/** The won deals of matched customers, in file order: customer, value and cycle (NaN when none). */
export interface WonDeals {
  slot: Int32Array;
  value: Float64Array;
  days: Float64Array;
  count: number;
}

export function wonDeals(capacity: number): WonDeals {
  return { slot: new Int32Array(capacity), value: new Float64Array(capacity), days: new Float64Array(capacity), count: 0 };
}

/** Appends a won deal, growing the arrays (the list returned is the one to keep). */
export function pushWon(list: WonDeals, slot: number, value: number, days: number): WonDeals {
  let out = list;
  if (list.count === list.slot.length) {
    out = wonDeals(Math.max(1024, list.count * 2));
    out.slot.set(list.slot);
    out.value.set(list.value);
    out.days.set(list.days);
    out.count = list.count;
  }
  const i = out.count++;
  out.slot[i] = slot;
  out.value[i] = value;
  out.days[i] = days;
  return out;
}
