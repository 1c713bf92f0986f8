import { describe, expect, it } from 'vitest';
import { derive, type DeriveOptions } from '../../../src/core/derive/derive.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const OPTIONS: DeriveOptions = { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5, fast: true };

// Issue 12, part 6: the warning read "3 customers have no Converted is positive" (a measure label in a sentence).
describe('the warning about customers whose outcome or value is missing', () => {
  const lines = (value: (i: number) => string, head: string) =>
    [`Company,Industry,${head}`, ...Array.from({ length: 120 }, (_, i) => `Co ${i},${i % 2 ? 'Retail' : 'Software'},${value(i)}`)].join('\n') + '\n';

  it('names the outcome column: "have no value in Converted"', () => {
    const csv = lines((i) => (i < 3 ? '' : i % 2 ? 'no' : 'yes'), 'Converted');
    const { warnings } = derive({
      customers: tableFromCsv('c.csv', csv),
      options: { ...OPTIONS, outcome: 'Converted' },
      generatedAt: '2026-11-23T00:00:00.000Z',
      recordedOptions: {},
    });
    const message = warnings.map((w) => w.message).find((m) => m.startsWith('3 customers'));
    expect(message).toBe('3 customers have no value in Converted; left out of the ranking and the tests');
  });

  it('names the value column: "has no value in Lifetime Value"', () => {
    const csv = lines((i) => (i === 0 ? 'N/A' : String(((i * 37) % 120) * 100)), 'Lifetime Value');
    const { warnings } = derive({ customers: tableFromCsv('c.csv', csv), options: OPTIONS, generatedAt: '2026-11-23T00:00:00.000Z', recordedOptions: {} });
    const message = warnings.map((w) => w.message).find((m) => m.startsWith('1 customer '));
    expect(message).toBe('1 customer has no value in Lifetime Value; left out of the ranking and the tests');
  });
});
