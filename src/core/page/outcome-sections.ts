import type { IcpDocument } from '../icp/schema.js';
import type { Report, SegmentMetrics } from '../report/report-types.js';
import type { ChannelsSection, ComparisonSection, Missing, TierRow, ValueSection } from './page-types.js';

const NEED_FILES = 'Give --customers and --deals (and --leads, --spend) to add the outcomes, computed as icp report computes them.';

/** "Where the value is": tier A out of fold from the ICP, and every tier's share and economics from the report. */
export function valueSection(doc: IcpDocument, report: Report | undefined): ValueSection {
  const v = doc.validation;
  const outOfSample =
    v?.tier_a_share_of_customers !== null && v?.tier_a_share_of_customers !== undefined
      ? { share_of_customers: v.tier_a_share_of_customers, share_of_value: v.tier_a_share_of_value ?? null }
      : null;
  const measure = report?.measure;
  if (!report || !measure) {
    const why = report ? 'The files given hold no measure the ICP was built for (see the report notes).' : NEED_FILES;
    return { measure: doc.cohort.measure, tier_a_out_of_sample: outOfSample, tiers: { missing: why }, in_sample: null };
  }
  const tiers: TierRow[] = measure.gains.map((g) => {
    const m: SegmentMetrics | undefined = report.tiers[g.tier];
    return {
      tier: g.tier,
      accounts: g.accounts,
      share_of_accounts: g.share_of_accounts,
      share_of_measure: g.share_of_measure,
      cumulative_share_of_accounts: g.cumulative_share_of_accounts,
      cumulative_share_of_measure: g.cumulative_share_of_measure,
      win_rate: m?.win_rate ?? null,
      win_rate_ci: m?.win_rate_ci ?? null,
      median_cycle_days: m?.median_cycle_days ?? null,
      clv: m?.clv ?? null,
      cac: m?.cac ?? null,
      clv_cac_ratio: m?.clv_cac_ratio ?? null,
    };
  });
  const label = measure.kind === 'value' ? measure.label : `positive accounts (${measure.label})`;
  return { measure: label, tier_a_out_of_sample: outOfSample, tiers, in_sample: report.in_sample };
}

const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;

/** "ICP vs non-ICP": the report's segments side by side, and its verdict. */
export function comparisonSection(report: Report | undefined): ComparisonSection | Missing {
  if (!report) return { missing: NEED_FILES };
  const { icp, non_icp } = report.segments;
  const rows: ComparisonSection['rows'] = [];
  const add = (metric: string, format: ComparisonSection['rows'][number]['format'], pick: (s: SegmentMetrics) => number | null | undefined) => {
    const [a, b] = [pick(icp) ?? null, pick(non_icp) ?? null];
    if (a !== null || b !== null) rows.push({ metric, icp: a, non_icp: b, ratio: format === 'count' ? null : ratio(a, b), format });
  };
  add('Accounts', 'count', (s) => s.accounts);
  add('Win rate', 'share', (s) => s.win_rate);
  add('Median sales cycle (days)', 'days', (s) => s.median_cycle_days);
  add('CLV (won value per account)', 'money', (s) => s.clv);
  add('Lead conversion', 'share', (s) => s.conversion_rate);
  add('CAC', 'money', (s) => s.cac);
  return { verdict: report.verdict, in_sample: report.in_sample, measure: report.measure?.label ?? 'win rate', rows };
}

/** "Channels": which sources bring ICP accounts (the report's by_source). */
export function channelsSection(report: Report | undefined): ChannelsSection | Missing {
  if (!report) return { missing: NEED_FILES };
  const s = report.by_source;
  if (!s) return { missing: 'The files have no lead source or channel column (map one with --map lead_source=<header>).' };
  const rows = s.sources.map((r) => ({ source: r.source, accounts: r.accounts, icp_accounts: r.icp_accounts, icp_share: r.icp_share, win_rate: r.win_rate }));
  return { column: s.column, file: s.file, unit: s.unit, rows };
}
