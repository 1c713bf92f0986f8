import { USED_FOR } from './html-parts.js';
import type { ProfilePage } from '../../core/page/page-types.js';
import { channelBars, COLORS, comparisonBars, gainsCurve, tierBars } from './charts.js';
import { data, days, esc, figure, legend, missing, money, ratio, section, share, table } from './html-parts.js';

export function valueHtml(page: ProfilePage): string {
  const v = page.value;
  const parts: string[] = [];
  const oos = v.tier_a_out_of_sample;
  if (oos) {
    const holds = oos.share_of_value === null ? '' : ` held ${share(oos.share_of_value)} of ${v.measure}`;
    parts.push(
      `<p${data({ 'oos-tier-a-customers': oos.share_of_customers, 'oos-tier-a-value': oos.share_of_value })}><strong>Out of sample:</strong> on customers it did not see, tier A (${share(oos.share_of_customers)} of them)${esc(holds)}.</p>`,
    );
  }
  if ('missing' in v.tiers) {
    parts.push(missing(v.tiers.missing));
    return section('value', 'Where the value is', parts.join('\n'));
  }
  const tiers = v.tiers;
  if (v.in_sample)
    parts.push(
      '<p class="warning">In sample: these files built the ICP, so the figures flatter it; a held-out report (icp report --holdout 30%) gives honest ones.</p>',
    );
  parts.push(
    `<div class="charts">${figure(
      `${legend([
        ['accounts', COLORS.rest],
        [v.measure, COLORS.best],
      ])}${tierBars(tiers, v.measure)}`,
      `Share of accounts and of ${v.measure} per tier`,
    )}${figure(gainsCurve(tiers, v.measure), 'Gains: accounts taken tier by tier, A first; the dashed line is no targeting')}</div>`,
  );
  const rows = tiers.map((t) => [
    `Tier ${esc(t.tier)}`,
    String(t.accounts),
    share(t.share_of_accounts),
    share(t.share_of_measure),
    t.win_rate === null
      ? '–'
      : `${share(t.win_rate)}${t.win_rate_ci ? ` <span class="small">(${share(t.win_rate_ci[0])}–${share(t.win_rate_ci[1])})</span>` : ''}`,
    days(t.median_cycle_days),
    money(t.clv),
    money(t.cac),
    ratio(t.clv_cac_ratio),
  ]);
  const attrs = tiers.map((t) =>
    data({
      tier: t.tier,
      accounts: t.accounts,
      'share-of-accounts': t.share_of_accounts,
      'share-of-measure': t.share_of_measure,
      'win-rate': t.win_rate,
      clv: t.clv,
    }),
  );
  parts.push(table(['Tier', 'Accounts', 'Share of accounts', `Share of ${v.measure}`, 'Win rate (95%)', 'Median cycle', 'CLV', 'CAC', 'CLV/CAC'], rows, attrs));
  return section('value', 'Where the value is', parts.join('\n'));
}

export function comparisonHtml(page: ProfilePage): string {
  const c = page.comparison;
  if ('missing' in c) return section('comparison', 'ICP vs non-ICP', missing(c.missing));
  const fmt = (v: number | null, f: string) => (f === 'share' ? share(v) : f === 'days' ? days(v) : f === 'money' ? money(v) : v === null ? '–' : String(v));
  const rows = c.rows.map((r) => [esc(r.metric), fmt(r.icp, r.format), fmt(r.non_icp, r.format), ratio(r.ratio)]);
  const attrs = c.rows.map((r) => data({ metric: r.metric, icp: r.icp, 'non-icp': r.non_icp }));
  const shares = c.rows.filter((r) => r.format === 'share');
  const chart =
    shares.length > 0
      ? figure(
          `${legend([
            ['ICP', COLORS.best],
            ['non-ICP', COLORS.rest],
          ])}${comparisonBars(shares)}`,
          'ICP against non-ICP accounts',
        )
      : '';
  const warning = c.in_sample ? '<p class="warning">In sample: these rows built the ICP; expect the real difference to be smaller.</p>' : '';
  return section(
    'comparison',
    'ICP vs non-ICP',
    `${warning}<p data-verdict="true">${esc(c.verdict)}</p>\n<div class="charts">${chart}${table(['', 'ICP', 'non-ICP', 'ratio'], rows, attrs)}</div>`,
  );
}

export function channelsHtml(page: ProfilePage): string {
  const c = page.channels;
  if ('missing' in c) return section('channels', 'Channels', missing(c.missing));
  const rows = c.rows.map((r) => [esc(r.source), String(r.accounts), String(r.icp_accounts), share(r.icp_share), share(r.win_rate)]);
  const attrs = c.rows.map((r) => data({ source: r.source, accounts: r.accounts, 'icp-accounts': r.icp_accounts }));
  const more = c.rows.length > 12 ? ` (the chart shows the first 12 of ${c.rows.length})` : '';
  const chart = figure(
    `${legend([
      ['ICP', COLORS.best],
      ['other', COLORS.rest],
    ])}${channelBars(c)}`,
    `Accounts by ${c.column}${more}`,
  );
  const intro = `<p class="small">Which ${esc(c.column)} (${esc(c.file)}, per ${c.unit === 'deals' ? 'deal' : 'account'}) brings ICP accounts, and how their deals go.</p>`;
  return section(
    'channels',
    'Channels',
    `${intro}<div class="charts">${chart}${table([c.column, 'Accounts', 'ICP accounts', 'ICP share', 'Win rate'], rows, attrs)}</div>`,
  );
}

export function gapsHtml(page: ProfilePage): string {
  const g = page.gaps;
  if (g.categories.length === 0) return section('gaps', 'Gaps to fill', '<p>The files inform every ICP category.</p>');
  const intro =
    g.basis === 'files'
      ? '<p>The files cannot inform these ICP categories; ask customers in interviews:</p>'
      : '<p>No criterion covers these ICP categories (give --customers to see which ones the files cannot inform); ask customers in interviews:</p>';
  const items = g.categories.map(
    (c) => `<li${data({ gap: c.category })}><strong>${esc(c.category)}</strong><ul>${c.questions.map((q) => `<li>${esc(q)}</li>`).join('')}</ul></li>`,
  );
  return section('gaps', 'Gaps to fill', `${intro}<ul>${items.join('\n')}</ul>`);
}

export function appendixHtml(page: ProfilePage): string {
  const a = page.appendix;
  const items = a.items.map((i) => `<dt>${esc(i.term)}</dt><dd>${esc(i.text)}</dd>`).join('\n');
  const rows = a.sources.map((s) => [esc(s.name), esc(s.role), String(s.rows), `<code>${esc(s.sha256)}</code>`, USED_FOR[s.used_for]]);
  const attrs = a.sources.map((s) => data({ source: s.name, rows: s.rows, sha256: s.sha256 }));
  return `<div class="appendix">${section('appendix', 'How each number was computed', `<dl>${items}</dl>\n${table(['File', 'Role', 'Rows', 'sha256', 'Used for'], rows, attrs, 'sources')}`)}</div>`;
}
