import { describe, expect, it } from 'vitest';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { compileIcp } from '../../../src/core/score/compile.js';
import { scoreRow } from '../../../src/core/score/score-row.js';
import { newTally, tallyRow } from '../../../src/core/score/tally.js';
import { renderScoreSummary } from '../../../src/render/score.js';

// Two criteria on one column (a fit set and an anti-fit set), as derive writes them.
const doc: IcpDocument = {
  version: 1,
  name: 'test',
  status: 'manual',
  generated_at: '2026-11-23T00:00:00Z',
  source: [],
  cohort: { measure: 'won value', rule: 'top 20%', size: 0, total: 0, share_of_value: null },
  criteria: [
    {
      column: 'Lead Profile',
      attribute: 'lead_profile',
      category: 'other',
      label: 'Lead Profile is Potential Lead',
      match: { in: ['Potential Lead'] },
      points: 100,
    },
    { column: 'Lead Profile', attribute: 'lead_profile', category: 'other', label: 'Lead Profile is Student', match: { in: ['Student'] }, points: -20 },
    { column: 'origin', attribute: 'origin', category: 'other', label: 'origin is Web', match: { in: ['Web'] }, points: 0 },
    { column: 'origin', attribute: 'origin', category: 'other', label: 'origin is Event', match: { in: ['Event'] }, points: -5 },
  ],
  tiers: { A: 75, B: 50, C: 25 },
};
const header = ['Name', 'Lead Profile', 'origin'];

describe('unknown columns are listed once (issue 12, part 6)', () => {
  const compiled = compileIcp(doc, header, []);

  it('names a column with several criteria once among the reasons', () => {
    const reasons: string[] = [];
    const s = scoreRow(compiled, ['Acme', 'Select', ''], reasons);
    expect(reasons).toEqual(['? Lead Profile unknown', '? origin unknown']);
    expect(s.unknown).toEqual([0, 1, 2, 3]);
  });

  it('names a column with several criteria once in the summary', () => {
    const tally = newTally(compiled);
    const rows = [
      ['a', '', 'Web'],
      ['b', 'Student', ''],
      ['c', 'Potential Lead', 'Event'],
      ['d', 'Student', 'Web'],
    ];
    for (const row of rows) tallyRow(tally, scoreRow(compiled, row));
    const line = renderScoreSummary(tally, compiled)
      .split('\n')
      .find((l) => l.startsWith('unknown: '));
    expect(line).toBe('unknown: Lead Profile 25%, origin 25%');
  });
});
