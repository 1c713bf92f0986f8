import { describe, expect, it } from 'vitest';
import type { Comparison, SegmentMetrics } from '../../../src/core/report/report-types.js';
import { percentText } from '../../../src/core/percent.js';
import { pText, verdict } from '../../../src/core/report/verdict.js';

const segment = (over: Partial<SegmentMetrics>): SegmentMetrics => ({
  accounts: 100,
  deals: 100,
  won: 40,
  lost: 60,
  open: 0,
  won_accounts: 30,
  win_rate: 0.4,
  win_rate_ci: [0.3, 0.5],
  median_cycle_days: 40,
  avg_won_value: 1,
  total_won_value: 1,
  clv: 1,
  notes: [],
  ...over,
});
const comparison = (over: Partial<Comparison>): Comparison => ({
  win_rate_lift: 2.1,
  win_rate_p_value: 0.0001,
  cycle_days_p_value: 0.01,
  cycle_days_difference: -23,
  clv_ratio: 2,
  auc: 0.7,
  notes: [],
  ...over,
});
const say = (icp: Partial<SegmentMetrics>, non: Partial<SegmentMetrics>, c: Partial<Comparison>) =>
  verdict({ icp: segment(icp), nonIcp: segment(non), comparison: comparison(c), icpTiers: ['A', 'B'], alpha: 0.05 });

describe('verdict', () => {
  it('says how much more often and how much faster ICP accounts win when it is significant', () => {
    const v = say({ win_rate: 0.41 }, { win_rate: 0.19, median_cycle_days: 63 }, {});
    expect(v.text).toBe('ICP accounts win 2.1x as often (41% vs 19%, p < 0.001) and close 23 days faster.');
    expect(v.significant).toBe(true);
  });

  it('says when the difference is not significant and suggests a review', () => {
    const v = say({ win_rate: 0.41 }, { win_rate: 0.38 }, { win_rate_lift: 1.08, win_rate_p_value: 0.42, cycle_days_p_value: 0.6 });
    expect(v.text).toMatch(/^ICP and non-ICP accounts win at rates that do not differ significantly \(41% vs 38%, p = 0\.42\)/);
    expect(v.text).toMatch(/sales cycles do not differ significantly/);
    expect(v.text).toMatch(/consider a review/);
    expect(v.significant).toBe(false);
  });

  it('says when the ICP points the wrong way', () => {
    const v = say({ win_rate: 0.2 }, { win_rate: 0.4 }, { win_rate_lift: 0.5, win_rate_p_value: 0.001, cycle_days_difference: 5 });
    expect(v.text).toMatch(/win less often than the rest .*close 5 days slower: the ICP points the wrong way/);
    expect(v.significant).toBe(false);
  });

  it('says the ICP segment is empty rather than comparing nothing', () => {
    const v = say({ accounts: 0, win_rate: null }, {}, { win_rate_lift: null, win_rate_p_value: null });
    expect(v.text).toMatch(/^The ICP segment is empty: no account reaches tiers A, B/);
  });

  it('falls back on conversion when there are no win rates', () => {
    const v = say(
      { win_rate: null, conversion_rate: 0.16, leads: 10 },
      { win_rate: null, conversion_rate: 0.096, leads: 10 },
      { win_rate_p_value: null, conversion_lift: 1.7, conversion_p_value: 0.0004 },
    );
    expect(v.text).toBe('ICP leads convert 1.7x as often (16% vs 9.6%, p < 0.001).');
    expect(v.significant).toBe(true);
  });

  it('formats shares and p-values as the tables do', () => {
    expect([percentText(0.4123), percentText(0.042), percentText(0)]).toEqual(['41%', '4.2%', '0%']);
    expect([pText(0.0004), pText(0.0042), pText(0.42)]).toEqual(['p < 0.001', 'p = 0.004', 'p = 0.42']);
  });
});
