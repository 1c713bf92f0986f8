/** Rounds to two significant digits (47,312 -> 47,000; 0.0314 -> 0.031), so range bounds read like a person wrote them. */
export function niceRound(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const step = 10 ** (magnitude - 1);
  const rounded = Math.round(value / step) * step;
  // Undo binary noise such as 0.30000000000000004.
  return Number(rounded.toPrecision(2));
}

/** Distinct cut points at the deciles of the values, rounded to two significant digits, ascending. */
export function cutPoints(sorted: readonly number[], steps = 10): number[] {
  if (sorted.length === 0) return [];
  const cuts = new Set<number>();
  for (let k = 1; k < steps; k++) {
    const index = Math.min(sorted.length - 1, Math.floor((k / steps) * sorted.length));
    cuts.add(niceRound(sorted[index] as number));
  }
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  // A cut at or beyond the data's edges splits nothing off.
  return [...cuts].filter((c) => c > min && c <= max).sort((a, b) => a - b);
}
