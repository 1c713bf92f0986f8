import type { MeasureResult } from '../core/report/report-types.js';
import { pText } from '../core/report/verdict.js';
import { formatNumber, formatPercent } from './format.js';

const DASH = '-';
const pct = (v: number | null | undefined) => (v === null || v === undefined ? DASH : formatPercent(v));
const num = (v: number | null | undefined) => (v === null || v === undefined ? DASH : formatNumber(v, 0));
const ci = (v: [number, number] | null | undefined, f: (x: number) => string) => (v ? ` [${f(v[0])}-${f(v[1])}]` : '');

function measureRows(m: MeasureResult, unit: string): string[][] {
  const p = m.p_value === null ? DASH : pText(m.p_value);
  const counted = [
    [
      `${unit} with a known measure`,
      `${num(m.accounts)} (ICP ${num(m.icp_accounts)}, non-ICP ${num(m.non_icp_accounts)}${m.unknown > 0 ? `; ${num(m.unknown)} unknown, left out` : ''})`,
    ],
  ];
  if (m.kind === 'value') {
    return [
      ...counted,
      [`ICP share of ${unit}`, pct(m.icp_share_of_accounts)],
      [`ICP share of ${m.label}`, pct(m.icp_share_of_value)],
      [`CLV per ${unit.replace(/s$/, '')}, ICP / non-ICP`, `${num(m.clv_icp)} / ${num(m.clv_non_icp)}`],
      ['CLV ratio [bootstrap 95%]', m.clv_ratio === null ? DASH : `${m.clv_ratio.toFixed(2)}x${ci(m.clv_ratio_ci, (x) => x.toFixed(2))}`],
      [`values per ${unit.replace(/s$/, '')} differ`, `${p} (Mann-Whitney)`],
    ];
  }
  return [
    ...counted,
    [`ICP: ${m.label}`, `${pct(m.icp_rate)}${ci(m.icp_rate_ci, formatPercent)}`],
    [`non-ICP: ${m.label}`, `${pct(m.non_icp_rate)}${ci(m.non_icp_rate_ci, formatPercent)}`],
    ['lift (ICP / non-ICP)', m.rate_lift === null ? DASH : `${m.rate_lift.toFixed(2)}x, ${p} (Fisher)`],
    ['AUC of the score', m.auc === null ? DASH : `${m.auc.toFixed(3)} (0.5 = chance)`],
  ];
}

function gainsTable(m: MeasureResult, unit: string): { head: string[]; rows: string[][] } {
  const what = m.kind === 'value' ? m.label : `${unit} where ${m.label}`;
  const head = [
    'tier',
    unit,
    `share of ${unit}`,
    m.kind === 'value' ? m.label : 'positive (rate)',
    `share of ${what}`,
    'cumulative accounts',
    'cumulative share',
  ];
  const rows = m.gains.map((g) => [
    g.tier,
    num(g.accounts),
    pct(g.share_of_accounts),
    m.kind === 'value' ? num(g.value) : `${num(g.positives)} (${pct(g.rate)})`,
    pct(g.share_of_measure),
    pct(g.cumulative_share_of_accounts),
    pct(g.cumulative_share_of_measure),
  ]);
  return { head, rows };
}

/** The sections of the ICP's own measure: the headline figures and the gains table by tier. */
export function measureSections(
  m: MeasureResult | null,
  table: (head: string[], rows: string[][]) => string,
  unit = 'accounts',
): { title: string; body: string }[] {
  if (!m) return [];
  const built = m.built_for === m.label ? '' : ` (built for ${m.built_for})`;
  const g = gainsTable(m, unit);
  return [
    { title: `On its measure: ${m.label}${built}`, body: table(['', 'value'], measureRows(m, unit)) },
    { title: 'Gains by tier', body: table(g.head, g.rows) },
  ];
}
