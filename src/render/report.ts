import { negativeCycleText, unmatchedDealsText } from '../core/report/data-quality.js';
import type { Report, SegmentMetrics } from '../core/report/report-types.js';
import { pText } from '../core/report/verdict.js';
import { formatNumber, formatPercent, truncate } from './format.js';
import { markdownTable } from './markdown.js';
import { paint } from './messages.js';
import { renderTable } from './table.js';
import { measureSections } from './report-measure.js';
import { plural } from '../core/plural.js';

const BAR_WIDTH = 20;
const DASH = '-';

/** One section of the report: a title and its body, rendered as a terminal block or Markdown. */
export interface ReportSection {
  title: string;
  body: string;
}

function n(v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : formatNumber(v, 0);
}

function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : formatPercent(v);
}

function ci(v: [number, number] | null | undefined): string {
  return v ? `${formatPercent(v[0])}-${formatPercent(v[1])}` : DASH;
}

function ratio(v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : `${v.toFixed(2)}x`;
}

function p(v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : pText(v);
}

/** `████████░░░░` for a share; empty when unknown. */
export function winRateBar(rate: number | null): string {
  if (rate === null) return '';
  const full = Math.round(rate * BAR_WIDTH);
  return '█'.repeat(full) + '░'.repeat(BAR_WIDTH - full);
}

/** The metric rows of a set of groups, one column per group; lead and spend rows only when present. */
function metricRows(groups: readonly SegmentMetrics[], unit = 'accounts'): string[][] {
  const row = (label: string, f: (m: SegmentMetrics) => string) => [label, ...groups.map(f)];
  const rows = [
    row(unit, (m) => n(m.accounts)),
    row('deals (won / lost / open)', (m) => (m.deals === null ? DASH : `${n(m.deals)} (${n(m.won)} / ${n(m.lost)} / ${n(m.open)})`)),
    row('win rate', (m) => pct(m.win_rate)),
    row('win rate 95% CI', (m) => ci(m.win_rate_ci)),
    row('median cycle (days)', (m) => n(m.median_cycle_days)),
    row('avg won value', (m) => n(m.avg_won_value)),
    row('total won value', (m) => n(m.total_won_value)),
    row('CLV (won value / account)', (m) => n(m.clv)),
  ];
  const first = groups[0];
  if (first?.leads !== undefined) {
    rows.push(row('leads (converted)', (m) => `${n(m.leads)} (${n(m.converted)})`));
    rows.push(
      row('conversion rate', (m) => pct(m.conversion_rate)),
      row('conversion 95% CI', (m) => ci(m.conversion_rate_ci)),
    );
  }
  if (first?.spend !== undefined) {
    rows.push(
      row('spend', (m) => n(m.spend)),
      row('CAC (spend / won account)', (m) => n(m.cac)),
    );
    rows.push(row('CLV / CAC', (m) => (m.clv_cac_ratio === null || m.clv_cac_ratio === undefined ? DASH : m.clv_cac_ratio.toFixed(2))));
  }
  // A lead list has no deals: rows that hold nothing but dashes say nothing (the first row, the count, stays).
  return rows.filter((r, i) => i === 0 || r.slice(1).some((cell) => cell !== DASH && cell !== `${DASH} (${DASH} / ${DASH} / ${DASH})`));
}

function comparisonRows(r: Report): string[][] {
  const c = r.comparison;
  const rows = [
    ['win-rate lift (ICP / non-ICP)', ratio(c.win_rate_lift), `${p(c.win_rate_p_value)} (Fisher)`],
    [
      'median cycle, ICP minus non-ICP',
      c.cycle_days_difference === null ? DASH : `${formatNumber(c.cycle_days_difference, 1)} days`,
      `${p(c.cycle_days_p_value)} (Mann-Whitney)`,
    ],
    ['CLV ratio (ICP / non-ICP)', ratio(c.clv_ratio), ''],
  ];
  if (c.conversion_lift !== undefined) rows.push(['conversion lift (ICP / non-ICP)', ratio(c.conversion_lift), `${p(c.conversion_p_value)} (Fisher)`]);
  rows.push(['AUC of the score, won vs lost deals', c.auc === null ? DASH : c.auc.toFixed(3), '0.5 = chance']);
  // Without deals most figures are unknown: a row of dashes says nothing.
  return rows.filter((row) => row[1] !== DASH);
}

/** Leaves out columns with no figure in any row (a lead list's deals, win rates, cycles); the first two stay. */
function withoutEmptyColumns(head: string[], rows: string[][]): { head: string[]; rows: string[][] } {
  const keep = head.map((h, i) => i < 2 || h === '' || rows.some((row) => row[i] !== DASH && row[i] !== ''));
  const barAt = head.indexOf('');
  if (barAt >= 0 && !keep[barAt - 1]) keep[barAt] = false;
  return { head: head.filter((_, i) => keep[i]), rows: rows.map((row) => row.filter((_, i) => keep[i])) };
}

function tierRows(r: Report, bars: boolean): { head: string[]; rows: string[][] } {
  const withLeads = r.segments.icp.leads !== undefined;
  const head = [
    'tier',
    r.icp.unit ?? 'accounts',
    'deals',
    'won',
    'lost',
    'win rate',
    ...(bars ? [''] : []),
    '95% CI',
    'median cycle',
    'CLV',
    ...(withLeads ? ['leads', 'conversion'] : []),
  ];
  const rows = Object.entries(r.tiers).map(([tier, m]) => [
    `${tier}${r.icp.icp_tiers.includes(tier as 'A') ? ' (ICP)' : ''}`,
    n(m.accounts),
    n(m.deals),
    n(m.won),
    n(m.lost),
    pct(m.win_rate),
    ...(bars ? [winRateBar(m.win_rate)] : []),
    ci(m.win_rate_ci),
    n(m.median_cycle_days),
    n(m.clv),
    ...(withLeads ? [n(m.leads), pct(m.conversion_rate)] : []),
  ]);
  return withoutEmptyColumns(head, rows);
}

function qualityLines(r: Report): string[] {
  const q = r.data_quality;
  const lines: string[] = [];
  if (q.deals_total !== null)
    lines.push(
      `${q.deals_matched} of ${q.deals_total} deals joined an account${q.deals_outside_window > 0 ? `; ${q.deals_outside_window} closed outside the window` : ''}`,
    );
  if (q.unmatched_deals.count > 0)
    lines.push(unmatchedDealsText(q.unmatched_deals.count, q.unmatched_deals.without_account, q.unmatched_deals.examples, 'account'));
  if (q.deals_without_close_date > 0)
    lines.push(`${plural(q.deals_without_close_date, 'deal')} without a close date${r.window.since || r.window.until ? ' (outside any window)' : ''}`);
  if (q.deals_without_dates.count > 0) lines.push(`${plural(q.deals_without_dates.count, 'deal')} without a create or close date`);
  if (q.cycle_start?.from === 'customers')
    lines.push(`cycles from the customers' "${q.cycle_start.column}" to each customer's first won deal (the deals have no create date)`);
  if (q.negative_cycles.count > 0) lines.push(negativeCycleText(q.negative_cycles, q.cycle_start));
  if (q.unknown_stages.count > 0)
    lines.push(
      `${plural(q.unknown_stages.count, 'deal')} with unknown stages, counted as open: ${q.unknown_stages.stages.map((s) => `${s.stage} (${s.count})`).join(', ')}`,
    );
  if (q.won_deals_without_amount > 0) lines.push(`${plural(q.won_deals_without_amount, 'won deal')} without an amount`);
  if (q.duplicate_keys.count > 0)
    lines.push(
      `${plural(q.duplicate_keys.count, 'duplicate key')} (customers ${q.duplicate_keys.customers}, deals ${q.duplicate_keys.deals}, leads ${q.duplicate_keys.leads})`,
    );
  for (const m of q.missing_criteria) lines.push(`no column "${m.column}" for "${m.label}": unknown for every account`);
  if (q.leads_without_outcome > 0) lines.push(`${plural(q.leads_without_outcome, 'lead')} without a readable converted value`);
  return lines;
}

/** Every note of the report, each prefixed with where it applies. */
function personaSection(b: NonNullable<Report['by_persona']>, table: (head: string[], rows: string[][]) => string): ReportSection {
  const rows = b.personas.map((x) => [
    truncate(x.name, 48),
    n(x.present.accounts),
    `${pct(x.present.win_rate)} ${ci(x.present.win_rate_ci)}`,
    n(x.absent.accounts),
    `${pct(x.absent.win_rate)} ${ci(x.absent.win_rate_ci)}`,
    ratio(x.win_rate_lift),
    p(x.p_value),
  ]);
  return { title: `By persona (${b.contacts})`, body: table(['persona', 'accounts with', 'win rate', 'without', 'win rate', 'lift', 'p'], rows) };
}

function allNotes(r: Report): string[] {
  const scoped = (where: string, notes: readonly string[]) => notes.map((x) => `${where}: ${x}`);
  return [
    ...r.notes,
    ...scoped('ICP', r.segments.icp.notes),
    ...scoped('non-ICP', r.segments.non_icp.notes),
    ...scoped('comparison', r.comparison.notes),
    `CLV = ${r.formulas.clv}${r.formulas.cac ? `; CAC = ${r.formulas.cac}` : ''}`,
  ];
}

/** The report's sections in reading order; `markdown` gives Markdown tables and no colour or bars. */
export function reportSections(r: Report, color: boolean, markdown = false): ReportSection[] {
  const c = paint(color && !markdown);
  const table = (head: string[], rows: string[][]) => (markdown ? markdownTable(head, rows) : renderTable(head, rows, color));
  const tiers = `${r.icp.icp_tiers.length === 1 ? 'tier' : 'tiers'} ${r.icp.icp_tiers.join(', ')}`;
  const sections: ReportSection[] = [{ title: 'Verdict', body: c.bold(r.verdict) }];
  const unit = r.icp.unit ?? 'accounts';
  sections.push(...measureSections(r.measure, table, unit));
  sections.push({ title: `ICP vs non-ICP`, body: table(['', `ICP (${tiers})`, 'non-ICP'], metricRows([r.segments.icp, r.segments.non_icp], unit)) });
  const compared = comparisonRows(r);
  if (compared.length > 0) sections.push({ title: 'Comparison', body: table(['', 'value', 'test'], compared) });
  const t = tierRows(r, !markdown);
  sections.push({ title: 'Tiers', body: table(t.head, t.rows) });
  if (r.by_source) {
    const rows = r.by_source.sources.map((s) => [truncate(s.source, 32), n(s.accounts), n(s.icp_accounts), pct(s.icp_share), n(s.deals), pct(s.win_rate)]);
    const t = withoutEmptyColumns(['source', unit, 'ICP', 'ICP share', 'deals', 'win rate'], rows);
    sections.push({ title: `By source (${r.by_source.file}: ${r.by_source.column})`, body: table(t.head, t.rows) });
  }
  if (r.by_owner) {
    const rows = r.by_owner.owners.map((s) => [truncate(s.owner, 32), n(s.accounts), n(s.icp_accounts), pct(s.icp_share), n(s.deals), pct(s.win_rate)]);
    const t = withoutEmptyColumns(['owner', unit, 'ICP', 'ICP share', 'deals', 'win rate'], rows);
    sections.push({ title: `By owner (${r.by_owner.file}: ${r.by_owner.column})`, body: table(t.head, t.rows) });
  }
  if (r.by_persona) sections.push(personaSection(r.by_persona, table));
  const f = r.failing_segments;
  if (f.tested > 0) {
    const body =
      f.segments.length === 0
        ? `None: in each of ${plural(f.tested, 'segment')} tested (a value with at least 30 ${unit}), the ICP's lift on ${f.measure} is not significantly absent or reversed (Benjamini-Hochberg).`
        : f.segments.map((s) => `- ${s.text} (q = ${s.q_value < 0.001 ? '<0.001' : s.q_value.toFixed(3)})`).join('\n') +
          `\n${plural(f.tested, 'segment')} tested, Benjamini-Hochberg over them.`;
    sections.push({ title: 'Where the ICP does not work', body });
  }
  const quality = qualityLines(r);
  if (quality.length > 0) sections.push({ title: 'Data quality', body: quality.map((l) => `- ${l}`).join('\n') });
  sections.push({
    title: 'Notes',
    body: allNotes(r)
      .map((l) => `- ${l}`)
      .join('\n'),
  });
  return sections;
}

/** Terminal rendering of the report. */
export function renderReport(r: Report, color: boolean): string {
  const c = paint(color);
  return reportSections(r, color)
    .map((s) => `${c.bold.underline(s.title)}\n${s.body}\n`)
    .join('\n');
}
