import { ridgeLogistic } from '../stats/logistic.js';
import type { TwoByTwo } from '../stats/index.js';
import type { Sample } from './search-types.js';
import type { LeftOut, Selected } from './select.js';

/**
 * Weight of evidence of a criterion: ln(cohort share / rest share), with half a count added to every cell
 * so that a value the rest never has still gets a finite weight. Kept as the yardstick the fitted points
 * are measured against (see the README).
 */
export function weightOfEvidence(t: TwoByTwo): number {
  const cohort = (t.a + 0.5) / (t.a + t.b + 1);
  const rest = (t.c + 0.5) / (t.c + t.d + 1);
  return Math.log(cohort / rest);
}

/** Splits `total` into integers proportional to `weights` (largest remainder; ties to the earlier one), each at least 1. */
export function apportion(weights: readonly number[], total: number): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * total : total / weights.length));
  const points = exact.map((e) => Math.max(1, Math.floor(e)));
  let left = total - points.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) points[(byRemainder[k] as { i: number }).i]! += 1;
  // Flooring at 1 can overshoot: take back from the largest.
  while (left < 0) {
    const largest = points.indexOf(points.reduce((m, p) => (p > m ? p : m), -Infinity));
    points[largest]! -= 1;
    left++;
  }
  return points;
}

/** Integer points from effects: fit effects share 100 points; anti-fit ones lose points on the same scale (1-100). */
export function pointsFromEffects(effects: readonly number[], directions: readonly ('fit' | 'anti')[]): number[] {
  const fitIdx = directions.map((d, i) => (d === 'fit' ? i : -1)).filter((i) => i >= 0);
  const fitWeights = fitIdx.map((i) => Math.abs(effects[i] as number));
  const fitPoints = apportion(fitWeights, 100);
  const fitTotal = fitWeights.reduce((s, w) => s + w, 0);
  return directions.map((d, i) => {
    if (d === 'fit') return fitPoints[fitIdx.indexOf(i)] as number;
    const scaled = fitTotal > 0 ? Math.round((100 * Math.abs(effects[i] as number)) / fitTotal) : 10;
    return -Math.min(100, Math.max(1, scaled));
  });
}

/** Weight-of-evidence points, as the engine gave them before the multivariable fit (the yardstick). */
export function assignPoints(tables: readonly { table: TwoByTwo; direction: 'fit' | 'anti' }[]): number[] {
  return pointsFromEffects(
    tables.map((t) => weightOfEvidence(t.table)),
    tables.map((t) => t.direction),
  );
}

/** A fitted effect (log odds ratio) smaller than this adds nothing a person would act on. */
export const NEGLIGIBLE_EFFECT = 0.05;
/** Ridge penalty of the fit: light, so it only matters when a criterion separates the cohort perfectly. */
const RIDGE = 1;

/**
 * Points from one multivariable fit: a lightly penalised logistic regression of the cohort on the chosen
 * criteria's indicators (an unknown value counts as not matching, as the score does), so correlated criteria
 * do not count the same evidence twice. A criterion whose fitted effect disagrees in sign with its direction,
 * or is negligible, is dropped (the weakest first) and the rest refitted.
 */
export function fitPoints(selected: readonly Selected[], sample: Sample): { kept: Selected[]; points: number[]; effects: number[]; dropped: LeftOut[] } {
  let kept = [...selected];
  const dropped: LeftOut[] = [];
  for (;;) {
    if (kept.length === 0) return { kept, points: [], effects: [], dropped };
    const fit = ridgeLogistic(
      kept.map((s) => s.members),
      sample.rows,
      sample.labels,
      RIDGE,
    );
    const wrong = kept
      .map((s, i) => ({ s, i, effect: fit.slopes[i] as number }))
      .filter(({ s, effect }) => (s.direction === 'fit' ? effect < NEGLIGIBLE_EFFECT : effect > -NEGLIGIBLE_EFFECT))
      .sort((x, y) => Math.abs(x.effect) - Math.abs(y.effect) || x.i - y.i);
    const worst = wrong[0];
    if (!worst) {
      return {
        kept,
        points: pointsFromEffects(
          fit.slopes,
          kept.map((s) => s.direction),
        ),
        effects: fit.slopes,
        dropped,
      };
    }
    const sign = Math.sign(worst.effect) !== (worst.s.direction === 'fit' ? 1 : -1) && Math.abs(worst.effect) >= NEGLIGIBLE_EFFECT;
    dropped.push({ criterion: worst.s, reason: sign ? 'sign' : 'negligible', detail: `fitted effect ${worst.effect.toFixed(3)}` });
    kept = kept.filter((s) => s !== worst.s);
  }
}
