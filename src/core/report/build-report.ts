import type { Role } from '../columns/roles.js';
import type { IcpDocument } from '../icp/schema.js';
import { tiersOf, type Tier, type TierLabel } from '../icp/tiers.js';
import type { Table } from '../table.js';
import type { Warning } from '../warnings.js';
import { scoreAccounts, type AccountSet } from './accounts.js';
import type { StreamedDeals } from './streamed-deals.js';
import { checkMap, presentIcpTiers } from './report-checks.js';
import { typed } from './typed-table.js';
import { byOwner, bySource } from './by-source.js';
import { compareSegments } from './comparison.js';
import { dataQuality } from './data-quality.js';
import { FORMULAS, LEAD_FORMULAS, SPEND_FORMULAS } from './report-formulas.js';
import { reportNotes, reportWarnings } from './report-notes.js';
import { scoreLeads, type LeadSet } from './leads.js';
import type { MeasureResult, Report, SegmentMetrics } from './report-types.js';
import { segmentMetrics, type MetricContext } from './segment-metrics.js';
import { allocateSpend } from './spend.js';
import { conversionSentence, verdict } from './verdict.js';
import { inSample } from './in-sample.js';
import { measureReport } from './measure-report.js';
import { reportSegments } from './report-segments.js';
import { IN_SAMPLE_TEXT, measureSentence, winRateAside } from './measure-verdict.js';

/** How to cut the report: which tiers are ICP, which deals count, column overrides, significance level. */
export interface ReportOptions {
  /**
   * The tiers that count as ICP (default A and B). A tier the ICP file does not have (C in a file with
   * only A and B) holds no row, so it is left out with a warning; naming only such tiers is a usage error.
   */
  icpTiers?: readonly Tier[];
  /** Only deals closed in [since, until] (epoch ms) count. */
  since?: number | undefined;
  until?: number | undefined;
  map?: ReadonlyMap<Role, string>;
  /** Significance level of the verdict (default 0.05; a review passes the ICP's own alpha). */
  alpha?: number;
}

/** The ICP and the tables a report is built from (io/ reads them; core never touches files). */
export interface ReportInput {
  doc: IcpDocument;
  customers: Table;
  /** The deals: a table (review, --holdout), or joined as the file was read (report; see ReportDealsPass). */
  deals?: Table | StreamedDeals | undefined;
  leads?: Table | undefined;
  spend?: Table | undefined;
  options?: ReportOptions;
}

/** The report plus what it was built from, for renderers and for `icp review`. */
export interface ReportResult {
  report: Report;
  warnings: Warning[];
  accounts: AccountSet;
  leads: LeadSet | null;
}

function day(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString().slice(0, 10);
}

/** The failing segments as the report's JSON holds them. */
function failing(x: ReturnType<typeof reportSegments>): Report['failing_segments'] {
  return { measure: x.measure, tested: x.tested, segments: x.segments };
}

/**
 * The verdict: on the ICP's own measure first (value capture or conversion), win rate beside it; the
 * win-rate verdict of old when the files hold no such measure. In-sample runs say so first.
 */
function headline(x: Parameters<typeof verdict>[0] & { measure: MeasureResult | null; inSample: boolean; unit: string }): {
  text: string;
  significant: boolean;
} {
  const old = verdict(x);
  const comparable = x.icp.accounts > 0 && x.nonIcp.accounts > 0;
  let said = old;
  if (x.measure && comparable) {
    const aside = x.measure.source === 'customers' || x.measure.kind === 'value' ? winRateAside(x.icp, x.nonIcp, x.comparison, x.alpha) : '';
    const leads = conversionSentence(x.icp, x.nonIcp, x.comparison, x.alpha);
    said = { text: `${measureSentence(x.measure, x.alpha, x.unit)}${aside}${leads ? ` ${leads.text}` : ''}`, significant: x.measure.significant };
  }
  return x.inSample ? { ...said, text: `${IN_SAMPLE_TEXT} ${said.text}` } : said;
}

/** The ICP and non-ICP segments, and one per tier the file has (a file with A and B has no C row to show, not an empty one). */
function segmentsOf(
  doc: IcpDocument,
  set: AccountSet,
  leadSet: LeadSet | null,
  ctx: MetricContext,
): { icp: SegmentMetrics; nonIcp: SegmentMetrics; tiers: Report['tiers'] } {
  const leads = leadSet?.leads ?? [];
  const group = (pick: (tier: TierLabel, icp: boolean) => boolean): SegmentMetrics =>
    segmentMetrics(
      set.accounts.filter((a) => pick(a.tier, a.icp)),
      leads.filter((l) => pick(l.tier, l.icp)),
      ctx,
    );
  const tiers: Report['tiers'] = {};
  for (const t of tiersOf(doc.tiers)) tiers[t] = group((tier) => tier === t);
  if (set.accounts.some((a) => a.tier === 'disqualified') || leads.some((l) => l.tier === 'disqualified')) {
    tiers.disqualified = group((tier) => tier === 'disqualified');
  }
  return { icp: group((_, isIcp) => isIcp), nonIcp: group((_, isIcp) => !isIcp), tiers };
}

/** The ICP tiers, the scored accounts and leads, the spend, and what the segment metrics need to know of them. */
function scoreInputs(input: ReportInput, o: ReportOptions) {
  const { icpTiers, missingTiers } = presentIcpTiers(input.doc, o.icpTiers);
  const map = o.map ?? new Map<Role, string>();
  const window = { since: o.since, until: o.until };
  checkMap(
    map,
    [input.customers, input.deals, input.leads, input.spend].flatMap((t) => (t === undefined ? [] : [{ name: t.name, header: t.header }])),
  );
  const set = scoreAccounts({ doc: input.doc, customers: input.customers, deals: input.deals, icpTiers, window, map });
  const streamed = input.deals && 'joined' in input.deals ? input.deals : undefined;
  const dealsForLeads = streamed && set.deals ? { file: set.deals, joined: streamed.leads } : set.dealsTable;
  const leadSet = input.leads ? scoreLeads({ doc: input.doc, leads: typed(input.leads, map), deals: dealsForLeads, icpTiers, window, map }) : null;
  const spend = allocateSpend({
    spend: input.spend ? typed(input.spend, map) : null,
    accounts: set.accounts,
    customers: set.customers,
    deals: set.deals,
    matchedDeals: set.matchedDeals,
  });
  const ltv = set.customers.roles.byRole.get('lifetime_value');
  const ctx: MetricContext = {
    hasDeals: set.deals !== null,
    hasAmount: set.dealQuality?.hasAmount ?? false,
    outcomeSource: set.dealQuality?.outcomeSource ?? null,
    lifetimeValueColumn: ltv === undefined ? null : (input.customers.header[ltv] as string),
    hasLeads: leadSet !== null,
    spend: spend?.byKey ?? null,
  };
  return { icpTiers, missingTiers, set, leadSet, spend, ctx, allWon: set.dealQuality?.outcomeSource === 'all_won' };
}

/** The files the report read, as its JSON lists them. */
function reportInputs(input: ReportInput): Report['inputs'] {
  const files = [
    ['customers', input.customers],
    ['deals', input.deals],
    ['leads', input.leads],
    ['spend', input.spend],
  ] as const;
  return files.flatMap(([role, t]) => (t ? [{ role, name: t.name, rows: typeof t.rows === 'number' ? t.rows : t.rows.length, sha256: t.sha256 }] : []));
}

/** The ICP the report applies, as its JSON heads it. */
function icpSummary(doc: IcpDocument, icpTiers: readonly Tier[]): Report['icp'] {
  return {
    name: doc.name,
    status: doc.status,
    generated_at: doc.generated_at,
    criteria: doc.criteria.length,
    thresholds: doc.tiers,
    icp_tiers: [...icpTiers],
    ...(doc.cohort.unit && doc.cohort.unit !== 'customers' && { unit: doc.cohort.unit }),
  };
}

function reportDataQuality(set: AccountSet, leadSet: LeadSet | null): Report['data_quality'] {
  return dataQuality({
    deals: set.dealQuality,
    duplicateCustomers: set.duplicateKeys,
    duplicateDeals: set.duplicateDeals,
    duplicateLeads: leadSet?.duplicateKeys ?? 0,
    compiled: set.compiled,
    leadsWithoutOutcome: leadSet?.withoutOutcome ?? 0,
  });
}

/**
 * Builds the whole report: scores accounts (and leads) with the ICP, joins deals in the window, and
 * compares ICP with non-ICP accounts, tier by tier. Pure: the same input gives the same report.
 */
export function buildReport(input: ReportInput): ReportResult {
  const o = input.options ?? {};
  const { doc } = input;
  const { icpTiers, missingTiers, set, leadSet, spend, ctx, allWon } = scoreInputs(input, o);
  const { icp, nonIcp, tiers } = segmentsOf(doc, set, leadSet, ctx);
  const comparison = compareSegments({ icp, nonIcp, accounts: set.accounts, leads: leadSet?.leads ?? null, allWon });
  const alpha = o.alpha ?? 0.05;
  const measured = measureReport(doc, set, { alpha, windowed: o.since !== undefined || o.until !== undefined });
  const measureRun = 'reason' in measured ? null : measured;
  const measure = measureRun?.result ?? null;
  const inputs = reportInputs(input);
  const keys = set.accounts.map((a) => a.key);
  const sample = inSample(doc, inputs, keys, o.since);
  const unit = doc.cohort.unit && doc.cohort.unit !== 'customers' ? doc.cohort.unit : 'accounts';
  const said = headline({ icp, nonIcp, comparison, icpTiers, alpha, measure, inSample: sample.in_sample, unit });
  const dq = reportDataQuality(set, leadSet);
  const notes = reportNotes({ doc, set, leadSet, spend, measured, icpAccounts: icp.accounts, icpTiers, customers: input.customers.name });
  const { join } = set;
  const report: Report = {
    icp: icpSummary(doc, icpTiers),
    inputs,
    window: { since: day(o.since), until: day(o.until) },
    join: join ? { customers: join.customerHeader, deals: join.dealHeader, reason: join.reason, match_rate: join.matchRate } : null,
    measure,
    ...sample,
    failing_segments: failing(reportSegments(doc, set, measureRun, alpha)),
    segments: { icp, non_icp: nonIcp },
    tiers,
    comparison,
    by_source: bySource(set.accounts, set.customers, set.deals, set.matchedDeals, allWon),
    by_owner: byOwner(set.accounts, set.customers, set.deals, set.matchedDeals, allWon),
    spend: spend?.summary ?? null,
    data_quality: dq,
    formulas: { ...FORMULAS, ...(leadSet && LEAD_FORMULAS), ...(spend && SPEND_FORMULAS) },
    verdict: said.text,
    significant: said.significant,
    notes,
  };
  const files = { customers: input.customers.name, deals: input.deals?.name, leads: input.leads?.name };
  const warnings = reportWarnings({ dq, files, doc, icpTiers, missingTiers, spend });
  return { report, warnings, accounts: set, leads: leadSet };
}
