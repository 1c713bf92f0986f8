import { describe, expect, it } from 'vitest';
import { cleanProblems, deriveGenerated, freshLeads, leadAuc } from '../../helpers/recovery.js';
import baseline from './baseline-auc.json' with { type: 'json' };

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const fresh = freshLeads();

/**
 * The planted profile at one size over 20 seeds: how many are clean (every planted criterion with its
 * values, bounds within 20%; nothing on a noise, proxy or id column; no anti-fit restating a planted one),
 * and the ranking of fresh leads against the planted truth and against the engine before derive v2.
 */
function recover(customers: number) {
  const failures: string[] = [];
  const gaps: number[] = [];
  const belowBaseline: string[] = [];
  for (const seed of SEEDS) {
    const { truth, result } = deriveGenerated(seed, customers);
    const problems = cleanProblems(result.doc, truth);
    if (problems.length > 0) failures.push(`seed ${seed}: ${problems.join('; ')}`);
    const icp = leadAuc(result.doc, fresh);
    gaps.push(fresh.truthAuc - icp);
    const before = (baseline.auc as Record<string, Record<string, number>>)[String(customers)]?.[String(seed)] as number;
    if (icp < before) belowBaseline.push(`seed ${seed}: ${icp.toFixed(4)} < ${before}`);
  }
  return { failures, gaps, belowBaseline };
}

describe('derive recovers the planted profile (20 seeds per size)', () => {
  it('at 2,000 companies: clean in at least 18 of 20 seeds; fresh-lead AUC within 0.01 of the truth and above the old engine in every seed', () => {
    const { failures, gaps, belowBaseline } = recover(2000);
    expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(2);
    expect(
      gaps.filter((g) => g > 0.01),
      `gaps: ${gaps.map((g) => g.toFixed(4)).join(' ')}`,
    ).toEqual([]);
    expect(belowBaseline, belowBaseline.join('\n')).toEqual([]);
  }, 600_000);

  it('at 5,000 companies: clean in at least 97% of 20 seeds (all of them); the same ranking checks', () => {
    const { failures, gaps, belowBaseline } = recover(5000);
    expect(failures, failures.join('\n')).toEqual([]);
    expect(
      gaps.filter((g) => g > 0.01),
      `gaps: ${gaps.map((g) => g.toFixed(4)).join(' ')}`,
    ).toEqual([]);
    expect(belowBaseline, belowBaseline.join('\n')).toEqual([]);
  }, 600_000);

  it('is deterministic: two runs give identical documents', () => {
    const a = deriveGenerated(5, 1000).result.doc;
    const b = deriveGenerated(5, 1000).result.doc;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  }, 120_000);
});
