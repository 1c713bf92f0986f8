import { describe, expect, it } from 'vitest';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { criterionDrift } from '../../../src/core/review/criterion-drift.js';
import type { WindowAccount } from '../../../src/core/review/windows.js';
import { compileIcp } from '../../../src/core/score/compile.js';

const doc = (points: number): IcpDocument => ({
  version: 1,
  name: 'Test ICP',
  status: 'manual',
  generated_at: '2026-07-01T06:00:00Z',
  source: [],
  cohort: { measure: 'won value', rule: 'top 20% by won value', size: 0, total: 0, share_of_value: null },
  criteria: [{ column: 'Segment', attribute: 'segment', category: 'firmographic', label: 'Segment is fit', match: { in: ['fit'] }, points }],
  tiers: { A: Math.max(points, 0) },
});
const compiled = (points: number) => compileIcp(doc(points), ['Segment'], [['fit'], ['other']]);
/** `count` accounts of one segment, each with the same won and lost deals. */
const accounts = (segment: string, count: number, won: number, lost: number): WindowAccount[] =>
  Array.from({ length: count }, () => ({ cells: [segment], won, lost, deals: won + lost }));
// Derived on: fit accounts win 4 of 5 deals, the others 2 of 5 (odds ratio 6).
const baseline = [...accounts('fit', 40, 4, 1), ...accounts('other', 40, 2, 3)];

describe('criterionDrift', () => {
  it('finds a criterion whose effect vanished, and not one that held', () => {
    const gone = criterionDrift(compiled(50), baseline, [...accounts('fit', 30, 2, 3), ...accounts('other', 30, 2, 3)], 0.05, '2026Q3');
    expect(gone[0]).toMatchObject({ fell: true, judgeable: true, odds_ratio_period: 1 });
    const held = criterionDrift(compiled(50), baseline, [...accounts('fit', 30, 4, 1), ...accounts('other', 30, 2, 3)], 0.05, '2026Q3');
    expect(held[0]).toMatchObject({ fell: false, judgeable: true });
  });

  it('counts one account with many lost deals as one account, not as many independent deals', () => {
    const others = accounts('other', 30, 2, 3);
    // 40 lost deals of one fit account vs the same 40 losses spread over 40 fit accounts.
    const one = criterionDrift(compiled(50), baseline, [...accounts('fit', 12, 4, 1), ...accounts('fit', 1, 0, 40), ...others], 0.05, '2026Q3');
    const many = criterionDrift(compiled(50), baseline, [...accounts('fit', 12, 4, 1), ...accounts('fit', 40, 0, 1), ...others], 0.05, '2026Q3');
    expect(one[0]?.odds_ratio_period).toBe(many[0]?.odds_ratio_period);
    expect(many[0]?.fell).toBe(true);
    expect(one[0]?.p_value as number).toBeGreaterThan(100 * (many[0]?.p_value as number));
  });

  it('tests an anti-fit criterion for a rise toward no effect', () => {
    const antiBaseline = [...accounts('fit', 40, 1, 4), ...accounts('other', 40, 3, 2)];
    const gone = criterionDrift(compiled(-20), antiBaseline, [...accounts('fit', 30, 3, 2), ...accounts('other', 30, 3, 2)], 0.05, '2026Q3');
    expect(gone[0]?.fell).toBe(true);
    const stronger = criterionDrift(compiled(-20), antiBaseline, [...accounts('fit', 30, 0, 5), ...accounts('other', 30, 3, 2)], 0.05, '2026Q3');
    expect(stronger[0]?.fell).toBe(false);
  });

  it('does not test a side with too few accounts, and says so', () => {
    const r = criterionDrift(compiled(50), baseline, [...accounts('fit', 5, 0, 5), ...accounts('other', 30, 2, 3)], 0.05, '2026Q3');
    expect(r[0]).toMatchObject({ judgeable: false, fell: false, p_value: null, p_holm: null });
    expect(r[0]?.not_judgeable).toBe('too few accounts with closed deals in 2026Q3 that match (5, at least 10 needed)');
  });
});
