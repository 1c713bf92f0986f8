import { describe, expect, it } from 'vitest';
import { checkIcpRules, validateIcp } from '../../../src/core/icp/check.js';
import type { Criterion, Evidence, IcpDocument } from '../../../src/core/icp/schema.js';

const evidence: Evidence = {
  cohort_count: 30,
  rest_count: 40,
  cohort_share: 0.6,
  rest_share: 0.2,
  lift: 3,
  p_value: 1.2e-12,
  q_value: 4.8e-11,
};

function criterion(label: string, points: number, extra: Partial<Criterion> = {}): Criterion {
  const base = { column: 'Industry', attribute: 'industry', category: 'firmographic' as const };
  return { ...base, label, match: { in: [label] }, points, evidence, ...extra };
}

function okDoc(criteria: Criterion[] = [criterion('Software', 60), criterion('Finance', 40)]): IcpDocument {
  return {
    version: 1,
    name: 'Acme ICP',
    status: 'ok',
    generated_at: '2026-11-23T12:00:00.000Z',
    source: [{ name: 'companies.csv', role: 'customers', rows: 250, sha256: 'a'.repeat(64) }],
    cohort: { measure: 'won value', rule: 'top 20% by won value', size: 50, total: 250, share_of_value: 0.71 },
    criteria,
    tiers: { A: 75, B: 50, C: 25 },
  };
}

describe('checkIcpRules', () => {
  it('finds nothing wrong in a consistent document', () => {
    expect(checkIcpRules(okDoc())).toEqual([]);
  });

  it('requires positive points to add up to exactly 100, ignoring anti-fit points', () => {
    const doc = okDoc([criterion('Software', 60), criterion('Finance', 30), criterion('Student', -50)]);
    expect(checkIcpRules(doc)).toEqual([{ path: ['criteria'], message: 'positive points must add up to 100, but 60 + 30 = 90' }]);
    doc.criteria[1]!.points = 40;
    expect(checkIcpRules(doc)).toEqual([]);
  });

  // Issue 12: "but 60 = 60" said nothing; one positive criterion is named, several show their addends.
  it('names the one positive criterion instead of writing "60 = 60", and shows equal addends', () => {
    expect(checkIcpRules(okDoc([criterion('Software', 60), criterion('Student', -20)]))).toEqual([
      { path: ['criteria'], message: 'positive points must add up to 100, but the only positive criterion, "Software", has 60' },
    ]);
    expect(checkIcpRules(okDoc([criterion('Software', 30), criterion('Finance', 30)]))).toEqual([
      { path: ['criteria'], message: 'positive points must add up to 100, but 30 + 30 = 60' },
    ]);
  });

  it('allows a manual document with only anti-fit criteria, since there is no positive sum to check', () => {
    const doc = { ...okDoc([criterion('Student', -20, { evidence: undefined })]), status: 'manual' as const };
    expect(checkIcpRules(doc)).toEqual([]);
  });

  it('keeps an inconclusive document free of criteria', () => {
    const doc = { ...okDoc(), status: 'inconclusive' as const };
    expect(checkIcpRules(doc)).toEqual([
      {
        path: ['criteria'],
        message: 'an inconclusive ICP has no criteria; remove them, or set status: manual to use criteria written by hand',
      },
    ]);
    expect(checkIcpRules({ ...doc, criteria: [] })).toEqual([]);
  });

  it('needs criteria, each with evidence, when status is ok', () => {
    expect(checkIcpRules(okDoc([]))).toEqual([{ path: ['criteria'], message: 'status ok needs at least one criterion (status inconclusive has none)' }]);
    const doc = okDoc([criterion('Software', 60), criterion('Finance', 40, { evidence: undefined })]);
    expect(checkIcpRules(doc)).toEqual([
      {
        path: ['criteria', 1],
        message: 'status ok needs evidence on every criterion; set status: manual for criteria written by hand',
      },
    ]);
    expect(checkIcpRules({ ...doc, status: 'manual' })).toEqual([]);
  });

  it('requires strictly decreasing tiers', () => {
    const doc = { ...okDoc(), tiers: { A: 50, B: 50, C: 60 } };
    expect(checkIcpRules(doc)).toEqual([
      { path: ['tiers', 'B'], message: 'tiers must decrease: B (50) must be below A (50)' },
      { path: ['tiers', 'C'], message: 'tiers must decrease: C (60) must be below B (50)' },
    ]);
  });

  it('accepts fewer tiers: A alone, or A and B', () => {
    expect(checkIcpRules({ ...okDoc(), tiers: { A: 80 } })).toEqual([]);
    expect(checkIcpRules({ ...okDoc(), tiers: { A: 80, B: 40 } })).toEqual([]);
  });

  it('keeps "tiers must decrease" for the tiers that are present', () => {
    expect(checkIcpRules({ ...okDoc(), tiers: { A: 40, B: 40 } })).toEqual([
      { path: ['tiers', 'B'], message: 'tiers must decrease: B (40) must be below A (40)' },
    ]);
  });

  it('does not accept C without B', () => {
    expect(checkIcpRules({ ...okDoc(), tiers: { A: 50, C: 20 } })).toEqual([
      { path: ['tiers', 'C'], message: 'C (20) needs a B between A (50) and C: add B, or remove C (a file may have A; A and B; or A, B and C)' },
    ]);
  });

  it('checks ranges: at least one bound, min <= max', () => {
    const doc = okDoc([
      criterion('Employees', 40, { match: { range: { min: 500, max: 50 } } }),
      criterion('Revenue', 30, { match: { range: {} } }),
      criterion('Exactly 10', 30, { match: { range: { min: 10, max: 10 } } }),
    ]);
    expect(checkIcpRules(doc)).toEqual([
      { path: ['criteria', 0, 'match', 'range'], message: 'min (500) is greater than max (50)' },
      { path: ['criteria', 1, 'match', 'range'], message: 'a range needs min, max or both' },
    ]);
  });

  it('checks value lists: non-empty, no blank value, no duplicate', () => {
    const doc = okDoc([
      criterion('Industry', 50, { match: { in: [] } }),
      criterion('Tech', 50, { match: { contains_any: ['Salesforce', ' ', 'Salesforce', 'salesforce'] } }),
    ]);
    expect(checkIcpRules(doc)).toEqual([
      { path: ['criteria', 0, 'match', 'in'], message: 'needs at least one value' },
      {
        path: ['criteria', 1, 'match', 'contains_any', 1],
        message: 'an empty value never matches: a missing value is unknown',
      },
      { path: ['criteria', 1, 'match', 'contains_any', 2], message: '"Salesforce" is listed twice' },
    ]);
  });

  it('allows disqualify only on criteria with 0 or negative points', () => {
    const doc = okDoc([
      criterion('Software', 100, { disqualify: true }),
      criterion('Competitor', 0, { disqualify: true }),
      criterion('Student', -30, { disqualify: true }),
    ]);
    expect(checkIcpRules(doc)).toEqual([
      {
        path: ['criteria', 0, 'disqualify'],
        message: 'disqualify is for anti-fit criteria: give it 0 or negative points',
      },
    ]);
  });

  it('reports a repeated label on the later criterion', () => {
    const doc = okDoc([criterion('Software', 50), criterion('Software', 50, { match: { in: ['SaaS'] } })]);
    expect(checkIcpRules(doc)).toEqual([
      {
        path: ['criteria', 1, 'label'],
        message: 'same label as criteria[0]; labels tell criteria apart in reports',
      },
    ]);
  });

  it('does not let the cohort be larger than the total', () => {
    const doc = okDoc();
    doc.cohort = { ...doc.cohort, size: 300 };
    expect(checkIcpRules(doc)).toEqual([{ path: ['cohort', 'size'], message: 'the cohort (300) cannot be larger than the total (250)' }]);
  });
});

describe('validateIcp', () => {
  it('returns the parsed document only when schema and rules both pass', () => {
    const valid = validateIcp(JSON.parse(JSON.stringify(okDoc())));
    expect(valid).toEqual({ doc: okDoc(), problems: [] });
    const broken = validateIcp({ ...okDoc(), tiers: { A: 10, B: 20, C: 5 } });
    expect(broken.doc).toBeUndefined();
    expect(broken.problems).toHaveLength(1);
  });

  it('keeps a file without B or C as it was written (no key added)', () => {
    const result = validateIcp(JSON.parse(JSON.stringify({ ...okDoc(), tiers: { A: 80 } })));
    expect(result.problems).toEqual([]);
    expect(result.doc?.tiers).toEqual({ A: 80 });
    expect(Object.keys(result.doc?.tiers ?? {})).toEqual(['A']);
  });

  it('stops at schema problems, since the rules need a well-typed document', () => {
    const result = validateIcp({ ...okDoc(), tiers: { A: 'x', B: 80, C: 90 } });
    expect(result.problems).toEqual([{ path: ['tiers', 'A'], message: 'expected a number, got text "x"' }]);
  });
});
