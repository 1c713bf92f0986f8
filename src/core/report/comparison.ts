import { auc, fisherExact, mannWhitney } from '../stats/index.js';
import type { AccountOutcome } from './accounts.js';
import type { LeadOutcome } from './leads.js';
import type { Comparison, SegmentMetrics } from './report-types.js';

/** ICP / non-ICP of one figure; null (with a note) when either side is unknown or non-ICP is 0. */
function lift(icp: number | null | undefined, non: number | null | undefined, name: string, notes: string[]): number | null {
  if (icp === null || icp === undefined || non === null || non === undefined) {
    notes.push(`${name}: the figure is unknown for ${icp === null || icp === undefined ? 'ICP' : 'non-ICP'} accounts`);
    return null;
  }
  if (non === 0) {
    notes.push(`${name}: the non-ICP figure is 0, so the ratio is undefined`);
    return null;
  }
  return icp / non;
}

/** Won deals' cycle days of a group of accounts. */
function cycles(accounts: readonly AccountOutcome[]): number[] {
  return accounts.flatMap((a) => a.stats?.cycleDays ?? []);
}

/**
 * AUC of the account score against the outcome of each closed deal: the chance that a won deal's account
 * scores higher than a lost deal's (ties count half). 0.5 is no better than chance.
 */
export function dealAuc(accounts: readonly AccountOutcome[]): number | null {
  const scores: number[] = [];
  const labels: boolean[] = [];
  for (const a of accounts) {
    for (let i = 0; i < (a.stats?.won ?? 0); i++) {
      scores.push(a.score);
      labels.push(true);
    }
    for (let i = 0; i < (a.stats?.lost ?? 0); i++) {
      scores.push(a.score);
      labels.push(false);
    }
  }
  return auc(scores, labels);
}

/** Lifts, p-values and AUC of ICP against non-ICP accounts (and leads, when given). */
export function compareSegments(input: {
  icp: SegmentMetrics;
  nonIcp: SegmentMetrics;
  accounts: readonly AccountOutcome[];
  leads: readonly LeadOutcome[] | null;
  allWon: boolean;
}): Comparison {
  const { icp, nonIcp, accounts } = input;
  const notes: string[] = [];
  const closed = (m: SegmentMetrics) => (m.won ?? 0) + (m.lost ?? 0);
  let winP: number | null = null;
  let winLift: number | null = null;
  if (icp.deals === null) notes.push('win_rate_lift, win_rate_p_value, cycle_days_p_value, auc: no deals file');
  else if (input.allWon) notes.push('win_rate_lift, win_rate_p_value, auc: every deal counts as won (no stage or won column)');
  else {
    winLift = lift(icp.win_rate, nonIcp.win_rate, 'win_rate_lift', notes);
    if (closed(icp) > 0 && closed(nonIcp) > 0) {
      winP = fisherExact({ a: icp.won ?? 0, b: icp.lost ?? 0, c: nonIcp.won ?? 0, d: nonIcp.lost ?? 0 }).pValue;
    } else notes.push('win_rate_p_value: one segment has no closed deals');
  }
  const icpCycles = cycles(accounts.filter((a) => a.icp));
  const nonCycles = cycles(accounts.filter((a) => !a.icp));
  const cycleP = mannWhitney(icpCycles, nonCycles)?.pValue ?? null;
  if (cycleP === null && icp.deals !== null) notes.push('cycle_days_p_value: one segment has no won deal with a cycle');
  const difference = icp.median_cycle_days !== null && nonIcp.median_cycle_days !== null ? icp.median_cycle_days - nonIcp.median_cycle_days : null;
  const auc = icp.deals === null || input.allWon ? null : dealAuc(accounts);
  if (auc === null && icp.deals !== null && !input.allWon) notes.push('auc: needs both won and lost deals');
  const comparison: Comparison = {
    win_rate_lift: winLift,
    win_rate_p_value: winP,
    cycle_days_p_value: cycleP,
    cycle_days_difference: difference,
    clv_ratio: lift(icp.clv, nonIcp.clv, 'clv_ratio', notes),
    auc,
    notes,
  };
  if (input.leads) {
    comparison.conversion_lift = lift(icp.conversion_rate, nonIcp.conversion_rate, 'conversion_lift', notes);
    const [a, b, c, d] = [icp.converted ?? 0, (icp.leads ?? 0) - (icp.converted ?? 0), nonIcp.converted ?? 0, (nonIcp.leads ?? 0) - (nonIcp.converted ?? 0)];
    comparison.conversion_p_value = a + b > 0 && c + d > 0 ? fisherExact({ a, b, c, d }).pValue : null;
  }
  const { notes: kept, ...figures } = comparison;
  return { ...figures, notes: kept };
}
