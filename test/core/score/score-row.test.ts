import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateFixtures, truthScore } from '../../../fixtures/generator/index.js';
import { derive } from '../../../src/core/derive/derive.js';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { compileIcp } from '../../../src/core/score/compile.js';
import { scoreRow } from '../../../src/core/score/score-row.js';
import { auc } from '../../../src/core/stats/index.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const doc: IcpDocument = {
  version: 1,
  name: 'test',
  status: 'manual',
  generated_at: '2026-11-23T00:00:00Z',
  source: [],
  cohort: { measure: 'won value', rule: 'top 20%', size: 0, total: 0, share_of_value: null },
  criteria: [
    {
      column: 'Industry',
      attribute: 'industry',
      category: 'firmographic',
      label: 'Industry is Computer Software',
      match: { in: ['Computer Software'] },
      points: 30,
    },
    { column: 'Employees', attribute: 'employees', category: 'firmographic', label: 'Employees 50-500', match: { range: { min: 50, max: 500 } }, points: 25 },
    {
      column: 'Technologies',
      attribute: 'technologies',
      category: 'technographic',
      label: 'Technologies includes Salesforce',
      match: { contains_any: ['Salesforce'] },
      points: 45,
    },
    { column: 'Country', attribute: 'country', category: 'firmographic', label: 'Country is Brazil', match: { in: ['Brazil'] }, points: -10 },
    { column: 'Competitor', attribute: 'competitor', category: 'other', label: 'Competitor is yes', match: { equals: true }, points: 0, disqualify: true },
  ],
  tiers: { A: 75, B: 50, C: 25 },
};
const header = ['Name', 'Industry', 'Employees', 'Country', 'Technologies', 'Competitor'];

describe('scoreRow', () => {
  const compiled = compileIcp(doc, header, [['x', 'Retail', '1,200', 'Brazil', 'AWS;Slack', 'no']]);

  it('adds the points of matched criteria, lists unknowns, and explains itself', () => {
    const reasons: string[] = [];
    const s = scoreRow(compiled, ['Acme', 'computer software', '120', 'Brazil', '', 'no'], reasons);
    expect(s.raw).toBe(45);
    expect(s.score).toBe(45);
    expect(s.tier).toBe('C');
    expect(reasons).toEqual(['+30 Industry is computer software', '+25 Employees 120 in 50-500', '-10 Country is Brazil', '? Technologies unknown']);
    expect(s.unknown.map((i) => compiled.criteria[i]?.criterion.column)).toEqual(['Technologies']);
  });

  it('treats a missing value as unknown, never a mismatch, and reads employee bands', () => {
    const s = scoreRow(compiled, ['Acme', 'N/A', '51-200', '-', 'Salesforce; HubSpot', '']);
    expect(s.matched.map((i) => compiled.criteria[i]?.criterion.column)).toEqual(['Employees', 'Technologies']);
    expect(s.unknown.map((i) => compiled.criteria[i]?.criterion.column)).toEqual(['Industry', 'Country', 'Competitor']);
    expect(s.score).toBe(70);
  });

  it('reads missing markers inside a list as no token: a cell of markers only is unknown, not "uses nothing"', () => {
    const withOther = scoreRow(compiled, ['Acme', 'Retail', '5', 'US', 'unknown; Salesforce', 'no']);
    expect(withOther.matched.map((i) => compiled.criteria[i]?.criterion.column)).toEqual(['Technologies']);
    const markers = scoreRow(compiled, ['Acme', 'Retail', '5', 'US', 'unknown;n/a', 'no']);
    expect(markers.unknown.map((i) => compiled.criteria[i]?.criterion.column)).toEqual(['Technologies']);
    const other = scoreRow(compiled, ['Acme', 'Retail', '5', 'US', 'AWS;none', 'no']);
    expect(other.unknown).toEqual([]);
    expect(other.matched).toEqual([]);
  });

  it('clips negative sums at 0 and marks knockouts disqualified', () => {
    const s = scoreRow(compiled, ['Acme', 'Retail', '5', 'Brazil', 'AWS', 'yes']);
    expect(s.raw).toBe(-10);
    expect(s.score).toBe(0);
    expect(s.tier).toBe('disqualified');
  });

  it('reasons add up exactly to the unclipped score for any row', () => {
    const cell = fc.oneof(fc.constantFrom('', 'N/A', 'Computer Software', 'Retail', 'Brazil', 'Salesforce', 'yes', 'no', '120', '51-200', '9999'), fc.string());
    fc.assert(
      fc.property(fc.array(cell, { minLength: 6, maxLength: 6 }), (cells) => {
        const reasons: string[] = [];
        const s = scoreRow(compiled, cells, reasons);
        const sum = reasons.filter((r) => !r.startsWith('?')).reduce((t, r) => t + Number(r.split(' ')[0]), 0);
        expect(sum).toBe(s.raw);
      }),
    );
  });
});

describe('an ICP derived from the fixture customers ranks the fixture leads', () => {
  it("has an AUC against Converted of at least 0.9 of the generator's own truth", () => {
    const root = new URL('../../../fixtures/', import.meta.url);
    const customers = tableFromCsv('customers.csv', readFileSync(new URL('customers.csv', root), 'utf8'));
    const deals = tableFromCsv('deals.csv', readFileSync(new URL('deals.csv', root), 'utf8'));
    const leads = tableFromCsv('leads.csv', readFileSync(new URL('leads.csv', root), 'utf8'));
    const result = derive({
      customers,
      deals,
      generatedAt: '2026-11-23T00:00:00Z',
      recordedOptions: {},
      options: { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 },
    });
    const compiled = compileIcp(result.doc, leads.header, leads.rows);
    const converted = leads.header.indexOf('Converted');
    expect(converted).toBeGreaterThanOrEqual(0);
    // Converted is truth, never an input: the ICP must not read it.
    expect(compiled.criteria.every((c) => c.column !== converted)).toBe(true);
    const labels = leads.rows.map((r) => r[converted] === 'true');
    const scores = leads.rows.map((r) => scoreRow(compiled, r).score);
    const truth = generateFixtures({ seed: 42 }).truth;
    const truthScores = leads.rows.map((r) => truthScore(Object.fromEntries(leads.header.map((h, i) => [h, r[i] ?? ''])), truth));
    const ours = auc(scores, labels) as number;
    const best = auc(truthScores, labels) as number;
    expect(best).toBeGreaterThan(0.6);
    expect(ours).toBeGreaterThanOrEqual(0.9 * best);
  });
});
