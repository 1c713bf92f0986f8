import { describe, expect, it } from 'vitest';
import { derive, type DeriveOptions } from '../../../src/core/derive/derive.js';
import { deriveSections } from '../../../src/render/derive.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const OPTIONS: DeriveOptions = { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5, fast: true };

/** 500 customers, the 100 most valuable mostly Software; origin is "unknown" (in several spellings) for 60% of them and 10% of the rest. */
function customers(): string {
  const unknown = ['unknown', 'Unknown', ' UNKNOWN ', 'not provided', '?'];
  const lines = ['Company,Industry,origin,Lifetime Value'];
  for (let i = 0; i < 500; i++) {
    const best = i < 100;
    // 80% of the best are Software and 20% of the rest: clear, yet no near-perfect separation (a leakage suspect).
    const industry = (best ? i % 5 !== 0 : i % 5 === 0) ? 'Software' : 'Retail';
    const blank = best ? i % 5 < 3 : i % 10 === 0;
    const origin = blank ? unknown[i % unknown.length] : ['Web', 'Event', 'Referral'][i % 3];
    lines.push(`Co ${i},${industry},${origin},${best ? 100_000 - i : 1_000 + i}`);
  }
  return lines.join('\n') + '\n';
}

describe('missing markers in derive (issue 12)', () => {
  it('never makes "origin is unknown" a criterion, and notes the missing shares as data quality', () => {
    const result = derive({ customers: tableFromCsv('c.csv', customers()), options: OPTIONS, generatedAt: '2026-11-23T00:00:00.000Z', recordedOptions: {} });
    const { doc } = result;
    expect(doc.criteria.map((c) => c.label)).toEqual(['Industry is Software']);
    expect(JSON.stringify(doc.criteria).toLowerCase()).not.toContain('unknown');
    const notes = doc.notes?.filter((n) => n.startsWith('Data quality: ')) ?? [];
    expect(notes).toEqual([expect.stringMatching(/^Data quality: origin is missing for 60% of the best customers and 10% of the rest/)]);
    const shown = deriveSections(result, false).find((s) => s.title === 'Notes');
    expect(shown?.body).toContain('- Data quality: origin is missing for 60%');
  });
});
