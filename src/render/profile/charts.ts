import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { percentText } from '../../core/percent.js';
import type { ChannelsSection, CriterionCard, TierRow } from '../../core/page/page-types.js';

// Charts are drawn once, at build time, as SVG: Observable Plot on a server-side DOM (linkedom). Each bar's
// <title> holds its exact counts (shown on hover, with scripts off); the <svg> has role="img" and a label.

/** Colours with at least 4.5:1 contrast on white (WCAG AA for text, so for the bars beside their labels). */
export const COLORS = { best: '#1d4ed8', rest: '#6b7280', anti: '#b91c1c', ink: '#1b1f24' } as const;

function svg(options: Plot.PlotOptions, label: string, description: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ document, style: { color: COLORS.ink, fontSize: '11px' }, ariaLabel: label, ariaDescription: description, ...options });
  chart.setAttribute('role', 'img');
  // linkedom leaves < and > as they are inside attribute values (which HTML allows); escape them as well, so
  // that no tag-like text from the data stands in the file at all.
  return chart.outerHTML.replace(/="([^"]*)"/g, (_: string, value: string) => `="${value.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
}

const interval = (ci: [number, number] | null) => (ci ? `, 95% interval ${percentText(ci[0])} to ${percentText(ci[1])}` : '');

/** Twin bars: the share of the best customers and of the rest with the value, each with its 95% interval. */
export function twinBars(
  card: Pick<CriterionCard, 'label' | 'points' | 'best' | 'rest'>,
  groups: readonly [string, string] = ['Best customers', 'The rest'],
): string {
  const rows = [
    { group: groups[0], bar: card.best, color: card.points > 0 ? COLORS.best : COLORS.anti },
    { group: groups[1], bar: card.rest, color: COLORS.rest },
  ].flatMap((r) => (r.bar ? [{ ...r, bar: r.bar }] : []));
  const data = rows.map((r) => ({
    group: r.group,
    share: r.bar.share,
    lo: r.bar.ci?.[0] ?? r.bar.share,
    hi: r.bar.ci?.[1] ?? r.bar.share,
    color: r.color,
    title: `${r.group}: ${percentText(r.bar.share)} (${r.bar.count} of ${r.bar.n})${interval(r.bar.ci)}`,
  }));
  const description = data.map((d) => d.title).join('; ');
  return svg(
    {
      width: 300,
      height: 84,
      marginTop: 6,
      marginBottom: 24,
      marginLeft: 96,
      marginRight: 24,
      x: { domain: [0, 1], tickFormat: (d: number) => percentText(d), ticks: 4, label: null },
      y: { label: null, domain: data.map((d) => d.group) },
      marks: [
        Plot.barX(data, { y: 'group', x: 'share', fill: (d: (typeof data)[number]) => d.color, title: 'title', insetTop: 4, insetBottom: 4 }),
        Plot.ruleY(data, { y: 'group', x1: 'lo', x2: 'hi', stroke: COLORS.ink, strokeWidth: 1.5 }),
        Plot.ruleX([0], { stroke: COLORS.ink }),
      ],
    },
    `${card.label}: ${groups[0].toLowerCase()} vs ${groups[1].toLowerCase()}`,
    description,
  );
}

/** Per tier, its share of the accounts next to its share of the measure. */
export function tierBars(tiers: readonly TierRow[], measure: string): string {
  const data = tiers.flatMap((t) => [
    { tier: t.tier, what: 'accounts', share: t.share_of_accounts, title: `Tier ${t.tier}: ${percentText(t.share_of_accounts)} of accounts (${t.accounts})` },
    ...(t.share_of_measure === null
      ? []
      : [{ tier: t.tier, what: measure, share: t.share_of_measure, title: `Tier ${t.tier}: ${percentText(t.share_of_measure)} of ${measure}` }]),
  ]);
  return svg(
    {
      width: 340,
      height: 170,
      marginBottom: 34,
      fx: { label: null, tickFormat: (t: string) => `Tier ${t}` },
      x: { axis: null, domain: ['accounts', measure] },
      y: { tickFormat: (d: number) => percentText(d), label: null, ticks: 4 },
      color: { domain: ['accounts', measure], range: [COLORS.rest, COLORS.best] },
      marks: [Plot.barY(data, { fx: 'tier', x: 'what', y: 'share', fill: 'what', title: 'title' }), Plot.ruleY([0], { stroke: COLORS.ink })],
    },
    `Share of accounts and of ${measure} per tier`,
    data.map((d) => d.title).join('; '),
  );
}

/** The gains curve: accounts taken tier by tier (A first) against the share of the measure they hold. */
export function gainsCurve(tiers: readonly TierRow[], measure: string): string {
  const points = [
    { x: 0, y: 0, title: 'start' },
    ...tiers.flatMap((t) =>
      t.cumulative_share_of_measure === null
        ? []
        : [
            {
              x: t.cumulative_share_of_accounts,
              y: t.cumulative_share_of_measure,
              title: `Tiers to ${t.tier}: ${percentText(t.cumulative_share_of_accounts)} of accounts hold ${percentText(t.cumulative_share_of_measure)} of ${measure}`,
            },
          ],
    ),
  ];
  return svg(
    {
      width: 240,
      height: 170,
      x: { domain: [0, 1], tickFormat: (d: number) => percentText(d), ticks: 4, label: 'accounts →' },
      y: { domain: [0, 1], tickFormat: (d: number) => percentText(d), ticks: 4, label: `↑ ${measure}` },
      marks: [
        Plot.line(
          [
            [0, 0],
            [1, 1],
          ],
          { stroke: COLORS.rest, strokeDasharray: '4 3' },
        ),
        Plot.line(points, { x: 'x', y: 'y', stroke: COLORS.best, strokeWidth: 2 }),
        Plot.dot(points.slice(1), { x: 'x', y: 'y', fill: COLORS.best, r: 4, title: 'title' }),
      ],
    },
    `Gains curve: share of ${measure} against share of accounts, tier by tier`,
    points
      .slice(1)
      .map((p) => p.title)
      .join('; '),
  );
}

/** ICP against non-ICP on the shares of the comparison (win rate, conversion). */
export function comparisonBars(rows: readonly { metric: string; icp: number | null; non_icp: number | null }[]): string {
  const data = rows.flatMap((r) =>
    (
      [
        ['ICP', r.icp],
        ['non-ICP', r.non_icp],
      ] as const
    ).flatMap(([segment, v]) => (v === null ? [] : [{ metric: r.metric, segment, value: v, title: `${r.metric}, ${segment}: ${percentText(v)}` }])),
  );
  return svg(
    {
      width: 320,
      height: 40 + 34 * rows.length,
      marginLeft: 110,
      fy: { label: null },
      y: { axis: null, domain: ['ICP', 'non-ICP'] },
      x: { domain: [0, 1], tickFormat: (d: number) => percentText(d), ticks: 4, label: null },
      color: { domain: ['ICP', 'non-ICP'], range: [COLORS.best, COLORS.rest] },
      marks: [Plot.barX(data, { fy: 'metric', y: 'segment', x: 'value', fill: 'segment', title: 'title' }), Plot.ruleX([0], { stroke: COLORS.ink })],
    },
    'ICP against non-ICP accounts',
    data.map((d) => d.title).join('; '),
  );
}

/** Per source, its ICP accounts and its other accounts. */
export function channelBars(channels: ChannelsSection): string {
  const rows = channels.rows.slice(0, 12);
  const data = rows.flatMap((r) => [
    { source: r.source, kind: 'ICP', accounts: r.icp_accounts, title: `${r.source}: ${r.icp_accounts} ICP accounts of ${r.accounts}` },
    {
      source: r.source,
      kind: 'other',
      accounts: r.accounts - r.icp_accounts,
      title: `${r.source}: ${r.accounts - r.icp_accounts} other accounts of ${r.accounts}`,
    },
  ]);
  return svg(
    {
      width: 340,
      height: 44 + 22 * rows.length,
      marginLeft: 120,
      y: { label: null, domain: rows.map((r) => r.source) },
      x: { label: 'accounts →' },
      color: { domain: ['ICP', 'other'], range: [COLORS.best, COLORS.rest] },
      marks: [Plot.barX(data, { y: 'source', x: 'accounts', fill: 'kind', title: 'title' }), Plot.ruleX([0], { stroke: COLORS.ink })],
    },
    `ICP accounts by ${channels.column}`,
    data.map((d) => d.title).join('; '),
  );
}
