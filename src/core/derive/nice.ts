/**
 * The roundest number in an interval of numbers that give the same membership, so a bound reads like a
 * person wrote it (500, not 497) without moving any customer across it. `low` is exclusive, `high`
 * inclusive for a lower bound (any min in (low, high] keeps the same customers in); mirrored for an
 * upper bound. Falls back to the observed bound itself.
 */
function roundest(low: number, high: number, side: 'min' | 'max', observed: number): number {
  for (let exponent = 15; exponent >= -6; exponent--) {
    for (const unit of [5, 2, 1]) {
      const step = unit * 10 ** exponent;
      // For a min, the largest multiple not above the observed bound; for a max, the smallest not below it.
      const candidate = side === 'min' ? Math.floor(observed / step) * step : Math.ceil(observed / step) * step;
      const value = Number(candidate.toPrecision(12));
      const inside = side === 'min' ? value > low && value <= high : value >= low && value < high;
      if (inside) return value;
    }
  }
  return observed;
}

/**
 * Rounds a range bound for reading. `sorted` holds every customer's number (ascending). A min bound b may
 * move down to just above the largest number below b; a max bound up to just below the smallest number above b.
 */
export function readableBound(bound: number, side: 'min' | 'max', sorted: Float64Array): number {
  const below = lastBelow(sorted, bound);
  const above = firstAbove(sorted, bound);
  if (side === 'min') return roundest(below ?? -Infinity, bound, 'min', bound);
  return roundest(bound, above ?? Infinity, 'max', bound);
}

function lastBelow(sorted: Float64Array, x: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (sorted[lo - 1] as number) : undefined;
}

function firstAbove(sorted: Float64Array, x: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? (sorted[lo] as number) : undefined;
}
