import type { Tiers } from '../icp/schema.js';

/** How the tier thresholds were chosen, written into icp.yaml so a reader can check it. */
export const TIER_RULE =
  'each threshold is a score some customer has, never 0 (0 points is tier D). ' +
  'A is the score that the number of customers closest to the cohort size reach or beat; ' +
  'B is a lower score, chosen the same way for twice the cohort size; C a lower one again, for four times it ' +
  '(on a tie, the higher score). A and B each leave a lower score for the tiers after them, so no tier is empty. ' +
  'With fewer than three distinct scores above 0 there are fewer tiers: A and B, or A alone ' +
  '(at 100, the most a row can score, when no customer scores above 0).';

/** The thresholds chosen, and, when the scores allow fewer than three tiers, a sentence that says why. */
export interface TierChoice {
  tiers: Tiers;
  note?: string;
}

/** The most a row can score: positive points add up to 100. */
const TOP_SCORE = 100;

/** `100`, `100 or 0`, `100, 60 or 0`. */
function orList(items: readonly number[]): string {
  const text = items.map(String);
  return text.length <= 1 ? (text[0] ?? '') : `${text.slice(0, -1).join(', ')} or ${text.at(-1) as string}`;
}

/**
 * Index in [from, to] of the value whose count of customers at or above it is closest to `target`;
 * the first (highest score) on a tie.
 */
function closest(atLeast: readonly number[], from: number, to: number, target: number): number {
  let best = from;
  for (let i = from + 1; i <= to; i++) {
    if (Math.abs((atLeast[i] as number) - target) < Math.abs((atLeast[best] as number) - target)) best = i;
  }
  return best;
}

/**
 * Chooses the tier thresholds from the customers' own scores (see TIER_RULE): A holds about as many
 * customers as the cohort, A+B about twice that, A+B+C about four times; every threshold is a distinct
 * score above 0 that some customer has, so no tier is empty among the customers. Pure and deterministic.
 */
export function chooseTiers(scores: readonly number[], cohortSize: number): TierChoice {
  const size = Math.max(1, cohortSize);
  const counts = new Map<number, number>();
  for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
  const distinct = [...counts.keys()].sort((a, b) => b - a);
  const positive = distinct.filter((s) => s > 0);
  // atLeast[i]: how many customers score positive[i] or more.
  const atLeast: number[] = [];
  let running = 0;
  for (const s of positive) atLeast.push((running += counts.get(s) as number));

  if (positive.length === 0) {
    const note = `Only 1 tier, A at ${TOP_SCORE} (the most a row can score): every customer scores ${orList(distinct.length > 0 ? distinct : [0])}, so every customer is tier D.`;
    return { tiers: { A: TOP_SCORE }, note };
  }
  const m = positive.length;
  const wanted = Math.min(3, m);
  // Tier k (0 = A) picks among the scores below the previous tier's, leaving one for each tier after it.
  const picked: number[] = [];
  for (let k = 0; k < wanted; k++) {
    const from = k === 0 ? 0 : (picked[k - 1] as number) + 1;
    picked.push(closest(atLeast, from, m - wanted + k, size * 2 ** k));
  }
  const [a, b, c] = picked.map((i) => positive[i] as number);
  const tiers: Tiers = { A: a as number, ...(b !== undefined && { B: b }), ...(c !== undefined && { C: c }) };
  if (wanted === 3) return { tiers };
  const names = wanted === 1 ? '1 tier, A' : '2 tiers, A and B';
  return { tiers, note: `Only ${names}: every customer scores ${orList(distinct)}.` };
}
