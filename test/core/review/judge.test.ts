import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../../../fixtures/generator/index.js';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { assessDrift } from '../../../src/core/review/assess.js';
import { baselineWindow } from '../../../src/core/review/baseline.js';
import { quarter } from '../../../src/core/review/period.js';
import type { Table } from '../../../src/core/table.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const PERIOD = quarter(2026, 3);
const criterion = (column: string, values: string[], points: number): IcpDocument['criteria'][number] => ({
  column,
  attribute: column.toLowerCase(),
  category: 'firmographic',
  label: `${column} is ${values.join(' or ')}`,
  match: { in: values },
  points,
});
/** Two of the planted criteria, as a hand-written ICP derived on the deals up to 2026-06-30. */
const manual: IcpDocument = {
  version: 1,
  name: 'Test ICP',
  status: 'manual',
  generated_at: '2026-07-01T06:00:00Z',
  source: [],
  cohort: { measure: 'won value', rule: 'top 20% by won value', size: 0, total: 0, share_of_value: null },
  options: { alpha: 0.05, until: '2026-06-30' },
  criteria: [criterion('Industry', ['Computer Software', 'Financial Services'], 50), criterion('Country/Region', ['United States', 'United Kingdom'], 50)],
  tiers: { A: 100, B: 50 },
};

const g = generateFixtures({ seed: 42 });
const customers = tableFromCsv('customers.csv', g.customers);
const deals = tableFromCsv('deals.csv', g.deals);
const stage = deals.header.indexOf('Deal Stage');
const close = deals.header.indexOf('Close Date');
const inPeriod = (row: string[]) => (row[close] ?? '') >= '2026-07-01';

/** The deals with rows of the period changed or dropped. */
function editPeriod(edit: (row: string[], i: number) => string[] | null): Table {
  let i = 0;
  const rows = deals.rows.flatMap((row) => (inPeriod(row) ? [edit(row, i++)].filter((r): r is string[] => r !== null) : [row]));
  return { ...deals, rows, lines: rows.map((_, k) => k + 2) };
}

describe('assessDrift: not enough data to judge', () => {
  it('judges a plain quarter: no drift, every criterion tested', () => {
    const a = assessDrift({ doc: manual, customers, deals, period: PERIOD });
    expect(a.judgement).toMatchObject({ status: 'no drift', judgeable: true, reasons: [], why_not_judgeable: [] });
    expect(a.criteria_drift.every((c) => c.judgeable && c.odds_ratio_period !== null)).toBe(true);
    expect(a.baseline).toEqual({ since: 'the first deal', until: '2026-06-30', cut_at_period: false });
  });

  it('a quarter whose closed deals were all won cannot be judged: never drift, whatever the backtest', () => {
    const allWon = editPeriod((row) => row.map((cell, k) => (k === stage && cell === 'Closed Lost' ? 'Closed Won' : cell)));
    const a = assessDrift({ doc: manual, customers, deals: allWon, period: PERIOD });
    expect(a.judgement.status).toBe('not enough data to judge');
    expect(a.judgement.judgeable).toBe(false);
    expect(a.judgement.reasons).toEqual([]);
    expect(a.judgement.why_not_judgeable).toEqual(['no saved criterion can be tested: no lost deal in 2026Q3: the odds of winning cannot be compared']);
    // 100% vs 100%: the lift rule this replaced called that drift, every quarter, in cron.
    expect(a.backtest.period.win_rate_lift).toBe(1);
  });

  it('a quarter with a handful of closed deals cannot be judged', () => {
    const few = editPeriod((row, i) => (i < 12 ? row : null));
    const a = assessDrift({ doc: manual, customers, deals: few, period: PERIOD });
    expect(a.judgement.status).toBe('not enough data to judge');
    expect(a.criteria_drift.every((c) => !c.judgeable && /too few accounts with closed deals in 2026Q3/.test(c.not_judgeable ?? ''))).toBe(true);
  });

  it('an ICP with no criteria has nothing that could stop working', () => {
    const a = assessDrift({ doc: { ...manual, status: 'inconclusive', criteria: [] }, customers, deals, period: PERIOD });
    expect(a.judgement.status).toBe('not enough data to judge');
    expect(a.judgement.why_not_judgeable[0]).toMatch(/^the saved ICP is inconclusive with no criteria/);
  });

  it('still names a criterion that stopped working when another one cannot be tested', () => {
    // Every deal of the period flips its outcome: matching accounts now lose more often than the rest.
    const flipped = editPeriod((row) =>
      row.map((cell, k) => (k !== stage ? cell : cell === 'Closed Won' ? 'Closed Lost' : cell === 'Closed Lost' ? 'Closed Won' : cell)),
    );
    const a = assessDrift({
      doc: { ...manual, criteria: [...manual.criteria, criterion('Industry', ['No Such Industry'], 10)] },
      customers,
      deals: flipped,
      period: PERIOD,
    });
    expect(a.judgement.status).toBe('drift');
    expect(a.judgement.reasons.some((r) => r.startsWith('Industry is Computer Software or Financial Services stopped working'))).toBe(true);
    expect(a.judgement.notes).toEqual([expect.stringMatching(/^Industry is No Such Industry not tested: too few accounts/)]);
  });
});

describe('baselineWindow', () => {
  it('is the window the ICP recorded, cut at the start of the period', () => {
    expect(baselineWindow({ since: '2025-10-01', until: '2026-03-31' }, PERIOD)).toEqual({
      since: Date.UTC(2025, 9, 1),
      until: Date.UTC(2026, 3, 1) - 1,
      cut: false,
    });
    expect(baselineWindow({ until: '2026-08-15' }, PERIOD)).toEqual({ since: undefined, until: PERIOD.start - 1, cut: true });
    expect(baselineWindow(undefined, PERIOD)).toEqual({ since: undefined, until: PERIOD.start - 1, cut: false });
  });
});
