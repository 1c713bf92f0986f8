import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../../../fixtures/generator/index.js';
import { derive, type DeriveOptions } from '../../../src/core/derive/derive.js';
import { TIER_RULE } from '../../../src/core/derive/tiers.js';
import { describeTiers, thresholds, tierFor } from '../../../src/core/icp/tiers.js';
import { compileIcp } from '../../../src/core/score/compile.js';
import { scoreRow } from '../../../src/core/score/score-row.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const OPTIONS: DeriveOptions = { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 };

/**
 * 200 customers: the 40 most valuable mostly Software (80%), the rest mostly Retail (80%): clear, yet no near-perfect
 * separation (a leakage suspect); Region is independent.
 */
function customers(): string {
  const lines = ['Company,Industry,Region,Lifetime Value'];
  for (let i = 0; i < 200; i++) {
    const best = i < 40;
    const industry = (best ? i % 5 !== 0 : i % 5 === 0) ? 'Software' : 'Retail';
    lines.push(`Co ${i},${industry},${['North', 'South'][i % 2]},${best ? 100_000 - i : 1_000 + i}`);
  }
  return lines.join('\n') + '\n';
}

describe('buildDocument notes', () => {
  it('writes fewer tiers, and says so plainly, when the scores take few values (one criterion: scores 0 or 100)', () => {
    const { doc } = derive({ customers: tableFromCsv('c.csv', customers()), options: OPTIONS, generatedAt: '2026-11-23T00:00:00.000Z', recordedOptions: {} });
    expect(doc.criteria.map((c) => [c.label, c.points])).toEqual([['Industry is Software', 100]]);
    expect(doc.tiers).toEqual({ A: 100 });
    expect(doc.notes).toContain('Only 1 tier, A: every customer scores 100 or 0.');
    expect(doc.notes?.find((n) => n.startsWith('Tiers: '))).toBe(`Tiers: ${TIER_RULE}`);
  });

  it.each([7, 11, 2026])('leaves no tier it writes empty of customers, and notes fewer tiers (fixtures seed %i)', (seed) => {
    const f = generateFixtures({ seed });
    const table = tableFromCsv('customers.csv', f.customers);
    const { doc } = derive({
      customers: table,
      deals: tableFromCsv('deals.csv', f.deals),
      options: OPTIONS,
      generatedAt: '2026-11-23T00:00:00.000Z',
      recordedOptions: {},
    });
    // An inconclusive ICP has no criteria and keeps the default tiers: nothing to choose them from.
    if (doc.criteria.length === 0) return;
    const compiled = compileIcp(doc, table.header, table.rows);
    const reached = new Set(table.rows.map((row) => tierFor(scoreRow(compiled, row).score, doc.tiers)));
    const written = thresholds(doc.tiers).map(([tier]) => tier);
    for (const tier of written) expect(reached.has(tier), `tier ${tier} of ${describeTiers(doc.tiers)}`).toBe(true);
    const note = doc.notes?.find((n) => /^Only \d tiers?, /.test(n));
    if (written.length === 3) expect(note).toBeUndefined();
    else expect(note).toMatch(/^Only [12] tiers?, A(?: and B)?: every customer scores /);
    expect(doc.notes?.some((n) => / no customer: /.test(n))).toBe(false);
  });
});
