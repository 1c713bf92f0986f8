import { derive, type DeriveOptions } from '../derive/derive.js';
import { diffIcp, structuralChanges, type IcpDiff } from '../diff/diff-icp.js';
import type { IcpDocument } from '../icp/schema.js';
import { buildReport, type ReportResult } from '../report/build-report.js';
import { compileIcp, SAMPLE_ROWS } from '../score/compile.js';
import { IcpError } from '../../errors.js';
import type { Table } from '../table.js';
import type { Warning } from '../warnings.js';
import { quartersBefore, type Quarter } from './period.js';
import { criterionStability, type Stability } from './stability.js';
import { criterionDrift, type CriterionDrift } from './criterion-drift.js';
import type { AccountOutcome } from '../report/accounts.js';

/** The thresholds drift is judged by; stated in every review so that a reader can check them. */
export const DRIFT_RULES = {
  min_lift: 1.2,
  max_psi: 0.25,
};

/** How the saved ICP did on the deals closed in one window. */
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
}

export interface Review {
  quarter: string;
  period: { since: string; until: string };
  window: { quarters: number; since: string; until: string };
  alpha: number;
  /** The saved ICP on the deals closed in the period, and on the deals closed before it (its track record). */
  backtest: { period: Backtest; before: Backtest | null };
  /** What the saved ICP recorded when it was derived. */
  recorded: { generated_at: string; cohort: IcpDocument['cohort']; criteria: { label: string; lift: number | null; q_value: number | null }[] };
  proposed: IcpDocument;
  diff: IcpDiff;
  stability: Stability[];
  /** What the re-derived proposal changes: shown, but not drift by itself. */
  proposed_changes: string[];
  /** Each saved criterion's win odds ratio before the period and in it, and whether it fell. */
  criteria_drift: CriterionDrift[];
  drift: { found: boolean; reasons: string[] };
  rules: string[];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function backtest(result: ReportResult, since: number | undefined, until: number): Backtest {
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
  };
}

/** Customer rows of the accounts that had a deal closed in the window (the population a period is about). */
function accountsOf(result: ReportResult): AccountOutcome[] {
  return result.accounts.accounts;
}

function activeRows(result: ReportResult): string[][] {
  return result.accounts.accounts.filter((a) => (a.stats?.deals ?? 0) > 0).map((a) => a.cells);
}

/**
 * A quarterly review: backtests the saved ICP on the period, re-derives a proposal on the trailing window
 * with the saved options, diffs the two, and lists every reason for drift.
 */
export function review(input: {
  doc: IcpDocument;
  customers: Table;
  deals: Table;
  period: Quarter;
  windowQuarters: number;
  deriveOptions: DeriveOptions;
  generatedAt: string;
  recordedOptions: Record<string, string | number | boolean | null | string[]>;
}): { review: Review; warnings: Warning[] } {
  const { doc, customers, deals, period } = input;
  const alpha = typeof doc.options?.alpha === 'number' ? doc.options.alpha : 0.05;
  const map = input.deriveOptions.map;
  const report = (since: number | undefined, until: number) =>
    buildReport({ doc, customers, deals, options: { since, until, alpha, ...(map && { map }) } });
  const inPeriod = report(period.start, period.end);
  // An export that ends before the quarter is not drift: say so instead of raising a false alarm in cron.
  if ((inPeriod.accounts.dealQuality?.matched ?? 0) === 0) {
    throw new IcpError(`no deal of ${deals.name} closed in ${period.label} (${day(period.start)} to ${day(period.end)})`, {
      hint: 'check that the export is up to date, or review another quarter with --quarter',
    });
  }
  const beforePeriod = report(undefined, period.start - 1);
  const windowStart = quartersBefore(period, input.windowQuarters - 1).start;
  const derived = derive({
    customers,
    deals,
    options: { ...input.deriveOptions, since: windowStart, until: period.end },
    generatedAt: input.generatedAt,
    recordedOptions: { ...input.recordedOptions, since: day(windowStart), until: day(period.end) },
  });
  const diff = diffIcp(doc, derived.doc);
  const compiled = compileIcp(doc, customers.header, customers.rows.slice(0, SAMPLE_ROWS), map);
  const stability = criterionStability(compiled, activeRows(beforePeriod), activeRows(inPeriod));

  const periodTest = backtest(inPeriod, period.start, period.end);
  const reasons: string[] = [];
  const lift = periodTest.win_rate_lift;
  const p = periodTest.win_rate_p_value;
  if (doc.criteria.length === 0) reasons.push(`the saved ICP is ${doc.status} with no criteria: it cannot separate winners from the rest`);
  else if (lift === null) reasons.push(`no win-rate lift can be computed in ${period.label} (${periodTest.closed_deals} closed deals)`);
  else if (lift < DRIFT_RULES.min_lift) reasons.push(`win-rate lift in ${period.label} is ${lift.toFixed(2)}, below ${DRIFT_RULES.min_lift}`);
  else if (p === null || p >= alpha) reasons.push(`win-rate lift in ${period.label} (${lift.toFixed(2)}) is not significant at ${alpha} (p = ${p === null ? 'n/a' : p.toPrecision(2)})`);
  // A proposal re-derived on the window differs from the saved ICP by sampling noise as often as by a
  // real change: it is shown (diff) but does not decide drift. A saved criterion whose effect on winning
  // fell, tested one-sided with Holm over the criteria, does.
  const criteria = criterionDrift(compiled, accountsOf(beforePeriod), accountsOf(inPeriod), alpha);
  for (const c of criteria.filter((x) => x.fell)) {
    reasons.push(`${c.label} stopped working: win odds ratio ${c.odds_ratio_before} before ${period.label}, ${c.odds_ratio_period} in it (one-sided, Holm p = ${(c.p_holm as number).toPrecision(2)})`);
  }
  for (const s of stability) {
    if (s.psi > DRIFT_RULES.max_psi) reasons.push(`${s.column} shifted between derive time and ${period.label} (PSI ${s.psi.toFixed(2)} > ${DRIFT_RULES.max_psi})`);
  }
  const result: Review = {
    quarter: period.label,
    period: { since: day(period.start), until: day(period.end) },
    window: { quarters: input.windowQuarters, since: day(windowStart), until: day(period.end) },
    alpha,
    backtest: { period: periodTest, before: backtest(beforePeriod, undefined, period.start - 1) },
    recorded: {
      generated_at: doc.generated_at,
      cohort: doc.cohort,
      criteria: doc.criteria.map((c) => ({ label: c.label, lift: c.evidence?.lift ?? null, q_value: c.evidence?.q_value ?? null })),
    },
    proposed: derived.doc,
    diff,
    proposed_changes: structuralChanges(diff).map((c) => c.description),
    criteria_drift: criteria,
    stability,
    drift: { found: reasons.length > 0, reasons },
    rules: [
      `drift when the saved ICP's win-rate lift in the period is below ${DRIFT_RULES.min_lift} or not significant at alpha ${alpha} (Fisher)`,
      `drift when a saved criterion's win odds ratio fell between the deals closed before the period and those closed in it (one-sided test of the log odds ratio, Holm over the criteria, at alpha ${alpha})`,
      'not drift by itself: the proposed ICP adding or removing a criterion or changing a value set (listed as proposed changes)',
      `drift when a criterion's attribute has a population stability index above ${DRIFT_RULES.max_psi} between accounts with deals before the period and accounts with deals in it`,
      `not drift: ${diff.noise_rule}`,
    ],
  };
  const proposalWarnings = derived.warnings.map((w) => ({ ...w, message: `proposal: ${w.message}` }));
  return { review: result, warnings: [...inPeriod.warnings, ...proposalWarnings] };
}
