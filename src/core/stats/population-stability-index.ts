// Half a count added to every bin of both distributions (Jeffreys-style smoothing): it keeps the
// logarithm finite when a bin is empty on one side, and it barely moves the index for real counts.
const SMOOTHING = 0.5;

function shares(counts: readonly number[], name: string): number[] {
  let total = 0;
  for (const c of counts) {
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`${name} bin counts must be non-negative, got ${c}`);
    total += c;
  }
  if (total === 0) throw new RangeError(`${name} distribution is empty`);
  const smoothedTotal = total + SMOOTHING * counts.length;
  return counts.map((c) => (c + SMOOTHING) / smoothedTotal);
}

/**
 * Population stability index sum((actual - expected) * ln(actual / expected)) over bins given as
 * counts (same bins, same order), each count smoothed by +0.5. Rule of thumb: < 0.1 stable, > 0.25 shifted.
 */
export function populationStabilityIndex(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length || expected.length === 0) {
    throw new RangeError(`PSI needs the same non-empty bins on both sides, got ${expected.length} and ${actual.length}`);
  }
  const e = shares(expected, 'expected');
  const a = shares(actual, 'actual');
  let psi = 0;
  for (let i = 0; i < e.length; i++) {
    const ei = e[i] as number;
    const ai = a[i] as number;
    psi += (ai - ei) * Math.log(ai / ei);
  }
  return psi;
}
