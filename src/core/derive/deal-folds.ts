import { shuffleInPlace } from '../random.js';

/**
 * Stratified folds: the rows of each group (the cohort, the rest) shuffled with `randomOf(group)` and dealt
 * into `folds` folds in turn, so that every fold keeps each group's share. Writes each row's fold into `fold`.
 */
export function dealFolds(fold: { [row: number]: number }, groups: readonly Int32Array[], folds: number, randomOf: (group: number) => () => number): void {
  groups.forEach((rows, group) => {
    shuffleInPlace(rows, randomOf(group));
    rows.forEach((r, k) => {
      fold[r] = k % folds;
    });
  });
}
