import { percentText } from '../percent.js';
import type { Comparison, MeasureResult, SegmentMetrics } from './report-types.js';
import { cyclePhrase, pText, times } from './verdict.js';

export const IN_SAMPLE_TEXT = 'In-sample: these rows built the ICP; expect the real lift to be lower.';

function interval(ci: [number, number] | null): string {
  return ci === null ? '' : ` [${ci[0].toFixed(1)}-${ci[1].toFixed(1)}]`;
}

/** The headline on the ICP's own measure: value capture or conversion, with its test. */
export function measureSentence(m: MeasureResult, alpha: number, unit = 'accounts'): string {
  const p = m.p_value === null ? 'no test' : pText(m.p_value);
  if (m.kind === 'value') {
    const held = `ICP ${unit} hold ${percentText(m.icp_share_of_value ?? 0)} of ${m.label} as ${percentText(m.icp_share_of_accounts ?? 0)} of ${unit}`;
    if (m.clv_ratio === null) return `${held}; the rest is worth nothing, so there is no ratio to test.`;
    const clv = `${times(m.clv_ratio)} CLV${interval(m.clv_ratio_ci)}, ${p}`;
    if (m.significant) return `${held}: ${clv}.`;
    if (m.p_value !== null && m.p_value < alpha && m.clv_ratio < 1) return `${held}: ${clv}; the ICP points the wrong way on ${m.label}.`;
    return `${held}: ${clv}; not significantly more per account.`;
  }
  const rates = `${percentText(m.icp_rate ?? 0)} vs ${percentText(m.non_icp_rate ?? 0)} of the rest`;
  const extra = `${m.rate_lift === null ? '' : `${times(m.rate_lift)}, `}${p}${m.auc === null ? '' : `, AUC ${m.auc.toFixed(2)}`}`;
  const head = `ICP ${unit}: ${m.label} for ${rates} (${extra})`;
  if (m.significant) return `${head}.`;
  if (m.icp_rate !== null && m.non_icp_rate !== null && m.icp_rate < m.non_icp_rate && m.p_value !== null && m.p_value < alpha)
    return `${head}: the ICP points the wrong way.`;
  return `${head}: not significantly different.`;
}

/** Win rate next to a value or outcome measure: reported, never the verdict. */
export function winRateAside(icp: SegmentMetrics, non: SegmentMetrics, c: Comparison, alpha: number): string {
  if (icp.win_rate === null || non.win_rate === null || c.win_rate_p_value === null) return '';
  const rates = `${percentText(icp.win_rate)} vs ${percentText(non.win_rate)}, ${pText(c.win_rate_p_value)}`;
  const cycle = cyclePhrase(icp, non, c, alpha);
  if (c.win_rate_p_value < alpha && icp.win_rate > non.win_rate)
    return ` They also win ${c.win_rate_lift === null ? 'more often' : `${times(c.win_rate_lift)} as often`} (${rates})${cycle}.`;
  if (c.win_rate_p_value < alpha) return ` They win less often (${rates})${cycle}.`;
  return ` They win no more often (${rates})${cycle}.`;
}
