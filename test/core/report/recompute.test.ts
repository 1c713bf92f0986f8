import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive/derive.js';
import type { Criterion, IcpDocument } from '../../../src/core/icp/schema.js';
import { buildReport } from '../../../src/core/report/build-report.js';
import type { SegmentMetrics } from '../../../src/core/report/report-types.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

/**
 * Recomputes every figure of `segments` and `tiers` from the raw fixture CSVs with a small independent
 * implementation (papaparse objects, the ICP's criteria evaluated here, deals joined on Associated Company
 * IDs by hand), and checks that buildReport gives the same numbers.
 */
type Row = Record<string, string>;
const text = (name: string) => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');
const rowsOf = (csv: string) => Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;
const CUSTOMERS = text('customers.csv');
const DEALS = text('deals.csv');
const LEADS = text('leads.csv');
const SPEND = 'Channel,Spend\nOrganic Search,"$9,000.00"\nPaid Search,46000\nReferrals,5000\nSocial Media,3000\nTV,12000\n';
const DAY = 86_400_000;

// --- the ICP, evaluated by hand -------------------------------------------------------------------
const MISSING = new Set(['', 'n/a', '-', 'null', 'select', '(none)', 'none', 'na', '#n/a', 'nan', 'undefined', 'unknown']);
const missing = (v: string | undefined) => v === undefined || MISSING.has(v.trim().toLowerCase());
const num = (v: string) => Number(v.replace(/[$,\s]/g, ''));

function matches(c: Criterion, row: Row): boolean | null {
  const raw = row[c.column];
  if (missing(raw)) return null;
  const v = (raw as string).trim();
  const m = c.match;
  if ('in' in m) return m.in.some((x) => x.toLowerCase() === v.toLowerCase());
  if ('contains_any' in m) return v.split(';').some((t) => m.contains_any.some((x) => x.toLowerCase() === t.trim().toLowerCase()));
  if ('range' in m) {
    const n = num(v);
    return (m.range.min === undefined || n >= m.range.min) && (m.range.max === undefined || n <= m.range.max);
  }
  return (v.toLowerCase() === 'true') === m.equals;
}

function tierOf(doc: IcpDocument, row: Row): { tier: string; score: number } {
  let points = 0;
  let knocked = false;
  for (const c of doc.criteria) {
    if (matches(c, row) !== true) continue;
    points += c.points;
    if (c.disqualify) knocked = true;
  }
  const score = Math.max(0, Math.min(100, points));
  if (knocked) return { tier: 'disqualified', score };
  const t = doc.tiers;
  const tier = score >= t.A ? 'A' : t.B !== undefined && score >= t.B ? 'B' : t.B !== undefined && t.C !== undefined && score >= t.C ? 'C' : 'D';
  return { tier, score };
}

// --- outcomes, by hand ----------------------------------------------------------------------------
const date = (v: string | undefined) => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec((v ?? '').trim());
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) : null;
};
const wilson = (k: number, n: number): [number, number] => {
  const z = 1.959963984540054,
    p = k / n,
    d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d,
    h = (z / d) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [k === 0 ? 0 : c - h, k === n ? 1 : c + h];
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b),
    k = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};

interface Account {
  id: string;
  tier: string;
  icp: boolean;
  source: string;
  deals: number;
  won: number;
  lost: number;
  open: number;
  value: number;
  cycles: number[];
}

function byHand(doc: IcpDocument, icpTiers: string[], window: { since?: number; until?: number }) {
  const accounts = new Map<string, Account>();
  for (const r of rowsOf(CUSTOMERS)) {
    const { tier } = tierOf(doc, r);
    const source = missing(r['Original Source']) ? '' : r['Original Source']!.trim().toLowerCase();
    accounts.set(r['Record ID']!, {
      id: r['Record ID']!,
      tier,
      icp: icpTiers.includes(tier),
      source,
      deals: 0,
      won: 0,
      lost: 0,
      open: 0,
      value: 0,
      cycles: [],
    });
  }
  for (const d of rowsOf(DEALS)) {
    const close = date(d['Close Date']);
    const create = date(d['Create Date']);
    if (window.since !== undefined || window.until !== undefined) {
      if (close === null || (window.since !== undefined && close < window.since) || (window.until !== undefined && close > window.until)) continue;
    }
    const a = accounts.get(d['Associated Company IDs']!.split(';')[0]!.trim());
    if (!a) continue;
    const stage = d['Deal Stage'];
    const outcome = stage === 'Closed Won' ? 'won' : stage === 'Closed Lost' ? 'lost' : 'open';
    a.deals++;
    a[outcome]++;
    if (outcome !== 'won') continue;
    if (!missing(d.Amount)) a.value += num(d.Amount!);
    if (close !== null && create !== null && close >= create) a.cycles.push((close - create) / DAY);
  }
  const leads = rowsOf(LEADS).map((r) => {
    const { tier } = tierOf(doc, r);
    return { tier, icp: icpTiers.includes(tier), converted: r.Converted === 'true' };
  });
  // Spend: each channel's amount shared equally by the accounts whose Original Source it is.
  const spendByAccount = new Map<string, number>();
  for (const s of rowsOf(SPEND)) {
    const key = s.Channel!.toLowerCase();
    const brought = [...accounts.values()].filter((a) => a.source === key);
    for (const a of brought) spendByAccount.set(a.id, (spendByAccount.get(a.id) ?? 0) + num(s.Spend!) / brought.length);
  }
  const figures = (pick: (a: { tier: string; icp: boolean }) => boolean) => {
    const group = [...accounts.values()].filter(pick);
    const sum = (f: (a: Account) => number) => group.reduce((s, a) => s + f(a), 0);
    const [won, lost] = [sum((a) => a.won), sum((a) => a.lost)];
    const ls = leads.filter(pick);
    const converted = ls.filter((l) => l.converted).length;
    const wonAccounts = group.filter((a) => a.won > 0).length;
    const total = sum((a) => a.value);
    const spend = sum((a) => spendByAccount.get(a.id) ?? 0);
    const clv = group.length ? total / group.length : null;
    const cac = wonAccounts ? spend / wonAccounts : null;
    return {
      accounts: group.length,
      deals: sum((a) => a.deals),
      won,
      lost,
      open: sum((a) => a.open),
      won_accounts: wonAccounts,
      win_rate: won + lost ? won / (won + lost) : null,
      win_rate_ci: won + lost ? wilson(won, won + lost) : null,
      median_cycle_days: median(group.flatMap((a) => a.cycles)),
      avg_won_value: won ? total / won : null,
      total_won_value: group.length ? total : null,
      clv,
      leads: ls.length,
      converted,
      conversion_rate: ls.length ? converted / ls.length : null,
      conversion_rate_ci: ls.length ? wilson(converted, ls.length) : null,
      spend,
      cac,
      clv_cac_ratio: clv !== null && cac ? clv / cac : null,
    };
  };
  return { figures, accounts };
}

/** Each figure equal to the hand-computed one (floating point to 9 digits). */
function expectSame(actual: SegmentMetrics | undefined, expected: Record<string, unknown>, where: string): void {
  expect(actual, where).toBeDefined();
  for (const [name, want] of Object.entries(expected)) {
    const got = (actual as unknown as Record<string, unknown>)[name];
    if (typeof want === 'number') expect(got, `${where}.${name}`).toBeCloseTo(want, 9);
    else if (Array.isArray(want))
      (want as number[]).forEach((w, i) => {
        expect((got as number[])[i], `${where}.${name}[${i}]`).toBeCloseTo(w, 9);
      });
    else expect(got, `${where}.${name}`).toEqual(want);
  }
}

const HAND: IcpDocument = {
  version: 1,
  name: 'hand-written',
  status: 'manual',
  generated_at: '2026-11-23T00:00:00Z',
  source: [],
  cohort: { measure: 'manual', rule: 'by hand', size: 0, total: 0, share_of_value: null },
  criteria: [
    {
      column: 'Industry',
      attribute: 'industry',
      category: 'firmographic',
      label: 'Industry',
      match: { in: ['computer software', 'Financial Services'] },
      points: 30,
    },
    {
      column: 'Number of Employees',
      attribute: 'employees',
      category: 'firmographic',
      label: 'Employees',
      match: { range: { min: 22, max: 900 } },
      points: 20,
    },
    {
      column: 'Web Technologies',
      attribute: 'technologies',
      category: 'technographic',
      label: 'Tech',
      match: { contains_any: ['Salesforce', 'Slack'] },
      points: 30,
    },
    { column: 'Has Mobile App', attribute: 'has_mobile_app', category: 'other', label: 'App', match: { equals: true }, points: 20 },
    { column: 'Country/Region', attribute: 'country', category: 'firmographic', label: 'India', match: { in: ['India'] }, points: -10, disqualify: true },
  ],
  tiers: { A: 70, B: 50, C: 25 },
};

function derived(): IcpDocument {
  const options = { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 };
  return derive({
    customers: tableFromCsv('customers.csv', CUSTOMERS),
    deals: tableFromCsv('deals.csv', DEALS),
    options,
    generatedAt: '2026-11-23T00:00:00Z',
    recordedOptions: {},
  }).doc;
}

const CASES: { name: string; doc: () => IcpDocument; icpTiers: ('A' | 'B' | 'C' | 'D')[]; since?: number; until?: number }[] = [
  { name: 'a hand-written ICP with every match kind and a knockout', doc: () => HAND, icpTiers: ['A', 'B'] },
  {
    name: 'the same, ICP = tier A only, deals closed in 2025',
    doc: () => HAND,
    icpTiers: ['A'],
    since: Date.UTC(2025, 0, 1),
    until: Date.UTC(2025, 11, 31, 23, 59, 59, 999),
  },
  { name: 'the ICP derive mines from the fixtures', doc: derived, icpTiers: ['A', 'B'] },
  { name: 'the hand-written ICP with only tiers A and B', doc: () => ({ ...HAND, tiers: { A: 70, B: 40 } }), icpTiers: ['A', 'B'] },
  { name: 'the hand-written ICP with tier A alone, ICP = A', doc: () => ({ ...HAND, tiers: { A: 50 } }), icpTiers: ['A'] },
];

describe('buildReport: every figure of segments and tiers, recomputed by hand from the fixture CSVs', () => {
  it.each(CASES)('$name', ({ doc: makeDoc, icpTiers, since, until }) => {
    const doc = makeDoc();
    const { figures } = byHand(doc, icpTiers, { since, until });
    const { report } = buildReport({
      doc,
      options: { icpTiers, since, until },
      customers: tableFromCsv('customers.csv', CUSTOMERS),
      deals: tableFromCsv('deals.csv', DEALS),
      leads: tableFromCsv('leads.csv', LEADS),
      spend: tableFromCsv('spend.csv', SPEND),
    });
    expectSame(
      report.segments.icp,
      figures((a) => a.icp),
      'segments.icp',
    );
    expectSame(
      report.segments.non_icp,
      figures((a) => !a.icp),
      'segments.non_icp',
    );
    // Only the tiers the file has: no empty C row for a file that stops at B.
    const has = ['A', ...(doc.tiers.B !== undefined ? ['B'] : []), ...(doc.tiers.B !== undefined && doc.tiers.C !== undefined ? ['C'] : []), 'D'];
    const tiers = [...has, ...(doc.criteria.some((c) => c.disqualify) ? ['disqualified'] : [])];
    expect(Object.keys(report.tiers)).toEqual(tiers);
    for (const t of tiers)
      expectSame(
        report.tiers[t as 'A'],
        figures((a) => a.tier === t),
        `tiers.${t}`,
      );
    // Every account is in exactly one segment and one tier.
    expect(report.segments.icp.accounts + report.segments.non_icp.accounts).toBe(1000);
    expect(report.segments.icp.accounts).toBeGreaterThan(0);
    expect(report.spend?.unallocated).toEqual([{ source: 'TV', amount: 12000 }]);
  });

  it('gives the comparison the same hand-computed lifts and a pair-counted AUC', () => {
    const { figures, accounts } = byHand(HAND, ['A', 'B'], {});
    const { report } = buildReport({ doc: HAND, customers: tableFromCsv('customers.csv', CUSTOMERS), deals: tableFromCsv('deals.csv', DEALS) });
    const icp = figures((a) => a.icp),
      non = figures((a) => !a.icp);
    expect(report.comparison.win_rate_lift).toBeCloseTo(icp.win_rate! / non.win_rate!, 9);
    expect(report.comparison.clv_ratio).toBeCloseTo(icp.clv! / non.clv!, 9);
    expect(report.comparison.cycle_days_difference).toBeCloseTo(icp.median_cycle_days! - non.median_cycle_days!, 9);
    // AUC: over every (won deal, lost deal) pair, the share where the won deal's account scores higher.
    const scores = new Map(rowsOf(CUSTOMERS).map((r) => [r['Record ID']!, tierOf(HAND, r).score]));
    const won: number[] = [],
      lost: number[] = [];
    for (const a of accounts.values()) {
      for (let i = 0; i < a.won; i++) won.push(scores.get(a.id)!);
      for (let i = 0; i < a.lost; i++) lost.push(scores.get(a.id)!);
    }
    let wins = 0;
    for (const w of won) for (const l of lost) wins += w > l ? 1 : w === l ? 0.5 : 0;
    expect(report.comparison.auc).toBeCloseTo(wins / (won.length * lost.length), 9);
  });
});
