import { describe, expect, it } from 'vitest';
import { deriveGenerated } from '../../helpers/recovery.js';

/**
 * Null data (every outcome drawn independently of every attribute): at most 1 of 20 seeds with any
 * criterion at each size, and the cross-validated AUC interval (AUC +- 2 se) including 0.5 in at least 19 of 20.
 */
describe.each([500, 2000, 5000])('derive on null data, %i companies', (customers) => {
  it('finds no criterion in at least 19 of 20 seeds, says inconclusive, and its validation includes chance', () => {
    const withCriteria: string[] = [];
    const aboveChance: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const { doc } = deriveGenerated(seed, customers, true).result;
      if (doc.criteria.length > 0) withCriteria.push(`seed ${seed}: ${doc.criteria.map((c) => c.label).join('; ')}`);
      else expect(doc.status).toBe('inconclusive');
      const v = doc.validation;
      expect(v?.auc, `seed ${seed} validation`).toBeTypeOf('number');
      if ((v?.auc as number) - 2 * (v?.auc_se as number) > 0.5) aboveChance.push(`seed ${seed}: ${v?.auc} ± ${v?.auc_se}`);
      // A fold that kept a criterion scores its held-out customers: then the interval is a real check.
      expect(v?.folds_with_criteria).toBeTypeOf('number');
    }
    expect(withCriteria.length, withCriteria.join('\n')).toBeLessThanOrEqual(1);
    expect(aboveChance.length, aboveChance.join('\n')).toBeLessThanOrEqual(1);
  }, 600_000);
});
