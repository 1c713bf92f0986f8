import { readTopRule, topSize } from '../derive/cohort.js';
import type { IcpDocument } from '../icp/schema.js';
import type { AccountSet } from './accounts.js';
import { failingSegments, type SegmentAccount, type SegmentMeasure } from './failing-segments.js';
import type { MeasureResult } from './report-types.js';

/** Columns a segment can be cut by: categories, lists and yes/no columns of the customers (never keys or names). */
const SEGMENT_TYPES = new Set(['category', 'multi', 'boolean']);

/** The share (or count) of the best accounts by value, as the ICP file's `top` option says (20% when it says none or cannot be read). */
function topCount(doc: IcpDocument, measured: number): number {
  return topSize(readTopRule(String(doc.options?.top ?? '20%')) ?? { percent: 20 }, measured);
}

/**
 * Where the score fails: each account's successes and trials on the ICP's measure (a value measure becomes
 * "among the top accounts by value", as the cohort was chosen; an outcome 1 of 1; without a measure, won of
 * closed deals), tested segment by segment (failing-segments.ts).
 */
export function reportSegments(
  doc: IcpDocument,
  set: AccountSet,
  measure: { result: MeasureResult; values: (number | null)[] } | null,
  alpha: number,
): ReturnType<typeof failingSegments> & { measure: SegmentMeasure } {
  let kind: SegmentMeasure = 'win rate';
  let outcome = (i: number): [number, number] => {
    const s = set.accounts[i]?.stats;
    return s ? [s.won, s.won + s.lost] : [0, 0];
  };
  if (measure?.result.kind === 'outcome') {
    kind = 'conversion';
    outcome = (i) => (measure.values[i] === null || measure.values[i] === undefined ? [0, 0] : [(measure.values[i] as number) > 0 ? 1 : 0, 1]);
  } else if (measure?.result.kind === 'value') {
    kind = 'value';
    const known = measure.values.filter((v): v is number => v !== null).sort((a, b) => b - a);
    const threshold = known[Math.max(0, topCount(doc, known.length) - 1)] ?? Infinity;
    // Ties at the threshold count as top: the cohort's own rule breaks ties by key, which a segment cannot see.
    outcome = (i) =>
      measure.values[i] === null || measure.values[i] === undefined ? [0, 0] : [(measure.values[i] as number) >= threshold && threshold > 0 ? 1 : 0, 1];
  }
  const accounts: SegmentAccount[] = set.accounts.map((a, i) => {
    const [successes, trials] = outcome(i);
    return { icp: a.icp, cells: a.cells, successes, trials };
  });
  const columns = set.customers.columns.filter((c) => SEGMENT_TYPES.has(c.type)).map((c) => c.index);
  return { measure: kind, ...failingSegments({ header: set.customers.table.header, columns, accounts, measure: kind, alpha }) };
}
