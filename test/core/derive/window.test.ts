import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../../../fixtures/generator/index.js';
import { derive } from '../../../src/core/derive/derive.js';
import { cleanProblems, DERIVE_OPTIONS } from '../../helpers/recovery.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const SINCE = Date.parse('2025-10-01T00:00:00Z');
const UNTIL = Date.parse('2026-09-30T23:59:59Z');

/** Only the deals closed in the window, as a user would export them with a CRM filter. */
function dealsClosedInWindow(csv: string): string {
  const [header = [], ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const at = header.indexOf('Close Date');
  const inWindow = (cell: string | undefined) => {
    const t = Date.parse(`${(cell ?? '').replace(' ', 'T')}:00Z`);
    return t >= SINCE && t <= UNTIL;
  };
  return Papa.unparse([header, ...rows.filter((r) => inWindow(r[at]))]);
}

describe('derive --since/--until on a 4-quarter window (1,500 companies, 10 seeds)', () => {
  const runs = SEEDS.map((seed) => {
    const f = generateFixtures({ seed, customers: 1500, leads: 1 });
    const customers = tableFromCsv('customers.csv', f.customers);
    const windowed = derive({
      customers,
      deals: tableFromCsv('deals.csv', f.deals),
      options: { ...DERIVE_OPTIONS, since: SINCE, until: UNTIL },
      generatedAt: 'x',
      recordedOptions: {},
    });
    const exported = derive({
      customers,
      deals: tableFromCsv('deals.csv', dealsClosedInWindow(f.deals)),
      options: DERIVE_OPTIONS,
      generatedAt: 'x',
      recordedOptions: {},
    });
    return { truth: f.truth, windowed, exported };
  });

  it('leaves customers with no deal closed in the window out (unknown there, not worth 0), and says so', () => {
    for (const { windowed } of runs) {
      expect(windowed.doc.cohort.total).toBeLessThan(1500);
      expect(windowed.warnings.map((w) => w.message).join('\n')).toMatch(
        /closed no deal in the window 2025-10-01 to 2026-09-30; left out of the ranking and the tests \(unknown there, not worth 0\)/,
      );
    }
  });

  it("recovers the planted profile cleanly in at least 9 of 10 seeds, and in no fewer seeds than on the window's deals alone", () => {
    const clean = (pick: 'windowed' | 'exported') => runs.filter((r) => cleanProblems(r[pick].doc, r.truth).length === 0).length;
    expect(clean('windowed')).toBeGreaterThanOrEqual(9);
    expect(clean('windowed')).toBeGreaterThanOrEqual(clean('exported'));
  });
});
