/**
 * Successes and trials of the ICP and non-ICP accounts of one group (a segment, or all of them), added
 * account by account, and what failing-segments.ts reads from them.
 */
export interface Tally {
  icpSuccesses: number;
  icpTrials: number;
  nonSuccesses: number;
  nonTrials: number;
  icpAccounts: number;
  nonAccounts: number;
}

export const emptyTally = (): Tally => ({ icpSuccesses: 0, icpTrials: 0, nonSuccesses: 0, nonTrials: 0, icpAccounts: 0, nonAccounts: 0 });

export function add(t: Tally, a: { icp: boolean; successes: number; trials: number }): void {
  if (a.icp) {
    t.icpSuccesses += a.successes;
    t.icpTrials += a.trials;
    t.icpAccounts++;
  } else {
    t.nonSuccesses += a.successes;
    t.nonTrials += a.trials;
    t.nonAccounts++;
  }
}

export function minus(all: Tally, part: Tally): Tally {
  const out = emptyTally();
  for (const k of Object.keys(out) as (keyof Tally)[]) out[k] = all[k] - part[k];
  return out;
}

/** The ICP's success/failure table: a, b = ICP successes, failures; c, d = non-ICP successes, failures. */
export const table = (t: Tally) => ({ a: t.icpSuccesses, b: t.icpTrials - t.icpSuccesses, c: t.nonSuccesses, d: t.nonTrials - t.nonSuccesses });

export const bothSides = (t: Tally) => t.icpAccounts > 0 && t.nonAccounts > 0;

/** Pooled rate ratio; null when the denominator rate is 0. */
export function rateRatio(t: Tally): number | null {
  const non = t.nonSuccesses / t.nonTrials;
  return non > 0 ? t.icpSuccesses / t.icpTrials / non : null;
}
