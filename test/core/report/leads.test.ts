import { describe, expect, it } from 'vitest';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { typed } from '../../../src/core/report/typed-table.js';
import { buildReport } from '../../../src/core/report/build-report.js';
import { scoreLeads } from '../../../src/core/report/leads.js';
import { UsageError } from '../../../src/errors.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const ORIGIN: IcpDocument = {
  version: 1,
  name: 'test',
  status: 'manual',
  generated_at: '2026-11-23T00:00:00Z',
  source: [],
  cohort: { measure: 'manual', rule: 'by hand', size: 0, total: 0, share_of_value: null },
  criteria: [
    { column: 'origin', attribute: 'lead_source', category: 'behavioral', label: 'origin is organic', match: { in: ['organic_search'] }, points: 100 },
  ],
  tiers: { A: 75, B: 50, C: 25 },
};
const none = new Map();

// An olist-shaped funnel: leads carry no converted column; a lead converted when its mql_id has a closed deal.
const MQLS = tableFromCsv(
  'mql.csv',
  [
    'mql_id,first_contact_date,origin',
    'a1,01-02-2018,organic_search',
    'a2,02-02-2018,organic_search',
    'a3,03-02-2018,organic_search',
    'a4,04-02-2018,paid_search',
    'a5,05-02-2018,paid_search',
    'a6,06-02-2018,social',
    'a7,07-02-2018,social',
  ].join('\r\n'),
);
const CLOSED = tableFromCsv(
  'closed.csv',
  ['mql_id,seller_id,won_date', 'a1,s1,26-02-2018 19:58', 'a2,s2,08-05-2018 20:17', 'a4,s3,01-06-2018 10:00'].join('\r\n'),
);

describe('scoreLeads', () => {
  it('reads the converted column, and leaves out rows whose value is blank', () => {
    const leads = tableFromCsv('l.csv', 'origin,Converted\norganic_search,true\norganic_search,false\nsocial,yes\nsocial,\n');
    const set = scoreLeads({ doc: ORIGIN, leads: typed(leads, none), deals: null, icpTiers: ['A', 'B'], window: {}, map: none });
    expect(set.leads).toEqual([
      { tier: 'A', icp: true, converted: true },
      { tier: 'A', icp: true, converted: false },
      { tier: 'D', icp: false, converted: true },
    ]);
    expect(set.withoutOutcome).toBe(1);
    expect(set.method).toMatch(/"Converted" column/);
  });

  it('without a converted column, a lead converted when a won deal joins to it (olist funnel)', () => {
    const set = scoreLeads({ doc: ORIGIN, leads: typed(MQLS, none), deals: typed(CLOSED, none), icpTiers: ['A', 'B'], window: {}, map: none });
    expect(set.leads.map((l) => l.converted)).toEqual([true, true, false, true, false, false, false]);
    expect(set.method).toMatch(/"mql_id" has a won deal in closed\.csv/);
  });

  it('counts only deals closed in the window as conversions', () => {
    const since = Date.UTC(2018, 4, 1);
    const set = scoreLeads({ doc: ORIGIN, leads: typed(MQLS, none), deals: typed(CLOSED, none), icpTiers: ['A', 'B'], window: { since }, map: none });
    expect(set.leads.map((l) => l.converted)).toEqual([false, true, false, true, false, false, false]);
  });

  it('is a usage error when nothing says whether a lead converted', () => {
    expect(() => scoreLeads({ doc: ORIGIN, leads: typed(MQLS, none), deals: null, icpTiers: ['A'], window: {}, map: none })).toThrow(UsageError);
    const unrelated = tableFromCsv('x.csv', 'deal,amount\nz9,1\n');
    expect(() => scoreLeads({ doc: ORIGIN, leads: typed(MQLS, none), deals: typed(unrelated, none), icpTiers: ['A'], window: {}, map: none })).toThrow(
      /no converted column/,
    );
  });

  it('gives conversion rates per segment and the conversion lift in the report', () => {
    const { report } = buildReport({ doc: ORIGIN, customers: MQLS, deals: CLOSED, leads: MQLS });
    expect(report.segments.icp).toMatchObject({ leads: 3, converted: 2 });
    expect(report.segments.non_icp).toMatchObject({ leads: 4, converted: 1 });
    expect(report.segments.icp.conversion_rate).toBeCloseTo(2 / 3);
    expect(report.comparison.conversion_lift).toBeCloseTo(2 / 3 / (1 / 4));
    expect(report.comparison.conversion_p_value).toBeGreaterThan(0.05);
    // Every closed deal counts as won (no stage column): no win rate, said in the notes.
    expect(report.segments.icp.win_rate).toBeNull();
    expect(report.verdict).toMatch(/ICP and non-ICP leads convert at rates that do not differ significantly/);
  });
});
