import type { Match } from '../icp/schema.js';
import { categoryKey } from '../score/match.js';
import type { EncodedColumn } from './encode.js';
import type { Parent } from './hierarchy.js';
import { fitPoints } from './points.js';
import { searchColumns } from './search.js';
import type { Sample, SearchOptions, Test } from './search-types.js';
import { selectCriteria, type LeftOut, type Selected, type SelectOptions } from './select.js';

export type EngineOptions = SearchOptions & SelectOptions;

/** One pass of the engine on one sample: tests, selection, and points from the multivariable fit. */
export interface EngineRun {
  tests: Test[];
  kept: Selected[];
  points: number[];
  effects: number[];
  leftOut: LeftOut[];
}

/** Runs search, selection and the points fit on a sample of the customers. */
export function runEngine(columns: readonly EncodedColumn[], sample: Sample, parents: ReadonlyMap<number, Parent>, o: EngineOptions): EngineRun {
  const tests = searchColumns(columns, sample, o);
  const selection = selectCriteria(columns, tests, sample, parents, o);
  const fitted = fitPoints(selection.selected, sample);
  return { tests, kept: fitted.kept, points: fitted.points, effects: fitted.effects, leftOut: [...selection.leftOut, ...fitted.dropped] };
}

/**
 * Every customer's score: the points of the criteria it matches, added in criterion order and clipped to
 * 0-100 as scores are. One pass per criterion over its membership, not a look at every criterion per row.
 */
export function scoresOf(kept: readonly Selected[], points: readonly number[], customers: number): Float64Array {
  const scores = new Float64Array(customers);
  kept.forEach((c, k) => {
    const p = points[k] as number;
    const { members } = c;
    for (let r = 0; r < customers; r++) if (members[r] === 1) scores[r] = (scores[r] as number) + p;
  });
  for (let r = 0; r < customers; r++) scores[r] = Math.max(0, Math.min(100, scores[r] as number));
  return scores;
}

/** Whether two matches of one column overlap: a shared value or token, intersecting ranges, the same boolean. */
export function overlaps(x: Match, y: Match): boolean {
  const values = (m: Match) => ('in' in m ? m.in : 'contains_any' in m ? m.contains_any : undefined);
  const vx = values(x);
  const vy = values(y);
  if (vx && vy) {
    const keys = new Set(vx.map(categoryKey));
    return vy.some((v) => keys.has(categoryKey(v)));
  }
  if ('range' in x && 'range' in y) {
    const lo = Math.max(x.range.min ?? -Infinity, y.range.min ?? -Infinity);
    const hi = Math.min(x.range.max ?? Infinity, y.range.max ?? Infinity);
    return lo <= hi;
  }
  if ('equals' in x && 'equals' in y) return x.equals === y.equals;
  return false;
}
