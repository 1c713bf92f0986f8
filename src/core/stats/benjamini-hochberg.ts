/**
 * Benjamini-Hochberg adjusted p-values (q-values) in the input order, as R's p.adjust(method = "BH"):
 * q(i) = min over ranks j >= rank(i) of m * p(j) / j, capped at 1. Tied p-values get the same q.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-value must be in [0, 1], got ${p}`);
  }
  // Largest p first; ties broken by position so that the order, and so every rounding, is fixed.
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => (pValues[j] as number) - (pValues[i] as number) || j - i);
  const q = new Array<number>(m);
  let running = 1;
  order.forEach((index, position) => {
    const rank = m - position;
    // p * (m / rank) rather than (p * m) / rank: m / rank >= 1 survives rounding, so q >= p always.
    running = Math.min(running, (pValues[index] as number) * (m / rank));
    q[index] = running;
  });
  return q;
}
