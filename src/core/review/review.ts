import { derive, type DeriveOptions } from '../derive/derive.js';
import { diffIcp, structuralChanges, type IcpDiff } from '../diff/diff-icp.js';
import type { IcpDocument } from '../icp/schema.js';
import type { Table } from '../table.js';
import type { Warning } from '../warnings.js';
import { assessDrift, DRIFT_RULES } from './assess.js';
import { day, type Backtest } from './backtest.js';
import type { Report } from '../report/report-types.js';
import type { CriterionDrift } from './criterion-drift.js';
import type { ReviewStatus } from './judge.js';
import { quartersBefore, type Quarter } from './period.js';
import type { Stability } from './stability.js';

export type { Backtest } from './backtest.js';
export type { ReviewStatus } from './judge.js';
export { DRIFT_RULES } from './assess.js';

export interface Review {
  quarter: string;
  period: { since: string; until: string };
  window: { quarters: number; since: string; until: string };
  alpha: number;
  /** drift, no drift, or not enough data to judge (no saved criterion could be tested): never drift then. */
  status: ReviewStatus;
  judgeable: boolean;
  /**
   * The period's deals were among those the ICP was derived from (its recorded window, or the deals before
   * it was generated, reach into the period): the backtest then flatters the ICP.
   */
  in_sample: boolean;
  /** The saved ICP on the deals closed in the period, and on the deals closed before it (its track record). */
  backtest: { period: Backtest; before: Backtest | null };
  /** The deals each criterion's effect in the period is compared with: the window the ICP was derived on. */
  baseline: { since: string; until: string; cut_at_period: boolean };
  /** What the saved ICP recorded when it was derived. */
  recorded: { generated_at: string; cohort: IcpDocument['cohort']; criteria: { label: string; lift: number | null; q_value: number | null }[] };
  proposed: IcpDocument;
  diff: IcpDiff;
  stability: Stability[];
  /** What the re-derived proposal changes: shown, but not drift by itself. */
  proposed_changes: string[];
  /** Each saved criterion's win odds ratio in the baseline and in the period, and whether it fell. */
  criteria_drift: CriterionDrift[];
  /** found is true only when status is drift; why_not_judgeable says what data was missing. */
  drift: { found: boolean; reasons: string[]; why_not_judgeable: string[]; notes: string[] };
  rules: string[];
}

/** What decides drift and what does not, in words, for the review files. */
function rules(alpha: number, noiseRule: string): string[] {
  return [
    `drift when a saved criterion stopped working: its win odds ratio (matching vs not, over the closed deals of the accounts with a deal closed in the window) fell between the window the ICP was derived on and the period (one-sided test of the log odds ratio, standard errors clustered by account, Holm over the criteria, at alpha ${alpha})`,
    `drift when a criterion's attribute has a population stability index above ${DRIFT_RULES.max_psi} between the accounts with deals in the window the ICP was derived on and those with deals in the period`,
    `not enough data to judge (never drift, exit 0) when no saved criterion can be tested: a criterion needs won and lost deals in both windows and at least ${DRIFT_RULES.min_accounts_per_side} accounts with closed deals on each side (matching, not matching) of each`,
    "not drift: the backtest's win-rate lift (a track record; a funnel without lost deals has none, and a modest lift from criteria that still work is no change)",
    'not drift by itself: the proposed ICP adding or removing a criterion or changing a value set (listed as proposed changes)',
    `not drift: ${noiseRule}`,
  ];
}

/**
 * A quarterly review: backtests the saved ICP on the period, judges drift (assessDrift), re-derives a
 * proposal on the trailing window with the saved options, and diffs the two.
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
}): { review: Review; warnings: Warning[]; periodReport: Report } {
  const { doc, customers, deals, period } = input;
  const assessed = assessDrift({ doc, customers, deals, period, map: input.deriveOptions.map });
  const windowStart = quartersBefore(period, input.windowQuarters - 1).start;
  const derived = derive({
    customers,
    deals,
    options: { ...input.deriveOptions, since: windowStart, until: period.end },
    generatedAt: input.generatedAt,
    recordedOptions: { ...input.recordedOptions, since: day(windowStart), until: day(period.end) },
  });
  const diff = diffIcp(doc, derived.doc);
  const j = assessed.judgement;
  const result: Review = {
    quarter: period.label,
    period: { since: day(period.start), until: day(period.end) },
    window: { quarters: input.windowQuarters, since: day(windowStart), until: day(period.end) },
    alpha: assessed.alpha,
    status: j.status,
    judgeable: j.judgeable,
    in_sample: assessed.baseline.cut_at_period || (doc.options?.until === undefined && Date.parse(doc.generated_at) >= period.start),
    backtest: assessed.backtest,
    baseline: assessed.baseline,
    recorded: {
      generated_at: doc.generated_at,
      cohort: doc.cohort,
      criteria: doc.criteria.map((c) => ({ label: c.label, lift: c.evidence?.lift ?? null, q_value: c.evidence?.q_value ?? null })),
    },
    proposed: derived.doc,
    diff,
    proposed_changes: structuralChanges(diff).map((c) => c.description),
    criteria_drift: assessed.criteria_drift,
    stability: assessed.stability,
    drift: { found: j.status === 'drift', reasons: j.reasons, why_not_judgeable: j.why_not_judgeable, notes: j.notes },
    rules: rules(assessed.alpha, diff.noise_rule),
  };
  const proposalWarnings = derived.warnings.map((w) => ({ ...w, message: `proposal: ${w.message}` }));
  return { review: result, warnings: [...assessed.warnings, ...proposalWarnings], periodReport: assessed.periodReport };
}
