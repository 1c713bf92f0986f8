import { mixSeed, seededRandom, shuffleInPlace } from '../random.js';
import { benjaminiHochberg, fisherExact } from '../stats/index.js';
import type { EncodedColumn } from './encode.js';
import { support, type Sample } from './search.js';

/** What the anti-fit picking needs to be re-run: the rule that chose the observed set. */
export interface AntiRule {
  alpha: number;
  /** The whole family's Benjamini-Hochberg threshold: a picked value must also pass it against every customer. */
  pStar: number;
  minSupport: number;
  minLift: number;
}

/** Permutations for the main derive; resamples (folds, half-samples) use fewer, as they only need a decision. */
export const ANTI_PERMUTATIONS = 999;
export const ANTI_PERMUTATIONS_RESAMPLED = 199;
/** An anti-fit set that restates its column's fit set must beat this selection-aware p. */
export const ANTI_ALPHA = 0.01;

/**
 * One run of the anti-fit picking on the non-fit stratum: each value against the other values of the
 * stratum (Fisher's test, Benjamini-Hochberg at alpha over the values tested), the under-represented ones
 * merged; the set must still reach --min-lift against every known customer (what the criterion will say)
 * and --min-support. Its statistic is the set's contrast within the stratum as a z (higher: stronger
 * anti-fit), -Infinity when nothing qualifies.
 */
function pickAnti(codes: Int32Array, labels: Uint8Array, size: number, totals: { cohortKnown: number; restKnown: number }, rule: AntiRule): { stat: number; picked: number[] } {
  const none = { stat: Number.NEGATIVE_INFINITY, picked: [] };
  const cohort = new Int32Array(size);
  const all = new Int32Array(size);
  let stratumCohort = 0;
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k] as number;
    all[c]! += 1;
    if (labels[k] === 1) {
      cohort[c]! += 1;
      stratumCohort++;
    }
  }
  const stratumRest = codes.length - stratumCohort;
  if (stratumCohort === 0 || stratumRest === 0) return none;
  // Which values are tested depends on their count alone, never on the labels (so not on the outcome).
  const needAll = support(rule.minSupport, codes.length);
  const tested: { v: number; p: number; low: boolean }[] = [];
  for (let v = 0; v < size; v++) {
    const n = all[v] as number;
    if (n === 0 || n === codes.length) continue;
    const a = cohort[v] as number;
    const c = n - a;
    if (n < needAll) continue;
    tested.push({ v, p: fisherExact({ a, b: stratumCohort - a, c, d: stratumRest - c }).pValue, low: a * stratumRest < c * stratumCohort });
  }
  const q = benjaminiHochberg(tested.map((t) => t.p));
  // Picked: under-represented and significant within the stratum, and significant against every known
  // customer too (in the one family of tests, at its threshold), as the observed search required.
  const globally = (v: number) => {
    const a = cohort[v] as number;
    const c = (all[v] as number) - a;
    return a * totals.restKnown < c * totals.cohortKnown && fisherExact({ a, b: totals.cohortKnown - a, c, d: totals.restKnown - c }).pValue <= rule.pStar;
  };
  const picked = tested.filter((t, i) => t.low && (q[i] as number) < rule.alpha && globally(t.v)).map((t) => t.v);
  let setCohort = 0;
  let setAll = 0;
  for (const v of picked) {
    setCohort += cohort[v] as number;
    setAll += all[v] as number;
  }
  const setRest = setAll - setCohort;
  const otherAll = codes.length - setAll;
  if (setAll === 0 || otherAll === 0 || setRest < support(rule.minSupport, totals.restKnown)) return none;
  const lift = setCohort / totals.cohortKnown / (setRest / totals.restKnown);
  if (lift > 1 / rule.minLift) return none;
  const pSet = setCohort / setAll;
  const pOther = (stratumCohort - setCohort) / otherAll;
  const pooled = stratumCohort / codes.length;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / setAll + 1 / otherAll));
  return se > 0 ? { stat: (pOther - pSet) / se, picked } : none;
}

/**
 * The anti-fit set of a column that also has a fit set, picked within the non-fit stratum (a value that is
 * rare in the cohort only because it is not in the fit set is not picked), with its selection-aware
 * p-value: the cohort labels are permuted among the customers outside the fit set (so the fit set's own
 * contrast stays as observed) and the whole anti-fit picking is re-run each time. p = (1 + permutations at least as extreme) / (1 + B),
 * stopping early once p can no longer fall below ANTI_ALPHA. Values restating "not the fit set" are
 * rejected by this test; a genuinely under-represented value survives it.
 */
export function antiPermutationP(
  column: EncodedColumn & { kind: 'category' },
  sample: Sample,
  fitCodes: ReadonlySet<number>,
  totals: { cohortKnown: number; restKnown: number },
  rule: AntiRule,
  permutations: number,
  seed: number,
): { p: number; picked: number[] } {
  const codes: number[] = [];
  const labels: number[] = [];
  for (const r of sample.rows) {
    const c = column.codes[r] as number;
    if (c < 0 || fitCodes.has(c)) continue;
    codes.push(c);
    labels.push(sample.labels[r] as number);
  }
  const stratumCodes = Int32Array.from(codes);
  const stratumLabels = Uint8Array.from(labels);
  const size = column.names.length;
  const observed = pickAnti(stratumCodes, stratumLabels, size, totals, rule);
  if (observed.stat === Number.NEGATIVE_INFINITY) return { p: 1, picked: [] };
  const next = seededRandom(mixSeed(seed, column.index));
  const stopAt = Math.ceil(ANTI_ALPHA * (permutations + 1));
  let atLeast = 0;
  let done = 0;
  for (; done < permutations && atLeast < stopAt; done++) {
    shuffleInPlace(stratumLabels, next);
    if (pickAnti(stratumCodes, stratumLabels, size, totals, rule).stat >= observed.stat) atLeast++;
  }
  // Stopped early: report the p-value of the permutations run, which is at least ANTI_ALPHA.
  return { p: Math.min(1, (1 + atLeast) / (1 + done)), picked: observed.picked };
}
