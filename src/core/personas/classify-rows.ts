import { memoize } from '../memoize.js';
import { classifyTitle, type TitleMatcher } from './classify-title.js';

/** The columns `icp personas classify` appends to each contact. */
export const PERSONA_COLUMNS = ['persona_seniority', 'persona_function', 'persona_rule'];

/** What a run classified: rows, and how many had a level, a function, or nothing readable. */
export interface ClassifyTally {
  rows: number;
  withSeniority: number;
  withFunction: number;
  unknown: number;
  bySeniority: Map<string, number>;
  byFunction: Map<string, number>;
}

export const newClassifyTally = (): ClassifyTally => ({
  rows: 0,
  withSeniority: 0,
  withFunction: 0,
  unknown: 0,
  bySeniority: new Map(),
  byFunction: new Map(),
});

/**
 * A title's persona columns (seniorities joined by "; "), the same array for the same title: titles repeat
 * in a contacts export, so each distinct one is read once (memoize).
 */
export function classifyColumns(m: TitleMatcher): (title: string) => readonly string[] {
  return memoize((title) => {
    const c = classifyTitle(title, m);
    return [c.seniority.join('; '), c.function, c.rule];
  });
}

export function tallyClass(t: ClassifyTally, out: readonly string[]): void {
  const [seniority = '', fn = ''] = out;
  t.rows++;
  const ranked = seniority !== 'unknown' && seniority !== 'individual';
  if (ranked) t.withSeniority++;
  if (fn !== 'other') t.withFunction++;
  if (seniority === 'unknown' && fn === 'other') t.unknown++;
  t.bySeniority.set(seniority, (t.bySeniority.get(seniority) ?? 0) + 1);
  t.byFunction.set(fn, (t.byFunction.get(fn) ?? 0) + 1);
}
