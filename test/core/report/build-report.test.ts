import { describe, expect, it } from 'vitest';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { buildReport } from '../../../src/core/report/build-report.js';
import { UsageError } from '../../../src/errors.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';
import { wordOptions } from '../../../src/cli/option-words.js';

const doc = (criteria: IcpDocument['criteria']): IcpDocument => ({
  version: 1,
  name: 'test',
  status: 'manual',
  generated_at: '2026-11-23T00:00:00Z',
  source: [],
  cohort: { measure: 'manual', rule: 'by hand', size: 0, total: 0, share_of_value: null },
  criteria,
  tiers: { A: 75, B: 50, C: 25 },
});
const SOFTWARE = doc([
  { column: 'Industry', attribute: 'industry', category: 'firmographic', label: 'Industry is Software', match: { in: ['Software'] }, points: 100 },
]);

// Accounts 1-4 are Software (ICP), 5-8 Retail; 1 repeats (two rows), so it has a duplicate key.
const CUSTOMERS = tableFromCsv(
  'c.csv',
  [
    'Record ID,Company name,Industry,Original Source,Total Revenue',
    '1,A,Software,Referrals,100',
    '1,A,Software,Referrals,50',
    '2,B,Software,Paid Search,200',
    '3,C,Software,Paid Search,0',
    '4,D,Software,,0',
    '5,E,Retail,Paid Search,10',
    '6,F,Retail,Referrals,0',
    '7,G,Retail,Referrals,0',
    '8,H,Retail,Referrals,5',
  ].join('\n'),
);

// Deal 9 joins no account; deal 10 closes before it was created; deal 11 has a stage icp does not know;
// the second deal 111 repeats an id and has no dates at all.
const DEALS = tableFromCsv(
  'd.csv',
  [
    'Record ID,Deal Stage,Amount,Create Date,Close Date,Associated Company IDs',
    '101,Closed Won,1000,2026-01-01,2026-01-11,1',
    '102,Closed Won,3000,2026-01-01,2026-01-21,2',
    '103,Closed Lost,500,2026-01-01,2026-02-01,3',
    '104,Closed Won,100,2026-01-01,2026-03-01,5',
    '105,Closed Lost,100,2026-01-01,2026-03-01,6',
    '106,Closed Lost,100,2026-01-01,2026-03-01,7',
    '107,Closed Lost,100,2026-01-01,2026-03-01,8',
    '108,Contract Sent,100,2026-01-01,,4',
    '109,Closed Won,100,2026-01-01,2026-01-05,99',
    '110,Closed Won,700,2026-05-01,2026-04-01,4',
    '111,Waiting On Legal,100,2026-01-01,2026-03-01,8',
    '111,Closed Lost,100,,,7',
  ].join('\n'),
);

describe('buildReport', () => {
  const { report, warnings } = buildReport({ doc: SOFTWARE, customers: CUSTOMERS, deals: DEALS });

  it('splits accounts into ICP and non-ICP by tier and counts their deals', () => {
    expect(report.segments.icp).toMatchObject({ accounts: 4, deals: 5, won: 3, lost: 1, open: 1, won_accounts: 3, total_won_value: 4700 });
    expect(report.segments.non_icp).toMatchObject({ accounts: 4, deals: 6, won: 1, lost: 4, open: 1, won_accounts: 1, total_won_value: 100 });
    expect(report.segments.icp.win_rate).toBeCloseTo(0.75);
    // The negative cycle (deal 110) is left out of the median: cycles 10 and 20 days.
    expect(report.segments.icp.median_cycle_days).toBeCloseTo(15);
    expect(report.segments.icp.clv).toBeCloseTo(4700 / 4);
    expect(report.tiers.A?.accounts).toBe(4);
    expect(report.tiers.D?.accounts).toBe(4);
  });

  it('reports the data quality with counts, and warns about each kind', () => {
    const q = report.data_quality;
    expect(q.unmatched_deals).toEqual({ count: 1, without_account: 0, examples: ['99'] });
    expect(q.negative_cycles.count).toBe(1);
    expect(q.deals_without_dates.count).toBe(1);
    expect(q.deals_without_close_date).toBe(2);
    expect(q.unknown_stages).toEqual({ count: 1, stages: [{ stage: 'Waiting On Legal', count: 1 }] });
    expect(q.duplicate_keys).toEqual({ count: 2, customers: 1, deals: 1, leads: 0 });
    const text = warnings.map((w) => w.message).join('\n');
    for (const pattern of [
      /1 deal id repeats/,
      /1 deal matches no account/,
      /closed before it was created/,
      /neither a create nor a close date/,
      /Waiting On Legal/,
      /1 key repeats/,
    ]) {
      expect(text).toMatch(pattern);
    }
  });

  it('gives the marketing view per source: ICP share and win rate', () => {
    expect(report.by_source?.column).toBe('Original Source');
    const paid = report.by_source?.sources.find((s) => s.source === 'Paid Search');
    expect(paid).toMatchObject({ accounts: 3, icp_accounts: 2, deals: 3, won: 2, lost: 1 });
    expect(paid?.icp_share).toBeCloseTo(2 / 3);
    expect(report.by_source?.sources.find((s) => s.source === '(none)')?.accounts).toBe(1);
  });

  it("gives the sales view per owner (each deal's owner): what derive never mines is a breakdown here", () => {
    const deals = tableFromCsv(
      'd.csv',
      [
        'Record ID,Deal Stage,Amount,Close Date,Associated Company IDs,Deal owner',
        '201,Closed Won,100,2026-01-11,1,Ann',
        '202,Closed Won,100,2026-01-11,2,Ann',
        '203,Closed Lost,100,2026-01-11,5,Ann',
        '204,Closed Lost,100,2026-01-11,6,Bo',
        '205,Closed Lost,100,2026-01-11,7,Bo',
        '206,Closed Won,100,2026-01-11,3,Bo',
      ].join('\n'),
    );
    const r = buildReport({ doc: SOFTWARE, customers: CUSTOMERS, deals }).report;
    expect(r.by_owner).toMatchObject({ column: 'Deal owner', file: 'd.csv', unit: 'deals' });
    expect(r.by_owner?.owners.find((o) => o.owner === 'Ann')).toMatchObject({ accounts: 3, icp_accounts: 2, deals: 3, won: 2, lost: 1 });
    expect(r.by_owner?.owners.find((o) => o.owner === 'Bo')?.win_rate).toBeCloseTo(1 / 3);
    // The accounts file has no owner column and the first deals file none either.
    expect(report.by_owner).toBeNull();
  });

  it('says when the ICP segment is empty instead of failing', () => {
    const none = doc([
      { column: 'Industry', attribute: 'industry', category: 'firmographic', label: 'Industry is Mining', match: { in: ['Mining'] }, points: 100 },
    ]);
    const r = buildReport({ doc: none, customers: CUSTOMERS, deals: DEALS }).report;
    expect(r.segments.icp.accounts).toBe(0);
    expect(r.segments.icp.win_rate).toBeNull();
    expect(r.segments.icp.notes.join(' ')).toMatch(/win_rate.*no accounts in this group/);
    expect(r.comparison.win_rate_lift).toBeNull();
    expect(r.verdict).toMatch(/The ICP segment is empty/);
    expect(r.notes.join(' ')).toMatch(/segments\.icp is empty/);
    expect(r.significant).toBe(false);
  });

  it('without deals: deal figures are null with a reason, won value from the lifetime value column', () => {
    const r = buildReport({ doc: SOFTWARE, customers: CUSTOMERS }).report;
    expect(r.segments.icp.deals).toBeNull();
    expect(r.segments.icp.win_rate).toBeNull();
    expect(r.segments.icp.notes.join(' ')).toMatch(/no deals file/);
    expect(r.segments.icp.total_won_value).toBe(350); // account 1's two rows are summed
    expect(r.comparison.clv_ratio).toBeCloseTo(350 / 15);
    expect(r.data_quality.deals_total).toBeNull();
  });

  it('never gives a win rate when the deals file has no stage or won column', () => {
    const allWon = tableFromCsv('won.csv', 'Associated Company IDs,Amount\n1,10\n5,20\n');
    const r = buildReport({ doc: SOFTWARE, customers: CUSTOMERS, deals: allWon }).report;
    expect(r.segments.icp.won).toBe(1);
    expect(r.segments.icp.win_rate).toBeNull();
    expect(r.segments.icp.notes.join(' ')).toMatch(/every deal counts as won/);
    expect(r.comparison.auc).toBeNull();
  });

  it('adds a disqualified tier when a knockout criterion matches, outside the ICP', () => {
    const knockout = doc([
      ...SOFTWARE.criteria,
      { column: 'Company name', attribute: 'name', category: 'fit', label: 'competitor A', match: { in: ['A'] }, points: 0, disqualify: true },
    ]);
    const r = buildReport({ doc: knockout, customers: CUSTOMERS, deals: DEALS }).report;
    expect(r.tiers.disqualified?.accounts).toBe(1);
    expect(r.segments.icp.accounts).toBe(3);
  });

  describe('on an ICP file with only tiers A and B', () => {
    const twoTier: IcpDocument = {
      ...doc([
        { ...SOFTWARE.criteria[0]!, points: 60 },
        { column: 'Original Source', attribute: 'source', category: 'behavioral', label: 'Source is Referrals', match: { in: ['Referrals'] }, points: 40 },
      ]),
      tiers: { A: 100, B: 60 },
    };
    // Scores: 1 -> 100 (A); 2, 3, 4 -> 60 (B); 6, 7, 8 -> 40 and 5 -> 0 (D, below B).
    const two = buildReport({ doc: twoTier, customers: CUSTOMERS, deals: DEALS });

    it('shows only the tiers the file has, with below B as D, and no C row', () => {
      expect(Object.keys(two.report.tiers)).toEqual(['A', 'B', 'D']);
      expect([two.report.tiers.A?.accounts, two.report.tiers.B?.accounts, two.report.tiers.D?.accounts]).toEqual([1, 3, 4]);
      expect(two.report.icp.thresholds).toEqual({ A: 100, B: 60 });
      expect(two.report.icp.icp_tiers).toEqual(['A', 'B']);
      expect(two.report.segments.icp.accounts).toBe(4);
      expect(two.warnings.map((w) => w.message).join('\n')).not.toMatch(/⟨icpTiers⟩/);
    });

    it('leaves out a named tier the file lacks, with a warning; naming only such tiers is a usage error', () => {
      const abc = buildReport({ doc: twoTier, customers: CUSTOMERS, deals: DEALS, options: { icpTiers: ['A', 'B', 'C'] } });
      expect(abc.report.icp.icp_tiers).toEqual(['A', 'B']);
      expect(abc.report.segments.icp).toEqual(two.report.segments.icp);
      // core names the option; the command line words it as --icp-tiers.
      expect(abc.warnings.map((w) => wordOptions(w.message))).toContain(
        '--icp-tiers: the ICP has no tier C (its tiers: A>=100 B>=60, D below); ICP = tiers A, B',
      );
      expect(() => buildReport({ doc: twoTier, customers: CUSTOMERS, options: { icpTiers: ['C'] } })).toThrow(
        expect.objectContaining({
          name: 'OptionError',
          exitCode: 2,
          option: 'icpTiers',
          message: '⟨icpTiers⟩ C: the ICP has no such tier (its tiers: A>=100 B>=60, D below)',
        }),
      );
    });

    it('with tier A alone, the default ICP is tier A, without a warning', () => {
      const one = buildReport({ doc: { ...twoTier, tiers: { A: 60 } }, customers: CUSTOMERS, deals: DEALS });
      expect(Object.keys(one.report.tiers)).toEqual(['A', 'D']);
      expect(one.report.icp.icp_tiers).toEqual(['A']);
      expect(one.report.tiers.A?.accounts).toBe(4);
      expect(one.report.verdict).not.toMatch(/tiers A, B/);
      expect(one.warnings.map((w) => w.message).join('\n')).not.toMatch(/⟨icpTiers⟩/);
    });
  });

  it('rejects a --map entry that names no column of any input', () => {
    expect(() => buildReport({ doc: SOFTWARE, customers: CUSTOMERS, deals: DEALS, options: { map: new Map([['converted', 'Nope']]) } })).toThrow(UsageError);
  });

  it('is a usage error, hinting at --map, when no column joins the deals to the customers', () => {
    const unrelated = tableFromCsv('x.csv', 'Deal Stage,Amount\nClosed Won,5\n');
    expect(() => buildReport({ doc: SOFTWARE, customers: CUSTOMERS, deals: unrelated })).toThrow(
      expect.objectContaining({ name: 'OptionError', exitCode: 2, hint: expect.stringMatching(/⟨map⟩ id=.*⟨map⟩ account_id=/) }),
    );
  });

  it('is deterministic', () => {
    const again = buildReport({ doc: SOFTWARE, customers: CUSTOMERS, deals: DEALS }).report;
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});
