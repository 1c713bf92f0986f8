import { describe, expect, it } from 'vitest';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { buildReport } from '../../../src/core/report/build-report.js';
import { UsageError } from '../../../src/errors.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const SOFTWARE: IcpDocument = {
  version: 1,
  name: 'test',
  status: 'manual',
  generated_at: '2026-11-23T00:00:00Z',
  source: [],
  cohort: { measure: 'manual', rule: 'by hand', size: 0, total: 0, share_of_value: null },
  criteria: [{ column: 'Industry', attribute: 'industry', category: 'firmographic', label: 'Industry is Software', match: { in: ['Software'] }, points: 100 }],
  tiers: { A: 75, B: 50, C: 25 },
};
const customers = (extra = '', values: string[] = []) =>
  tableFromCsv(
    'c.csv',
    [
      `Record ID,Industry,Lead Source${extra}`,
      ...['1,Software,Ads', '2,Software,Events', '3,Retail,Ads', '4,Retail,Ads'].map((r, i) => r + (values[i] ?? '')),
    ].join('\n'),
  );
const DEALS = tableFromCsv('d.csv', 'Associated Company IDs,Deal Stage,Amount\n1,Closed Won,900\n2,Closed Lost,1\n3,Closed Won,300\n4,Closed Lost,1\n');

describe('spend and CAC', () => {
  it("shares each channel's spend by the accounts it brought; CAC = spend / won accounts", () => {
    const spend = tableFromCsv('s.csv', 'Channel,Spend\nAds,"$3,000"\nEvents,500\nRadio,250\n');
    const r = buildReport({ doc: SOFTWARE, customers: customers(), deals: DEALS, spend }).report;
    // Ads: 1000 per account (accounts 1, 3, 4); Events: 500 (account 2).
    expect(r.segments.icp).toMatchObject({ spend: 1500, won_accounts: 1, cac: 1500 });
    expect(r.segments.non_icp).toMatchObject({ spend: 2000, won_accounts: 1, cac: 2000 });
    expect(r.segments.icp.clv_cac_ratio).toBeCloseTo(450 / 1500);
    expect(r.spend).toMatchObject({ total: 3750, allocated: 3500, unallocated: [{ source: 'Radio', amount: 250 }] });
    expect(r.formulas.cac).toMatch(/spend \/ won_accounts/);
  });

  it('shares by deal when each deal carries its own source', () => {
    const deals = tableFromCsv(
      'd.csv',
      'Associated Company IDs,Deal Stage,Amount,Lead Source\n1,Closed Won,900,Events\n2,Closed Lost,1,Events\n3,Closed Won,300,Ads\n4,Closed Lost,1,Events\n',
    );
    const spend = tableFromCsv('s.csv', 'Source,Amount\nEvents,300\nAds,100\n');
    const r = buildReport({ doc: SOFTWARE, customers: customers(), deals, spend }).report;
    expect(r.segments.icp.spend).toBe(200);
    expect(r.segments.non_icp.spend).toBe(200);
    expect(r.by_source?.unit).toBe('deals');
    expect(r.by_source?.sources[0]).toMatchObject({ source: 'Events', accounts: 3, icp_accounts: 2, deals: 3, won: 1, lost: 2 });
  });

  it('shares a spend file without channels equally by every account, and says so', () => {
    const spend = tableFromCsv('s.csv', 'Month,Spend\n2026-01,400\n2026-02,400\n');
    const r = buildReport({ doc: SOFTWARE, customers: customers(), deals: DEALS, spend }).report;
    expect(r.segments.icp.spend).toBe(400);
    expect(r.spend?.method).toMatch(/names no channel/);
  });

  it('uses a cost column on customers (or summed over deals) when there is no spend file', () => {
    const r = buildReport({ doc: SOFTWARE, customers: customers(',Acquisition Cost', [',10', ',20', ',30', ',40']), deals: DEALS }).report;
    expect(r.segments.icp.spend).toBe(30);
    expect(r.segments.non_icp.cac).toBe(70);
    const deals = tableFromCsv('d.csv', 'Associated Company IDs,Deal Stage,Amount,Cost\n1,Closed Won,900,5\n1,Closed Lost,1,6\n3,Closed Won,300,7\n');
    const viaDeals = buildReport({ doc: SOFTWARE, customers: customers(), deals }).report;
    expect(viaDeals.segments.icp.spend).toBe(11);
    expect(viaDeals.spend?.method).toMatch(/summed over each account's deals/);
  });

  it('gives CAC as null with a reason when a segment has no won account', () => {
    const deals = tableFromCsv('d.csv', 'Associated Company IDs,Deal Stage,Amount\n1,Closed Lost,900\n3,Closed Won,300\n');
    const spend = tableFromCsv('s.csv', 'Channel,Spend\nAds,300\n');
    const r = buildReport({ doc: SOFTWARE, customers: customers(), deals, spend }).report;
    expect(r.segments.icp.cac).toBeNull();
    expect(r.segments.icp.notes.join(' ')).toMatch(/cac: no account with a won deal/);
  });

  it('is a usage error when the spend file has no amount column', () => {
    const spend = tableFromCsv('s.csv', 'Channel,Owner\nAds,me\n');
    expect(() => buildReport({ doc: SOFTWARE, customers: customers(), deals: DEALS, spend })).toThrow(UsageError);
  });
});
