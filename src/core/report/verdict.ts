import type { Tier } from '../icp/tiers.js';
import { percentText } from '../percent.js';
import type { Comparison, SegmentMetrics } from './report-types.js';

/** `p < 0.001`, `p = 0.042`, `p = 0.42`. */
export function pText(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

export function times(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}x`;
}

const REVIEW = 'consider a review (icp review, or icp derive on recent deals)';

/** "and close 23 days faster", or that cycles do not differ; empty when unknown. */
export function cyclePhrase(icp: SegmentMetrics, non: SegmentMetrics, c: Comparison, alpha: number): string {
  if (c.cycle_days_difference === null || c.cycle_days_p_value === null) return '';
  const days = Math.round(Math.abs(c.cycle_days_difference));
  if (c.cycle_days_p_value < alpha && days > 0) return ` and close ${days} days ${c.cycle_days_difference < 0 ? 'faster' : 'slower'}`;
  return `; their sales cycles do not differ significantly (median ${Math.round(icp.median_cycle_days ?? 0)} vs ${Math.round(non.median_cycle_days ?? 0)} days)`;
}

export function conversionSentence(icp: SegmentMetrics, non: SegmentMetrics, c: Comparison, alpha: number): { text: string; significant: boolean } | null {
  if (icp.conversion_rate === null || icp.conversion_rate === undefined || non.conversion_rate === null || non.conversion_rate === undefined) return null;
  const p = c.conversion_p_value ?? 1;
  const rates = `${percentText(icp.conversion_rate)} vs ${percentText(non.conversion_rate)}, ${pText(p)}`;
  if (p < alpha && c.conversion_lift !== null && c.conversion_lift !== undefined && c.conversion_lift > 1) {
    return { text: `ICP leads convert ${times(c.conversion_lift)} as often (${rates}).`, significant: true };
  }
  if (p < alpha) return { text: `ICP leads convert less often than the rest (${rates}): the ICP points the wrong way; ${REVIEW}.`, significant: false };
  return { text: `ICP and non-ICP leads convert at rates that do not differ significantly (${rates}); ${REVIEW}.`, significant: false };
}

/**
 * The plain-language verdict: does the ICP win more often, and is that more than chance? `significant`
 * is true when ICP accounts win (or, without win rates, their leads convert) significantly more often.
 */
export function verdict(input: { icp: SegmentMetrics; nonIcp: SegmentMetrics; comparison: Comparison; icpTiers: readonly Tier[]; alpha: number }): {
  text: string;
  significant: boolean;
} {
  const { icp, nonIcp: non, comparison: c, alpha } = input;
  const tiers = `tier${input.icpTiers.length > 1 ? 's' : ''} ${input.icpTiers.join(', ')}`;
  if (icp.accounts === 0) {
    return {
      text: `The ICP segment is empty: no account reaches ${tiers}, so there is nothing to compare. Check that the ICP's columns are in the customers file (icp inspect), or re-derive it.`,
      significant: false,
    };
  }
  if (non.accounts === 0) {
    return { text: `Every account is in the ICP (${tiers}), so there is nothing to compare it with; try --icp-tiers A.`, significant: false };
  }
  const sentences: string[] = [];
  let significant = false;
  if (icp.win_rate !== null && non.win_rate !== null && c.win_rate_p_value !== null) {
    const rates = `${percentText(icp.win_rate)} vs ${percentText(non.win_rate)}, ${pText(c.win_rate_p_value)}`;
    const cycle = cyclePhrase(icp, non, c, alpha);
    if (c.win_rate_p_value < alpha && icp.win_rate > non.win_rate) {
      significant = true;
      const ratio = c.win_rate_lift === null ? 'more often' : `${times(c.win_rate_lift)} as often`;
      sentences.push(`ICP accounts win ${ratio} (${rates})${cycle}.`);
    } else if (c.win_rate_p_value < alpha) {
      sentences.push(`ICP accounts win less often than the rest (${rates})${cycle}: the ICP points the wrong way; ${REVIEW}.`);
    } else {
      sentences.push(
        `ICP and non-ICP accounts win at rates that do not differ significantly (${rates})${cycle}; the ICP may no longer separate winners: ${REVIEW}.`,
      );
    }
  }
  const conversion = conversionSentence(icp, non, c, alpha);
  if (conversion) {
    sentences.push(conversion.text);
    if (sentences.length === 1) significant = conversion.significant;
  }
  if (sentences.length === 0) {
    const clv = c.clv_ratio !== null ? ` ICP accounts are worth ${times(c.clv_ratio)} as much per account (no test: a single total per segment).` : '';
    sentences.push(`Not enough outcomes to test the ICP: no closed deals with won and lost outcomes${icp.leads === undefined ? ' and no leads' : ''}.${clv}`);
  }
  return { text: sentences.join(' '), significant };
}
