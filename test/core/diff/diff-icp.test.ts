import { describe, expect, it } from 'vitest';
import { diffIcp, structuralChanges } from '../../../src/core/diff/diff-icp.js';
import type { Criterion, IcpDocument, Tiers } from '../../../src/core/icp/schema.js';
import { renderDiff } from '../../../src/render/diff.js';

const doc = (criteria: Criterion[], tiers: Tiers = { A: 75, B: 50, C: 25 }): IcpDocument => ({
  version: 1,
  name: 'x',
  status: 'manual',
  generated_at: '2026-01-01T00:00:00Z',
  source: [],
  cohort: { measure: 'm', rule: 'r', size: 0, total: 0, share_of_value: null },
  criteria,
  tiers,
});
const c = (column: string, match: Criterion['match'], points: number, label = `${column} ${JSON.stringify(match)}`): Criterion => ({
  column,
  attribute: column.toLowerCase(),
  category: 'firmographic',
  label,
  match,
  points,
});

describe('diffIcp', () => {
  const old = doc([
    c('Industry', { in: ['Software', 'Finance'] }, 40),
    c('Employees', { range: { min: 50, max: 500 } }, 30),
    c('Tech', { contains_any: ['Salesforce'] }, 30),
    c('Country', { in: ['Brazil'] }, -10),
  ]);

  it('finds nothing between a document and itself', () => {
    const d = diffIcp(old, old);
    expect(d.changes).toEqual([]);
    expect(d.unchanged).toHaveLength(4);
  });

  it('tells structural changes from sampling noise', () => {
    const next = doc([
      c('Industry', { in: ['Software', 'Retail'] }, 38),
      c('Employees', { range: { min: 60, max: 520 } }, 33),
      c('Country', { in: ['Brazil'] }, -10),
      c('Has App', { equals: true }, 29),
    ]);
    const d = diffIcp(old, next);
    const kinds = d.changes.map((x) => `${x.kind}:${x.column}:${x.within_noise}`);
    expect(kinds).toEqual([
      'values_changed:Industry:false',
      'points_changed:Industry:true',
      'range_changed:Employees:true',
      'points_changed:Employees:true',
      'removed:Tech:false',
      'added:Has App:false',
    ]);
    const industry = d.changes[0];
    expect(industry?.added_values).toEqual(['Retail']);
    expect(industry?.removed_values).toEqual(['Finance']);
    expect(structuralChanges(d).map((x) => x.kind)).toEqual(['values_changed', 'removed', 'added']);
  });

  it('compares the tiers each file has, a file with fewer tiers included, and shows both', () => {
    expect(diffIcp(old, old)).toMatchObject({ tiers_changed: false, tiers: { old: 'A>=75 B>=50 C>=25', new: 'A>=75 B>=50 C>=25' } });
    const two = doc(old.criteria, { A: 75, B: 50 });
    const d = diffIcp(old, two);
    expect(d).toMatchObject({ tiers_changed: true, tiers: { old: 'A>=75 B>=50 C>=25', new: 'A>=75 B>=50' } });
    expect(diffIcp(two, doc(old.criteria, { A: 75, B: 50 })).tiers_changed).toBe(false);
    expect(renderDiff(d, { old: 'old.yaml', new: 'new.yaml' }, { color: false })).toContain('Tier thresholds changed: A>=75 B>=50 C>=25 -> A>=75 B>=50.\n');
  });

  it('calls a range that moved by more than a quarter of its width a change', () => {
    const d = diffIcp(old, doc([c('Employees', { range: { min: 200, max: 500 } }, 30)]));
    expect(d.changes.find((x) => x.kind === 'range_changed')?.within_noise).toBe(false);
  });
});
