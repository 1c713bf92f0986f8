import { sortedCopy, uStatistic } from './u-statistic.js';

/**
 * Area under the ROC curve of scores against binary labels: P(score of a positive > score of a
 * negative) + 0.5 P(equal), i.e. U / (positives * negatives). Null when a class is empty. O(n log n).
 */
export function auc(scores: readonly number[], labels: readonly boolean[]): number | null {
  if (scores.length !== labels.length) {
    throw new RangeError(`auc needs one label per score, got ${scores.length} scores and ${labels.length} labels`);
  }
  let positives = 0;
  for (const label of labels) if (label) positives++;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  let p = 0;
  let q = 0;
  labels.forEach((label, i) => {
    if (label) pos[p++] = scores[i] as number;
    else neg[q++] = scores[i] as number;
  });
  const { u } = uStatistic(sortedCopy(pos), sortedCopy(neg));
  return u / (positives * negatives);
}
