import type { IcpDocument } from '../icp/schema.js';
import type { CriterionDrift } from './criterion-drift.js';
import type { Stability } from './stability.js';

/** What a review concluded; "not enough data to judge" is never drift (cron with --fail-on-drift exits 0). */
export type ReviewStatus = 'drift' | 'no drift' | 'not enough data to judge';

export interface Judgement {
  status: ReviewStatus;
  judgeable: boolean;
  /** What decided drift: criteria that stopped working, attributes that shifted. Empty unless drift. */
  reasons: string[];
  /** Why the review could not judge; empty when it could. */
  why_not_judgeable: string[];
  /** Shown, not decisive: criteria that could not be tested, shifts seen when nothing could be judged. */
  notes: string[];
}

/** A review judges when at least one saved criterion can be tested; this is the one place that decides drift. */
export function judge(input: {
  doc: IcpDocument;
  criteria: readonly CriterionDrift[];
  stability: readonly Stability[];
  periodLabel: string;
  maxPsi: number;
}): Judgement {
  const { doc, criteria, periodLabel } = input;
  const shifted = input.stability
    .filter((s) => s.psi > input.maxPsi)
    .map((s) => `${s.column} shifted between the window the ICP was derived on and ${periodLabel} (PSI ${s.psi.toFixed(2)} > ${input.maxPsi})`);
  const untested = criteria.filter((c) => !c.judgeable).map((c) => `${c.label} not tested: ${c.not_judgeable}`);
  let why: string[] = [];
  if (doc.criteria.length === 0)
    why = [`the saved ICP is ${doc.status} with no criteria: nothing can stop working (the proposal shows what the recent deals support)`];
  else if (untested.length === criteria.length) {
    // One sentence when every criterion fails for the same reason (no lost deal in the quarter), else each.
    const distinct = [...new Set(criteria.map((c) => c.not_judgeable))];
    why = distinct.length === 1 ? [`no saved criterion can be tested: ${distinct[0]}`] : untested;
  }
  if (why.length > 0) {
    // A shift of an attribute with no outcome to tell whether it matters is worth reading, not an alarm.
    return { status: 'not enough data to judge', judgeable: false, reasons: [], why_not_judgeable: why, notes: shifted.map((s) => `${s} (not judged)`) };
  }
  const reasons = criteria
    .filter((c) => c.fell)
    .map(
      (c) =>
        `${c.label} stopped working: win odds ratio ${c.odds_ratio_before} in the window it was derived on, ${c.odds_ratio_period} in ${periodLabel} (one-sided, Holm p = ${(c.p_holm as number).toPrecision(2)})`,
    );
  reasons.push(...shifted);
  return { status: reasons.length > 0 ? 'drift' : 'no drift', judgeable: true, reasons, why_not_judgeable: [], notes: untested };
}
