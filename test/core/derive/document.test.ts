import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../../../fixtures/generator/index.js';
import { derive, type DeriveOptions } from '../../../src/core/derive/derive.js';
import { tierFor } from '../../../src/core/icp/tiers.js';
import { compileIcp } from '../../../src/core/score/compile.js';
import { scoreRow } from '../../../src/core/score/score-row.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const OPTIONS: DeriveOptions = { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 };

/** 200 customers: the 40 most valuable are all Software, the rest mostly Retail; `noise` is independent. */
function customers(): string {
  const lines = ['Company,Industry,Region,Lifetime Value'];
  for (let i = 0; i < 200; i++) {
    const best = i < 40;
    const industry = best || i % 10 === 0 ? 'Software' : 'Retail';
    lines.push(`Co ${i},${industry},${['North', 'South'][i % 2]},${best ? 100_000 - i : 1_000 + i}`);
  }
  return lines.join('\n') + '\n';
}

describe('buildDocument notes', () => {
  it('says which tiers no customer falls in when the criteria leave gaps (one criterion: scores 0 or 100)', () => {
    const { doc } = derive({ customers: tableFromCsv('c.csv', customers()), options: OPTIONS, generatedAt: '2026-11-23T00:00:00.000Z', recordedOptions: {} });
    expect(doc.criteria.map((c) => [c.label, c.points])).toEqual([['Industry is Software', 100]]);
    expect(doc.notes).toContain('Tiers B and C hold no customer: every customer scores 100 or 0.');
  });

  it.each([7, 11, 2026])('names exactly the tiers that none of the customers, scored with the ICP, falls in (fixtures seed %i)', (seed) => {
    const f = generateFixtures({ seed });
    const table = tableFromCsv('customers.csv', f.customers);
    const { doc } = derive({ customers: table, deals: tableFromCsv('deals.csv', f.deals), options: OPTIONS, generatedAt: '2026-11-23T00:00:00.000Z', recordedOptions: {} });
    const compiled = compileIcp(doc, table.header, table.rows);
    const tiers = new Set(table.rows.map((row) => tierFor(scoreRow(compiled, row).score, doc.tiers)));
    const empty = (['A', 'B', 'C'] as const).filter((t) => !tiers.has(t));
    const note = doc.notes?.find((n) => / no customer: /.test(n));
    if (empty.length === 0) expect(note).toBeUndefined();
    else expect(note).toMatch(new RegExp(`^Tiers? ${empty.length === 3 ? 'A, B and C' : empty.join(' and ')} holds? no customer`));
  });
});
