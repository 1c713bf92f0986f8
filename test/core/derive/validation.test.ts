import { describe, expect, it } from 'vitest';
import { deriveGenerated, freshCohortAuc } from '../../helpers/recovery.js';

describe('derive validation out of sample', () => {
  it('estimates, within 0.03, the AUC the ICP has for the cohort on 20,000 fresh companies (5 seeds, 2,000 companies)', () => {
    const off: string[] = [];
    for (let seed = 1; seed <= 5; seed++) {
      const { doc } = deriveGenerated(seed, 2000).result;
      const fresh = freshCohortAuc(doc, seed);
      if (Math.abs((doc.validation?.auc as number) - fresh) > 0.03) off.push(`seed ${seed}: cv ${doc.validation?.auc} vs fresh ${fresh.toFixed(3)}`);
      expect(doc.validation?.folds).toBe(5);
      expect(doc.validation?.tier_a_share_of_value).toBeGreaterThan(doc.validation?.tier_a_share_of_customers as number);
    }
    expect(off, off.join('\n')).toEqual([]);
  }, 600_000);

  it('--fast skips validation and stability, and the file says so', () => {
    const { doc } = deriveGenerated(3, 1000, false, { fast: true }).result;
    expect(doc.validation).toEqual({ method: 'none', skipped: 'derive ran with --fast: no cross-validation and no stability' });
    expect(doc.criteria.every((c) => c.evidence?.stability === undefined)).toBe(true);
  }, 120_000);

  it("records each criterion's stability (the planted ones chosen again in at least 90% of half-samples) and p-value kind", () => {
    const { doc } = deriveGenerated(4, 2000).result;
    const kinds = Object.fromEntries(doc.criteria.map((c) => [c.column, c.evidence?.p_kind]));
    expect(kinds).toMatchObject({
      Industry: 'nominal',
      'Number of Employees': 'bonferroni',
      'Web Technologies': 'exact',
      'Total Time Spent on Website': 'bonferroni',
    });
    for (const column of ['Industry', 'Number of Employees', 'Country/Region', 'Web Technologies']) {
      expect(doc.criteria.find((c) => c.column === column)?.evidence?.stability, column).toBeGreaterThanOrEqual(0.9);
    }
  }, 120_000);
});
