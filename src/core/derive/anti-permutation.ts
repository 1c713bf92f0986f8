import { mixSeed, seededRandom } from '../random.js';
import { drawMarkedCounts } from '../stats/hypergeometric-draw.js';
import { benjaminiHochberg, fisherExact } from '../stats/index.js';
import type { CodeCounts } from './code-counts.js';
import type { EncodedColumn } from './encode.js';
import { support } from './search-types.js';

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

/** The non-fit stratum of a column, as counts: each value's customers and cohort customers (0 for fit values). */
interface Stratum {
  all: Int32Array;
  cohort: Int32Array;
  size: number;
  cohortSize: number;
}

/**
 * One run of the anti-fit picking on the non-fit stratum: each value against the other values of the
 * stratum (Fisher's test, Benjamini-Hochberg at alpha over the values tested), the under-represented ones
 * merged; the set must still reach --min-lift against every known customer (what the criterion will say)
 * and --min-support. Its statistic is the set's contrast within the stratum as a z (higher: stronger
 * anti-fit), -Infinity when nothing qualifies.
 */
function pickAnti(s: Stratum, totals: CodeCounts, rule: AntiRule): { stat: number; picked: number[] } {
  const none = { stat: Number.NEGATIVE_INFINITY, picked: [] };
  const { all, cohort } = s;
  const stratumCohort = s.cohortSize;
  const stratumRest = s.size - stratumCohort;
  if (stratumCohort === 0 || stratumRest === 0) return none;
  // Which values are tested depends on their count alone, never on the labels (so not on the outcome).
  const needAll = support(rule.minSupport, s.size);
  const tested: { v: number; p: number; low: boolean }[] = [];
  for (let v = 0; v < all.length; v++) {
    const n = all[v] as number;
    if (n === 0 || n === s.size) continue;
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
  const otherAll = s.size - setAll;
  if (setAll === 0 || otherAll === 0 || setRest < support(rule.minSupport, totals.restKnown)) return none;
  const lift = setCohort / totals.cohortKnown / (setRest / totals.restKnown);
  if (lift > 1 / rule.minLift) return none;
  const pSet = setCohort / setAll;
  const pOther = (stratumCohort - setCohort) / otherAll;
  const pooled = stratumCohort / s.size;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / setAll + 1 / otherAll));
  return se > 0 ? { stat: (pOther - pSet) / se, picked } : none;
}

function stratumOf(counts: CodeCounts, fitCodes: ReadonlySet<number>): Stratum {
  const all = new Int32Array(counts.cohort.length);
  const cohort = new Int32Array(counts.cohort.length);
  let size = 0;
  let cohortSize = 0;
  for (let v = 0; v < all.length; v++) {
    if (fitCodes.has(v)) continue;
    cohort[v] = counts.cohort[v] as number;
    all[v] = (counts.cohort[v] as number) + (counts.rest[v] as number);
    size += all[v] as number;
    cohortSize += cohort[v] as number;
  }
  return { all, cohort, size, cohortSize };
}

/**
 * The anti-fit set of a column that also has a fit set, picked within the non-fit stratum (a value that is
 * rare in the cohort only because it is not in the fit set is not picked), with its selection-aware
 * p-value: the cohort labels are permuted among the customers outside the fit set (so the fit set's own
 * contrast stays as observed) and the whole anti-fit picking is re-run each time. The picking reads only
 * each value's counts, so a permutation is drawn as the counts it would give (a multivariate
 * hypergeometric draw, exact) rather than by shuffling every customer. p = (1 + permutations at least as
 * extreme) / (1 + B), stopping early once p can no longer fall below ANTI_ALPHA. Values restating "not the
 * fit set" are rejected by this test; a genuinely under-represented value survives it.
 */
export function antiPermutationP(
  column: EncodedColumn & { kind: 'category' },
  fitCodes: ReadonlySet<number>,
  counts: CodeCounts,
  rule: AntiRule,
  permutations: number,
  seed: number,
): { p: number; picked: number[] } {
  const stratum = stratumOf(counts, fitCodes);
  const observed = pickAnti(stratum, counts, rule);
  if (observed.stat === Number.NEGATIVE_INFINITY) return { p: 1, picked: [] };
  const next = seededRandom(mixSeed(seed, column.index));
  const stopAt = Math.ceil(ANTI_ALPHA * (permutations + 1));
  const permuted: Stratum = { ...stratum, cohort: new Int32Array(stratum.all.length) };
  let atLeast = 0;
  let done = 0;
  for (; done < permutations && atLeast < stopAt; done++) {
    drawMarkedCounts(stratum.all, stratum.cohortSize, next, permuted.cohort);
    if (pickAnti(permuted, counts, rule).stat >= observed.stat) atLeast++;
  }
  // Stopped early: report the p-value of the permutations run, which is at least ANTI_ALPHA.
  return { p: Math.min(1, (1 + atLeast) / (1 + done)), picked: observed.picked };
}
