import type { DealQuality } from '../profile/deal-types.js';
import type { CompiledIcp } from '../score/compile.js';
import type { Warning } from '../warnings.js';
import type { DataQuality } from './report-types.js';
import { agree, plural } from '../plural.js';

/**
 * Deals that joined no customer, those with a blank account apart: "7 deals have no account; 1 deal matches
 * no customer (e.g. "999")". `examples` are written as given (quoted or not by the caller).
 */
export function unmatchedDealsText(count: number, withoutAccount: number, examples: readonly string[], target: string): string {
  const parts: string[] = [];
  if (withoutAccount > 0) parts.push(`${plural(withoutAccount, 'deal')} ${agree(withoutAccount, 'has', 'have')} no account`);
  const other = count - withoutAccount;
  if (other > 0)
    parts.push(`${plural(other, 'deal')} ${agree(other, 'matches', 'match')} no ${target}${examples.length > 0 ? ` (e.g. ${examples.join(', ')})` : ''}`);
  return parts.join('; ');
}

/** The data_quality section: what was dropped or doubtful in the inputs, with counts. */
export function dataQuality(input: {
  deals: DealQuality | null;
  duplicateCustomers: number;
  duplicateDeals: number;
  duplicateLeads: number;
  compiled: CompiledIcp;
  leadsWithoutOutcome: number;
}): DataQuality {
  const q = input.deals;
  const unknown = q?.unknownStages ?? [];
  return {
    deals_total: q?.total ?? null,
    deals_matched: q?.matched ?? null,
    unmatched_deals: { count: q?.unmatched ?? 0, without_account: q?.withoutKey ?? 0, examples: q?.unmatchedExamples ?? [] },
    deals_outside_window: q?.outsideWindow ?? 0,
    deals_without_close_date: q?.withoutCloseDate ?? 0,
    deals_without_dates: { count: q?.withoutDates ?? 0 },
    negative_cycles: { count: q?.negativeCycles ?? 0, won_excluded: q?.negativeWonCycles ?? 0 },
    won_deals_without_amount: q?.withoutAmount ?? 0,
    unknown_stages: { count: unknown.reduce((s, u) => s + u.count, 0), stages: unknown },
    duplicate_keys: {
      count: input.duplicateCustomers + input.duplicateDeals + input.duplicateLeads,
      customers: input.duplicateCustomers,
      deals: input.duplicateDeals,
      leads: input.duplicateLeads,
    },
    outcome_source: q?.outcomeSource ?? null,
    cycle_start: q?.cycleStart ?? null,
    missing_criteria: input.compiled.criteria.filter((c) => c.column === undefined).map((c) => ({ label: c.criterion.label, column: c.criterion.column })),
    leads_without_outcome: input.leadsWithoutOutcome,
  };
}

/** The data_quality findings as warnings for stderr, one per kind, each naming its file. */
export function dataQualityWarnings(dq: DataQuality, files: { customers: string; deals?: string | undefined; leads?: string | undefined }): Warning[] {
  const out: Warning[] = [];
  const deals = files.deals;
  if (deals !== undefined) {
    if (dq.unmatched_deals.count > 0) {
      const u = dq.unmatched_deals;
      out.push({ file: deals, message: `${unmatchedDealsText(u.count, u.without_account, u.examples, `account in ${files.customers}`)}: left out` });
    }
    if (dq.deals_without_dates.count > 0)
      out.push({
        file: deals,
        message: `${plural(dq.deals_without_dates.count, 'deal')} ${agree(dq.deals_without_dates.count, 'has', 'have')} neither a create nor a close date`,
      });
    if (dq.cycle_start?.from === 'customers') out.push({ file: deals, message: cycleStartText(dq.cycle_start.column, files.customers) });
    if (dq.negative_cycles.count > 0) out.push({ file: deals, message: negativeCycleText(dq.negative_cycles, dq.cycle_start) });
    if (dq.unknown_stages.count > 0) {
      const names = dq.unknown_stages.stages
        .slice(0, 5)
        .map((s) => `"${s.stage}" (${s.count})`)
        .join(', ');
      out.push({
        file: deals,
        message: `${plural(dq.unknown_stages.count, 'deal')} ${agree(dq.unknown_stages.count, 'has', 'have')} a stage icp does not know, counted as open: ${names}`,
      });
    }
    if (dq.duplicate_keys.deals > 0)
      out.push({
        file: deals,
        message: `${plural(dq.duplicate_keys.deals, 'deal id')} ${agree(dq.duplicate_keys.deals, 'repeats', 'repeat')}: each row is counted as a deal`,
      });
    if (dq.won_deals_without_amount > 0)
      out.push({
        file: deals,
        message: `${plural(dq.won_deals_without_amount, 'won deal')} ${agree(dq.won_deals_without_amount, 'has', 'have')} no amount: counted as 0 in won value`,
      });
  }
  if (dq.duplicate_keys.customers > 0) {
    out.push({
      file: files.customers,
      message: `${plural(dq.duplicate_keys.customers, 'key')} ${agree(dq.duplicate_keys.customers, 'repeats', 'repeat')}; their rows were combined into one account`,
    });
  }
  if (dq.duplicate_keys.leads > 0 && files.leads !== undefined)
    out.push({ file: files.leads, message: `${plural(dq.duplicate_keys.leads, 'lead key')} ${agree(dq.duplicate_keys.leads, 'repeats', 'repeat')}` });
  for (const m of dq.missing_criteria) out.push({ file: files.customers, message: `no column "${m.column}" for "${m.label}": unknown for every account` });
  if (dq.leads_without_outcome > 0 && files.leads !== undefined) {
    out.push({
      file: files.leads,
      message: `${plural(dq.leads_without_outcome, 'lead')} ${agree(dq.leads_without_outcome, 'has', 'have')} no readable converted value: left out of conversion rates`,
    });
  }
  return out;
}

/**
 * `3491 deals closed before they were created (488 of them won, left out of the cycle figures)`; with cycles
 * from the customers' dates, `... closed before their customer's "first_contact_date" ...`.
 */
export function negativeCycleText(n: { count: number; won_excluded: number }, start?: { from: 'deals' | 'customers'; column: string } | null): string {
  const one = n.count === 1;
  const before =
    start?.from === 'customers' ? `before ${one ? 'its' : 'their'} customer's "${start.column}"` : `before ${one ? 'it was' : 'they were'} created`;
  const won = one ? (n.won_excluded === 1 ? 'won' : 'not won') : `${n.won_excluded} of them won`;
  return `${plural(n.count, 'deal')} closed ${before} (${won}, left out of the cycle figures)`;
}

/** `no create date: sales cycles run from leads.csv's "first_contact_date" to each customer's first won deal`. */
export function cycleStartText(column: string, customers: string): string {
  return `no create date: sales cycles run from ${customers}'s "${column}" to each customer's first won deal`;
}
