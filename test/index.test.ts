import { describe, expect, it } from 'vitest';
import * as icp from '../src/index.js';

describe('the library entry point', () => {
  it('derives and scores from tables, as the CLI does', async () => {
    const customers = await icp.readTable(new URL('../fixtures/customers.csv', import.meta.url).pathname);
    const deals = await icp.readTable(new URL('../fixtures/deals.csv', import.meta.url).pathname);
    const result = icp.derive({
      customers,
      deals,
      generatedAt: '2026-11-23T00:00:00Z',
      recordedOptions: {},
      options: { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 },
    });
    expect(result.doc.status).toBe('ok');
    const compiled = icp.compileIcp(result.doc, customers.header, customers.rows.slice(0, 100));
    const score = icp.scoreRow(compiled, customers.rows[0] as string[]);
    expect(score.score).toBeGreaterThanOrEqual(0);
    expect(icp.validateIcp(result.doc).problems).toEqual([]);
  });
});
