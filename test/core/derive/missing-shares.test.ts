import { describe, expect, it } from 'vitest';
import { attributeColumn } from '../../../src/core/derive/attribute-column.js';
import { missingShareNotes } from '../../../src/core/derive/missing-shares.js';

/** A column named `name` with these values, as derive reads one. */
const named = (name: string, values: readonly (string | null | undefined)[]) =>
  attributeColumn({ index: 0, header: name, role: undefined, type: 'category', notes: [] }, values);

/** n values, the first `missing` of them null. */
function column(n: number, missing: number): (string | null)[] {
  return Array.from({ length: n }, (_, i) => (i < missing ? null : 'x'));
}

describe('missingShareNotes', () => {
  // 200 best customers then 800 others.
  const cohort = Array.from({ length: 1000 }, (_, i) => i < 200);

  it('notes a planted difference in missing shares as data quality, with both shares', () => {
    const large = Array.from({ length: 5000 }, (_, i) => i < 1000);
    const values = [...column(1000, 220), ...column(4000, 520)]; // 22% and 13%
    const notes = missingShareNotes([named('origin', values)], large);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^Data quality: origin is missing for 22% of the best customers and 13% of the rest/);
  });

  it('is silent on equal shares, on a difference below 5 points, and on a column with nothing missing', () => {
    const equal = [...column(200, 40), ...column(800, 160)]; // 20% and 20%
    const close = [...column(200, 36), ...column(800, 112)]; // 18% and 14%: p < 0.001? no, and under 5 points
    const full = column(1000, 0);
    expect(missingShareNotes([named('a', equal), named('b', close), named('c', full)], cohort)).toEqual([]);
  });

  it('needs p < 0.001 as well as 5 points: a small sample with a large gap is silent', () => {
    const small = Array.from({ length: 40 }, (_, i) => i < 10);
    const values = [...column(10, 3), ...column(30, 3)]; // 30% and 10%, p about 0.14
    expect(missingShareNotes([named('origin', values)], small)).toEqual([]);
  });

  it('counts only null as missing, names the cohort as told, and keeps the columns in order', () => {
    const values = [...column(200, 60), ...column(800, 0)].map((v, i) => (v === null ? null : i % 2 ? undefined : v));
    const other = [...column(200, 0), ...column(800, 200)];
    const notes = missingShareNotes([named('Lead Source', values), named('Country', other)], cohort, { cohortName: 'the positive records' });
    expect(notes).toEqual([
      expect.stringMatching(/^Data quality: Lead Source is missing for 30% of the positive records and 0% of the rest/),
      expect.stringMatching(/^Data quality: Country is missing for 0% of the positive records and 25% of the rest/),
    ]);
  });
});
