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
