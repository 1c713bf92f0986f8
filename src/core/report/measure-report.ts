import { UsageError } from '../../errors.js';
import { chooseMeasure, type Measure } from '../derive/measure.js';
import type { IcpDocument } from '../icp/schema.js';
import { emptyDealStats } from '../profile/deals.js';
import { TIER_NAMES, type TierLabel } from '../icp/tiers.js';
import { auc, bootstrapRatioOfMeans, fisherExact, mannWhitney, wilsonInterval } from '../stats/index.js';
import type { AccountSet } from './accounts.js';
import type { GainsRow, MeasureResult } from './report-types.js';

/** One account's measure: its value, or whether its outcome holds; accounts whose measure is unknown are left out. */
interface Measured {
  icp: boolean;
  tier: TierLabel;
  score: number;
  value: number;
}

/**
 * The measure the ICP was built for, read from this report's files as derive reads it (one chooseMeasure):
 * the ICP file's `--outcome` or `--value`, else won value of the deals (having a won deal without amounts),
 * else the customers' one lifetime value column. Null, with the reason, when the files hold none of them.
 */
function readMeasure(doc: IcpDocument, set: AccountSet, windowed: boolean): { measure: Measure; source: 'deals' | 'customers' } | { reason: string } {
  const recorded = doc.options ?? {};
  const text = (key: string) => (typeof recorded[key] === 'string' ? (recorded[key] as string) : undefined);
  const outcome = text('outcome');
  const value = text('value');
  const byKey = set.deals && set.dealQuality ? new Map(set.accounts.map((a) => [a.key, a.stats ?? emptyDealStats()])) : undefined;
  try {
    const measure = chooseMeasure({
      customers: set.records,
      table: set.customers.table,
      columns: set.customers.columns,
      value,
      outcome,
      ...(byKey && !outcome && !value && { deals: { byKey, hasAmount: set.dealQuality?.hasAmount ?? false, windowed } }),
    });
    return { measure, source: measure.column === null ? 'deals' : 'customers' };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { reason: error.message };
  }
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Per tier, best first: accounts and what they hold of the measure, and the running totals (a gains table). */
function gains(measured: readonly Measured[], kind: 'value' | 'outcome'): GainsRow[] {
  const total = measured.reduce((s, m) => s + Math.max(0, m.value), 0);
  const order: TierLabel[] = [...TIER_NAMES, 'disqualified'];
  const rows: GainsRow[] = [];
  let accounts = 0;
  let held = 0;
  for (const tier of order) {
    const group = measured.filter((m) => m.tier === tier);
    if (group.length === 0) continue;
    const sum = group.reduce((s, m) => s + Math.max(0, m.value), 0);
    accounts += group.length;
    held += sum;
    rows.push({
      tier,
      accounts: group.length,
      share_of_accounts: group.length / measured.length,
      ...(kind === 'value' ? { value: sum } : { positives: sum, rate: sum / group.length, rate_ci: wilsonInterval(sum, group.length) }),
      share_of_measure: share(sum, total),
      cumulative_share_of_accounts: accounts / measured.length,
      cumulative_share_of_measure: share(held, total),
    });
  }
  return rows;
}

/**
 * The ICP judged on its own measure: value capture (share of value vs share of accounts, CLV ratio with a
 * bootstrap interval, Mann-Whitney over per-account values) or conversion (rates with Wilson intervals,
 * Fisher, AUC of the score), and the gains table. `significant`: the ICP does better at alpha.
 */
export function measureReport(
  doc: IcpDocument,
  set: AccountSet,
  options: { alpha: number; windowed: boolean },
): { result: MeasureResult; values: (number | null)[] } | { reason: string } {
  const read = readMeasure(doc, set, options.windowed);
  if ('reason' in read) return read;
  const { measure, source } = read;
  const measured: Measured[] = [];
  const values = set.accounts.map((a, i) => {
    if (!measure.known[i]) return null;
    const value = measure.kind === 'value' ? (measure.values[i] as number) : measure.positive[i] ? 1 : 0;
    measured.push({ icp: a.icp, tier: a.tier, score: a.score, value });
    return value;
  });
  return { result: judged(measure, measured, baseOf(doc, set, measure, source, measured), options.alpha), values };
}

function baseOf(doc: IcpDocument, set: AccountSet, measure: Measure, source: 'deals' | 'customers', measured: readonly Measured[]) {
  return {
    label: measure.label,
    built_for: doc.cohort.measure,
    column: measure.column === null ? null : (set.customers.table.header[measure.column] as string),
    source,
    accounts: measured.length,
    unknown: set.accounts.length - measured.length,
    icp_accounts: measured.filter((m) => m.icp).length,
    non_icp_accounts: measured.filter((m) => !m.icp).length,
    gains: gains(measured, measure.kind),
  };
}

function judged(measure: Measure, measured: readonly Measured[], base: ReturnType<typeof baseOf>, alpha: number): MeasureResult {
  const options = { alpha };
  const icp = measured.filter((m) => m.icp).map((m) => m.value);
  const non = measured.filter((m) => !m.icp).map((m) => m.value);
  const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  if (measure.kind === 'value') {
    const total = measured.reduce((s, m) => s + Math.max(0, m.value), 0);
    const clvIcp = mean(icp);
    const clvNon = mean(non);
    const ratio = clvIcp !== null && clvNon !== null && clvNon > 0 ? clvIcp / clvNon : null;
    const p = mannWhitney(icp, non)?.pValue ?? null;
    return {
      kind: 'value',
      ...base,
      icp_share_of_accounts: share(icp.length, measured.length),
      icp_share_of_value: share(
        icp.reduce((s, v) => s + Math.max(0, v), 0),
        total,
      ),
      clv_icp: clvIcp,
      clv_non_icp: clvNon,
      clv_ratio: ratio,
      clv_ratio_ci: ratio === null ? null : bootstrapRatioOfMeans(icp, non),
      p_value: p,
      significant: ratio !== null && ratio > 1 && p !== null && p < options.alpha,
    };
  }
  const [a, c] = [icp.filter((v) => v > 0).length, non.filter((v) => v > 0).length];
  const rateIcp = share(a, icp.length);
  const rateNon = share(c, non.length);
  const p = icp.length > 0 && non.length > 0 ? fisherExact({ a, b: icp.length - a, c, d: non.length - c }).pValue : null;
  const lift = rateIcp !== null && rateNon !== null && rateNon > 0 ? rateIcp / rateNon : null;
  return {
    kind: 'outcome',
    ...base,
    icp_rate: rateIcp,
    icp_rate_ci: icp.length > 0 ? wilsonInterval(a, icp.length) : null,
    non_icp_rate: rateNon,
    non_icp_rate_ci: non.length > 0 ? wilsonInterval(c, non.length) : null,
    rate_lift: lift,
    p_value: p,
    auc: auc(
      measured.map((m) => m.score),
      measured.map((m) => m.value > 0),
    ),
    significant: rateIcp !== null && rateNon !== null && rateIcp > rateNon && p !== null && p < options.alpha,
  };
}
