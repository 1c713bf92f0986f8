import { describe, expect, it } from 'vitest';
import { parseTop } from '../../../src/cli/parse-options.js';
import { rankCohort } from '../../../src/core/derive/cohort.js';
import { UsageError } from '../../../src/errors.js';

describe('parseTop', () => {
  it('reads shares and counts, and rejects anything else as a usage error', () => {
    expect(parseTop(undefined)).toEqual({ percent: 20 });
    expect(parseTop('12.5%')).toEqual({ percent: 12.5 });
    expect(parseTop('50')).toEqual({ count: 50 });
    for (const bad of ['0%', '100%', '-5', 'top', '0']) expect(() => parseTop(bad)).toThrow(UsageError);
  });
});

describe('rankCohort', () => {
  it('takes the top share by value, breaking ties by key, never customers worth nothing', () => {
    const values = [5, 10, 10, 0, 1, 0, 0, 0, 0, 0];
    const keys = ['e', 'b', 'a', 'z', 'c', 'y', 'x', 'w', 'v', 'u'];
    const r = rankCohort(values, keys, { percent: 20 });
    expect(r.size).toBe(2);
    expect(r.order.slice(0, 3)).toEqual([2, 1, 0]); // 10 (a), 10 (b), 5
    expect(r.cohort[2] && r.cohort[1]).toBe(true);
    const many = rankCohort(values, keys, { count: 8 });
    expect(many.size).toBe(4); // only four customers are worth anything
  });
});
