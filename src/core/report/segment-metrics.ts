import { median, wilsonInterval } from '../stats/index.js';
import type { AccountOutcome } from './accounts.js';
import type { LeadOutcome } from './leads.js';
import type { SegmentMetrics } from './report-types.js';

/** What the whole report knows about its inputs, which decides why a figure may be missing. */
export interface MetricContext {
  hasDeals: boolean;
  /** The deals have an amount column. */
  hasAmount: boolean;
  outcomeSource: 'stage' | 'won_flag' | 'all_won' | null;
  /** Lifetime value column of customers, used for won value when there are no deals. */
  lifetimeValueColumn: string | null;
  hasLeads: boolean;
  /** Spend per account key, when spend is known. */
  spend: ReadonlyMap<string, number> | null;
}

/** a / b, or null with a note when b is 0 or either is unknown. */
function ratio(a: number | null, b: number | null, name: string, why: string, notes: string[]): number | null {
  if (a === null || b === null) return null;
  if (b === 0) {
    notes.push(`${name}: ${why}`);
    return null;
  }
  return a / b;
}

/** Deal counts, win rate, cycle and won value of a group of accounts. */
function dealFigures(accounts: readonly AccountOutcome[], ctx: MetricContext, m: SegmentMetrics): void {
  const n = m.notes;
  if (!ctx.hasDeals) {
    n.push('deals, win_rate, median_cycle_days, avg_won_value: no deals file (--deals)');
    if (ctx.lifetimeValueColumn !== null) {
      m.total_won_value = accounts.reduce((s, a) => s + (a.lifetimeValue ?? 0), 0);
      n.push(`total_won_value: the customers' ${JSON.stringify(ctx.lifetimeValueColumn)} column (no deals file)`);
    } else {
      n.push('total_won_value, clv: no deals file and no lifetime value column in customers');
    }
    return;
  }
  let deals = 0,
    won = 0,
    lost = 0,
    open = 0,
    value = 0,
    wonAccounts = 0;
  const cycles: number[] = [];
  for (const a of accounts) {
    const s = a.stats;
    if (!s) continue;
    deals += s.deals;
    won += s.won;
    lost += s.lost;
    open += s.open;
    value += s.wonValue;
    if (s.won > 0) wonAccounts++;
    cycles.push(...s.cycleDays);
  }
  Object.assign(m, { deals, won, lost, open, won_accounts: wonAccounts });
  if (ctx.outcomeSource === 'all_won') {
    n.push('win_rate: the deals file has no stage or won column, so every deal counts as won and a win rate means nothing');
  } else if (won + lost === 0) {
    n.push('win_rate: no closed (won or lost) deals');
  } else {
    m.win_rate = won / (won + lost);
    m.win_rate_ci = wilsonInterval(won, won + lost);
  }
  m.median_cycle_days = median(cycles);
  if (m.median_cycle_days === null) n.push('median_cycle_days: no won deal with both a create (or engage) date and a close date');
  if (!ctx.hasAmount) {
    n.push('avg_won_value, total_won_value, clv: the deals file has no amount column');
    return;
  }
  m.total_won_value = value;
  m.avg_won_value = ratio(value, won, 'avg_won_value', 'no won deals', n);
}

/** Leads, conversions and their rate (with a Wilson interval). */
function leadFigures(leads: readonly LeadOutcome[], m: SegmentMetrics): void {
  const converted = leads.filter((l) => l.converted).length;
  m.leads = leads.length;
  m.converted = converted;
  m.conversion_rate = leads.length > 0 ? converted / leads.length : null;
  m.conversion_rate_ci = wilsonInterval(converted, leads.length);
  if (leads.length === 0) m.notes.push('conversion_rate: no leads in this group');
}

/** Spend on the group's accounts, CAC (spend per won customer) and CLV / CAC. */
function spendFigures(accounts: readonly AccountOutcome[], spend: ReadonlyMap<string, number>, m: SegmentMetrics): void {
  m.spend = accounts.reduce((s, a) => s + (spend.get(a.key) ?? 0), 0);
  m.cac = null;
  m.clv_cac_ratio = null;
  if (m.won_accounts === null) {
    m.notes.push('cac: no deals file, so no account is known to be won');
    return;
  }
  m.cac = ratio(m.spend, m.won_accounts, 'cac', 'no account with a won deal', m.notes);
  m.clv_cac_ratio = ratio(m.clv, m.cac, 'clv_cac_ratio', 'no spend on these accounts', m.notes);
}

/** Every outcome figure of one group of accounts (and the leads in the same tiers). */
export function segmentMetrics(accounts: readonly AccountOutcome[], leads: readonly LeadOutcome[], ctx: MetricContext): SegmentMetrics {
  const m: SegmentMetrics = {
    accounts: accounts.length,
    deals: null,
    won: null,
    lost: null,
    open: null,
    won_accounts: null,
    win_rate: null,
    win_rate_ci: null,
    median_cycle_days: null,
    avg_won_value: null,
    total_won_value: null,
    clv: null,
    notes: [],
  };
  if (accounts.length === 0) {
    // One plain reason instead of a note per figure: an empty segment is a finding, not a failure.
    Object.assign(m, ctx.hasDeals ? { deals: 0, won: 0, lost: 0, open: 0, won_accounts: 0 } : {});
    m.notes.push('win_rate, median_cycle_days, avg_won_value, clv: no accounts in this group');
  } else {
    dealFigures(accounts, ctx, m);
    if (m.total_won_value !== null) m.clv = m.total_won_value / accounts.length;
  }
  if (ctx.hasLeads) leadFigures(leads, m);
  if (ctx.spend) spendFigures(accounts, ctx.spend, m);
  // Notes last, so that a reader of the JSON sees the figures first.
  const { notes, ...figures } = m;
  return { ...figures, notes };
}
