// simple-statistics offers cumulativeStdNormalProbability (a 4-digit table) and errorFunction
// (1 - erfc); both lose the small tail probabilities that p-values live in, so erfc is evaluated
// directly here (Numerical Recipes' erfcc: fractional error below 1.2e-7 for every x).

/** Complementary error function erfc(x) = 1 - erf(x), accurate in relative terms deep into the tail. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const tail = t * Math.exp(-z * z + poly);
  return x >= 0 ? tail : 2 - tail;
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Two-sided p-value of a standard normal statistic: P(|Z| >= |z|). */
export function twoSidedNormalPValue(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Upper tail P(X > x) of a chi-square distribution with one degree of freedom. */
export function chiSquare1UpperTail(x: number): number {
  return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}
