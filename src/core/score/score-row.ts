import type { CellValue } from '../columns/cell-value.js';
import { tierFor, type TierLabel } from '../icp/tiers.js';
import type { CompiledCriterion, CompiledIcp } from './compile.js';

/** One row's score and how it added up. */
export interface RowScore {
  /** Sum of the matched criteria's points, before clipping; the reasons add up to it. */
  raw: number;
  /** raw clipped to 0-100. */
  score: number;
  tier: TierLabel;
  /** Indexes (into compiled.criteria) of matched and unknown criteria. */
  matched: number[];
  unknown: number[];
  disqualified: boolean;
}

function signed(points: number): string {
  return points >= 0 ? `+${points}` : String(points);
}

/** Scores one row: points of the matched criteria, unknowns listed, tier (or disqualified). */
export function scoreRow(compiled: CompiledIcp, cells: readonly string[], reasons?: string[]): RowScore {
  const result: RowScore = { raw: 0, score: 0, tier: 'D', matched: [], unknown: [], disqualified: false };
  // Unknowns come after the points, as a person reads them: what counted, then what could not be judged.
  const unknownReasons: string[] = [];
  for (let i = 0; i < compiled.criteria.length; i++) {
    const c = compiled.criteria[i] as CompiledCriterion;
    const raw = c.column === undefined ? undefined : cells[c.column];
    const hit = c.judge(raw);
    if (hit === null) {
      result.unknown.push(i);
      // A column with several criteria (a fit set and an anti-fit set) is unknown once, not once per criterion.
      if (reasons) {
        const reason = `? ${c.criterion.column} unknown`;
        if (!unknownReasons.includes(reason)) unknownReasons.push(reason);
      }
      continue;
    }
    if (!hit) continue;
    result.matched.push(i);
    result.raw += c.criterion.points;
    if (c.criterion.disqualify) result.disqualified = true;
    reasons?.push(`${signed(c.criterion.points)} ${c.explain(c.read(raw) as CellValue)}`);
  }
  reasons?.push(...unknownReasons);
  result.score = Math.max(0, Math.min(100, result.raw));
  result.tier = tierFor(result.score, compiled.doc.tiers, { disqualified: result.disqualified });
  return result;
}
