import type { Role } from '../columns/roles.js';
import type { IcpDocument } from '../icp/schema.js';
import { scoreAccounts } from '../report/accounts.js';
import { buildReport } from '../report/build-report.js';
import type { Report } from '../report/report-types.js';
import { IcpError } from '../../errors.js';
import type { Table } from '../table.js';
import type { Warning } from '../warnings.js';
import { backtest, day, type Backtest } from './backtest.js';
import { baselineWindow } from './baseline.js';
import { criterionDrift, MIN_ACCOUNTS_PER_SIDE, type CriterionDrift } from './criterion-drift.js';
import { judge, type Judgement } from './judge.js';
import type { Quarter } from './period.js';
import { criterionStability, type Stability } from './stability.js';
import { windowAccounts, type WindowAccount } from './windows.js';

/** The thresholds drift is judged by; stated in every review so that a reader can check them. */
export const DRIFT_RULES = {
  max_psi: 0.25,
  min_accounts_per_side: MIN_ACCOUNTS_PER_SIDE,
};

/** The saved ICP, the exports, and the quarter to judge; `map` as the review was given it. */
export interface DriftInput {
  doc: IcpDocument;
  customers: Table;
  deals: Table;
  period: Quarter;
  map?: ReadonlyMap<Role, string> | undefined;
}

/** Everything that decides drift, without the proposal (which never decides it). */
export interface DriftAssessment {
  alpha: number;
  backtest: { period: Backtest; before: Backtest | null };
  /** The deals the criteria's effects are compared against: the window the saved ICP was derived on. */
  baseline: { since: string; until: string; cut_at_period: boolean };
  criteria_drift: CriterionDrift[];
  stability: Stability[];
  judgement: Judgement;
  warnings: Warning[];
  /** The saved ICP's report on the period, as icp report gives it (the quarter's profile page shows it). */
  periodReport: Report;
}

/** What decides drift: each saved criterion in its baseline and in the period, the attributes' stability. */
export interface DriftJudgement {
  baseline: DriftAssessment['baseline'];
  criteria_drift: CriterionDrift[];
  stability: Stability[];
  judgement: Judgement;
}

const alphaOf = (doc: IcpDocument) => (typeof doc.options?.alpha === 'number' ? doc.options.alpha : 0.05);

/**
 * Judges drift without the backtest: the files are scored once over the baseline and the period, split into
 * the accounts active in each, and each saved criterion's win odds ratio is compared between the two.
 */
export function judgeDrift(input: DriftInput): DriftJudgement {
  const { doc, period } = input;
  const window = baselineWindow(doc.options, period);
  const map = input.map ?? new Map<Role, string>();
  // One pass over both windows; the ICP tiers do not matter here (only the criteria do), A is in every ICP.
  const since = window.since === undefined ? undefined : Math.min(window.since, period.start);
  const scored = scoreAccounts({ doc, customers: input.customers, deals: input.deals, icpTiers: ['A'], window: { since, until: period.end }, map });
  const [base, during] = windowAccounts(scored, [window, { since: period.start, until: period.end }]) as [WindowAccount[], WindowAccount[]];
  // An export that ends before the quarter is not drift: say so instead of raising a false alarm in cron.
  if (during.length === 0) {
    throw new IcpError(`no deal of ${input.deals.name} closed in ${period.label} (${day(period.start)} to ${day(period.end)})`, {
      hint: 'check that the export is up to date, or review another quarter with ⟨quarter⟩',
    });
  }
  const stability = criterionStability(
    scored.compiled,
    base.map((a) => a.cells),
    during.map((a) => a.cells),
  );
  const criteria = criterionDrift(scored.compiled, base, during, alphaOf(doc), period.label);
  const judgement = judge({ doc, criteria, stability, periodLabel: period.label, maxPsi: DRIFT_RULES.max_psi });
  if (window.cut)
    judgement.notes.push(
      `the saved ICP was derived on deals up to ${String(doc.options?.until)}, into ${period.label}: its baseline was cut at ${day(window.until)}`,
    );
  return {
    baseline: { since: window.since === undefined ? 'the first deal' : day(window.since), until: day(window.until), cut_at_period: window.cut },
    criteria_drift: criteria,
    stability,
    judgement,
  };
}

/** judgeDrift, plus the backtest of the saved ICP on the period and on the deals before it (shown, not decisive). */
export function assessDrift(input: DriftInput): DriftAssessment {
  const { doc, customers, deals, period, map } = input;
  const judged = judgeDrift(input);
  const alpha = alphaOf(doc);
  const report = (since: number | undefined, until: number) => buildReport({ doc, customers, deals, options: { since, until, alpha, ...(map && { map }) } });
  const inPeriod = report(period.start, period.end);
  const beforePeriod = report(undefined, period.start - 1);
  return {
    alpha,
    backtest: { period: backtest(inPeriod, period.start, period.end), before: backtest(beforePeriod, undefined, period.start - 1) },
    ...judged,
    warnings: inPeriod.warnings,
    periodReport: inPeriod.report,
  };
}
