/**
 * The roundest number in an interval of numbers that give the same membership, so a bound reads like a
 * person wrote it (500, not 497) without moving any customer across it. `low` is exclusive, `high`
 * inclusive for a lower bound (any min in (low, high] keeps the same customers in); mirrored for an
 * upper bound. Falls back to the observed bound itself.
 */
function roundest(low: number, high: number, side: 'min' | 'max', observed: number, digits: number): number {
  // Never coarser than `digits` significant digits of the bound: a bound of 497 with no customer between it
  // and 100,000 reads 500, not 50,000, which would claim far more than the data showed.
  const magnitude = observed === 0 ? 0 : Math.floor(Math.log10(Math.abs(observed)));
  for (let exponent = magnitude - digits + 1; exponent >= -6; exponent--) {
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
 * Rounds a range bound for reading, to at most `digits` significant digits. `sorted` holds every customer's
 * number (ascending). A min bound b may move down to just above the largest number below b; a max bound up
 * to just below the smallest number above b.
 */
export function readableBound(bound: number, side: 'min' | 'max', sorted: Float64Array, digits = 2): number {
  const below = lastBelow(sorted, bound);
  const above = firstAbove(sorted, bound);
  if (side === 'min') return roundest(below ?? -Infinity, bound, 'min', bound, digits);
  return roundest(bound, above ?? Infinity, 'max', bound, digits);
}

/** Years (a date column's, or whole numbers that all read as years) keep 4 significant digits: 1987, not 2000. */
export function yearLike(isDate: boolean, sorted: Float64Array): boolean {
  if (isDate) return true;
  if (sorted.length === 0) return false;
  const first = sorted[0] as number;
  const last = sorted[sorted.length - 1] as number;
  return first >= 1800 && last <= 2100 && sorted.every((n) => Number.isInteger(n));
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
