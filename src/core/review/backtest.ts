import type { ReportResult } from '../report/build-report.js';
import type { MeasureResult } from '../report/report-types.js';

/** How the saved ICP did on the deals closed in one window: a track record, shown but not what decides drift. */
export interface Backtest {
  since: string;
  until: string;
  icp_accounts: number;
  non_icp_accounts: number;
  closed_deals: number;
  icp_win_rate: number | null;
  icp_win_rate_ci: [number, number] | null;
  non_icp_win_rate: number | null;
  non_icp_win_rate_ci: [number, number] | null;
  win_rate_lift: number | null;
  win_rate_p_value: number | null;
  auc: number | null;
  /**
   * The ICP on its own measure in the window (value capture or conversion, with intervals and the gains
   * table, as `icp report` gives it); null when the files hold no such measure.
   */
  measure: MeasureResult | null;
}

export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The backtest figures of a report built on one window. */
export function backtest(result: ReportResult, since: number | undefined, until: number): Backtest {
  const { segments, comparison } = result.report;
  const closed = (segments.icp.won ?? 0) + (segments.icp.lost ?? 0) + (segments.non_icp.won ?? 0) + (segments.non_icp.lost ?? 0);
  return {
    since: since === undefined ? 'the first deal' : day(since),
    until: day(until),
    icp_accounts: segments.icp.accounts,
    non_icp_accounts: segments.non_icp.accounts,
    closed_deals: closed,
    icp_win_rate: segments.icp.win_rate,
    icp_win_rate_ci: segments.icp.win_rate_ci,
    non_icp_win_rate: segments.non_icp.win_rate,
    non_icp_win_rate_ci: segments.non_icp.win_rate_ci,
    win_rate_lift: comparison.win_rate_lift,
    win_rate_p_value: comparison.win_rate_p_value,
    auc: comparison.auc,
    measure: result.report.measure,
  };
}
