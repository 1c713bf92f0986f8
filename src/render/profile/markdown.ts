import type { CriterionCard, DealPersonasPage, PersonaCard, ProfilePage, ShareBar } from '../../core/page/page-types.js';
import { markdownTable } from '../markdown.js';
import { days, money, qText, ratio, share, USED_FOR } from './html-parts.js';

const interval = (ci: [number, number] | null) => (ci ? ` (${share(ci[0])}–${share(ci[1])})` : '');

/** A share with its interval and counts: `75% (68%–80%), 146 of 195`. */
const bar = (b: ShareBar | null) => (b ? `${share(b.share)}${interval(b.ci)}, ${b.count} of ${b.n}` : '–');

function cardRow(c: CriterionCard): string[] {
  return [
    c.label,
    `${c.points > 0 ? '+' : ''}${c.points}${c.disqualify ? ' (disqualifies)' : ''}`,
    bar(c.best),
    bar(c.rest),
    c.lift === null ? '–' : c.lift.toFixed(2),
    c.q_value === null ? '–' : qText(c.q_value),
  ];
}

const CARD_HEAD = ['Criterion', 'Points', 'Best customers (95%)', 'The rest (95%)', 'Lift', 'q'];

function who(page: ProfilePage): string[] {
  const w = page.who;
  if (w.empty) return ['## Who they are', '', `_${w.empty}_`];
  const out = ['## Who they are'];
  for (const g of w.groups) out.push('', `### ${g.title}`, '', markdownTable(CARD_HEAD, g.cards.map(cardRow)));
  if (w.not_our_customer.length > 0) out.push('', '### Not our customer', '', markdownTable(CARD_HEAD, w.not_our_customer.map(cardRow)));
  return out;
}

function value(page: ProfilePage): string[] {
  const v = page.value;
  const out = ['## Where the value is', ''];
  const oos = v.tier_a_out_of_sample;
  if (oos)
    out.push(`Out of sample: tier A, ${share(oos.share_of_customers)} of the customers it did not see, held ${share(oos.share_of_value)} of ${v.measure}.`, '');
  if ('missing' in v.tiers) return [...out, `_${v.tiers.missing}_`];
  if (v.in_sample) out.push('**In sample:** these files built the ICP, so the figures flatter it.', '');
  const rows = v.tiers.map((t) => [
    t.tier,
    String(t.accounts),
    share(t.share_of_accounts),
    share(t.share_of_measure),
    share(t.cumulative_share_of_measure),
    `${share(t.win_rate)}${interval(t.win_rate_ci)}`,
    days(t.median_cycle_days),
    money(t.clv),
    money(t.cac),
    ratio(t.clv_cac_ratio),
  ]);
  const head = ['Tier', 'Accounts', 'Share of accounts', `Share of ${v.measure}`, 'Cumulative', 'Win rate (95%)', 'Median cycle', 'CLV', 'CAC', 'CLV/CAC'];
  return [...out, markdownTable(head, rows)];
}

function comparison(page: ProfilePage): string[] {
  const c = page.comparison;
  if ('missing' in c) return ['## ICP vs non-ICP', '', `_${c.missing}_`];
  const fmt = (v: number | null, f: string) => (f === 'share' ? share(v) : f === 'days' ? days(v) : f === 'money' ? money(v) : v === null ? '–' : String(v));
  const rows = c.rows.map((r) => [r.metric, fmt(r.icp, r.format), fmt(r.non_icp, r.format), ratio(r.ratio)]);
  return ['## ICP vs non-ICP', '', c.verdict, '', markdownTable(['', 'ICP', 'non-ICP', 'ratio'], rows)];
}

function channels(page: ProfilePage): string[] {
  const c = page.channels;
  if ('missing' in c) return ['## Channels', '', `_${c.missing}_`];
  const rows = c.rows.map((r) => [r.source, String(r.accounts), String(r.icp_accounts), share(r.icp_share), share(r.win_rate)]);
  return ['## Channels', '', markdownTable([c.column, 'Accounts', 'ICP accounts', 'ICP share', 'Win rate'], rows)];
}

const personaRow = (x: PersonaCard) => [x.name, bar(x.best), bar(x.rest), x.lift === null ? '–' : x.lift.toFixed(2), qText(x.q_value), x.titles.join('; ')];

function dealPersonas(d: DealPersonasPage): string[] {
  const rows = d.personas.map((x) => [...personaRow(x).slice(0, 5), x.buying_role ?? '–', x.titles.join('; ')]);
  const decision = d.decision.map((x) => `${x.seniority} ${share(x.share)}`).join(', ');
  const primary = d.primary.map((x) => `${x.function} ${share(x.share)}`).join(', ');
  return [
    '',
    '### On deals',
    '',
    `From ${d.contact_roles}: the contacts of ${d.deals.won} won and ${d.deals.lost} lost deals of ${d.deals.accounts} accounts.`,
    '',
    ...(rows.length > 0
      ? [markdownTable(['Deal persona', 'Won deals (95%)', 'Lost deals (95%)', 'Lift', 'q', 'Role on the deal', 'Typical titles'], rows), '']
      : []),
    ...d.notes.flatMap((n) => [n, '']),
    `Where the decision sits on won deals (the most senior contact of each): ${decision}`,
    ...(primary ? ['', `Primary contact of won deals, by function: ${primary}`] : []),
  ];
}

function personas(page: ProfilePage): string[] {
  const p = page.personas;
  if ('missing' in p) return ['## Personas', '', `_${p.missing}_`];
  const rows = p.personas.map(personaRow);
  const decision = p.decision.map((d) => `${d.seniority} ${share(d.share)}`).join(', ');
  return [
    '## Personas',
    '',
    `From ${p.contacts}: accounts with contacts, ${p.accounts.best} best customers and ${p.accounts.rest} others.`,
    '',
    ...(rows.length > 0 ? [markdownTable(['Persona', 'Best customers (95%)', 'The rest (95%)', 'Lift', 'q', 'Typical titles'], rows), ''] : []),
    ...p.notes.flatMap((n) => [n, '']),
    `Where the decision sits (the most senior contact of each best customer): ${decision}`,
    ...(p.deals ? dealPersonas(p.deals) : []),
  ];
}

function gaps(page: ProfilePage): string[] {
  const g = page.gaps;
  if (g.categories.length === 0) return ['## Gaps to fill', '', 'The files inform every ICP category.'];
  const intro =
    g.basis === 'files'
      ? 'The files cannot inform these ICP categories; ask customers in interviews:'
      : 'No criterion covers these ICP categories; ask customers in interviews:';
  return ['## Gaps to fill', '', intro, '', ...g.categories.flatMap((c) => [`- **${c.category}**`, ...c.questions.map((q) => `  - ${q}`)])];
}

function appendix(page: ProfilePage): string[] {
  const a = page.appendix;
  const rows = a.sources.map((s) => [s.name, s.role, String(s.rows), `\`${s.sha256}\``, USED_FOR[s.used_for]]);
  return [
    '## How each number was computed',
    '',
    ...a.items.map((i) => `- **${i.term}**: ${i.text}`),
    '',
    markdownTable(['File', 'Role', 'Rows', 'sha256', 'Used for'], rows),
  ];
}

/** The page's sections for a wiki: the same numbers, each chart as its table. */
export function renderProfileMarkdown(page: ProfilePage): string {
  const tiles = page.headline.tiles.map((t) => [t.label, t.value, t.detail ?? '']);
  const lines = [
    `# ${page.title}`,
    '',
    `_Ideal Customer Profile from ${page.icp.file} (${page.icp.status}, derived ${page.icp.generated_at.slice(0, 10)}); page made ${page.generated_at.slice(0, 10)} by icp._`,
    '',
    `**${page.headline.sentence}**`,
    '',
    markdownTable(['', 'Figure', 'Detail'], tiles),
    '',
    ...who(page),
    '',
    ...value(page),
    '',
    ...comparison(page),
    '',
    ...channels(page),
    '',
    ...personas(page),
    '',
    ...gaps(page),
    '',
    ...appendix(page),
  ];
  return `${lines.join('\n')}\n`;
}
