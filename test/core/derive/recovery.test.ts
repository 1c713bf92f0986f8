import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../../../fixtures/generator/index.js';
import { derive, type DeriveOptions } from '../../../src/core/derive/derive.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const OPTIONS: DeriveOptions = { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 };

function deriveSeed(seed: number, independent: boolean) {
  const f = generateFixtures({ seed, independent });
  const result = derive({
    customers: tableFromCsv('customers.csv', f.customers),
    deals: tableFromCsv('deals.csv', f.deals),
    options: OPTIONS,
    generatedAt: '2026-11-23T00:00:00.000Z',
    recordedOptions: {},
  });
  return { f, result };
}

describe('derive recovers the planted profile', () => {
  it.each([7, 11, 2026])('seed %i: every planted attribute, no noise column', (seed) => {
    const { f, result } = deriveSeed(seed, false);
    const fitColumns = result.doc.criteria.filter((c) => c.points > 0).map((c) => c.column);
    for (const planted of f.truth.profile) expect(fitColumns, `planted ${planted.column}`).toContain(planted.column);
    const used = result.doc.criteria.map((c) => c.column);
    for (const noise of f.truth.noiseColumns) expect(used, `noise ${noise}`).not.toContain(noise);
    expect(result.doc.status).toBe('ok');
    // The planted categorical values themselves are what the criteria name.
    for (const planted of f.truth.profile) {
      if (planted.kind !== 'in' && planted.kind !== 'contains_any') continue;
      const criterion = result.doc.criteria.find((c) => c.column === planted.column && c.points > 0);
      const values = criterion && ('in' in criterion.match ? criterion.match.in : 'contains_any' in criterion.match ? criterion.match.contains_any : []);
      expect(values?.slice().sort()).toEqual([...(planted.values ?? [])].sort());
    }
  });

  it('proposes no criterion in at least 19 of 20 seeds when outcomes are independent of every attribute', () => {
    const withCriteria: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const { result } = deriveSeed(seed, true);
      if (result.doc.criteria.length > 0) withCriteria.push(seed);
      else expect(result.doc.status).toBe('inconclusive');
    }
    expect(withCriteria.length, `seeds with criteria: ${withCriteria.join(', ')}`).toBeLessThanOrEqual(1);
  });

  it('is deterministic: two runs give identical documents', () => {
    const a = deriveSeed(5, false).result.doc;
    const b = deriveSeed(5, false).result.doc;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
