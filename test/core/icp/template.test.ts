import { describe, expect, it } from 'vitest';
import { validateIcp } from '../../../src/core/icp/check.js';
import { CRITERION_CATEGORIES, MATCH_KINDS } from '../../../src/core/icp/schema.js';
import { icpTemplate } from '../../../src/core/icp/template.js';

const now = new Date('2026-11-23T12:00:00Z');

describe('icpTemplate', () => {
  it('is a valid manual document stamped with the given time', () => {
    const doc = icpTemplate(now);
    expect(validateIcp(doc).problems).toEqual([]);
    expect(doc.status).toBe('manual');
    expect(doc.generated_at).toBe('2026-11-23T12:00:00.000Z');
  });

  it('has an example criterion for every category except "other", and an anti-fit knockout', () => {
    const doc = icpTemplate(now);
    const categories = new Set(doc.criteria.map((c) => c.category));
    expect(CRITERION_CATEGORIES.filter((c) => !categories.has(c))).toEqual(['other']);
    const antiFit = doc.criteria.filter((c) => c.points < 0);
    expect(antiFit).toHaveLength(1);
    expect(antiFit[0]?.disqualify).toBe(true);
    expect(doc.criteria.filter((c) => c.points > 0).reduce((sum, c) => sum + c.points, 0)).toBe(100);
  });

  it('shows the in, range and contains_any match kinds on HubSpot headers', () => {
    const doc = icpTemplate(now);
    const kinds = new Set(doc.criteria.flatMap((c) => Object.keys(c.match)));
    expect(MATCH_KINDS.filter((k) => kinds.has(k))).toEqual(['in', 'range', 'contains_any']);
    const hubspot = ['Industry', 'Number of Employees', 'Annual Revenue', 'Country/Region', 'Web Technologies'];
    expect(doc.criteria.map((c) => c.column)).toEqual(expect.arrayContaining([...hubspot, 'Original Source']));
  });

  it('returns a fresh document each time, so editing one cannot change the next', () => {
    const first = icpTemplate(now);
    const match = first.criteria[0]?.match;
    if (match && 'in' in match) match.in.push('Mining');
    first.tiers.A = 99;
    expect(icpTemplate(now)).not.toEqual(first);
    expect(icpTemplate(now).tiers.A).toBe(75);
  });
});
