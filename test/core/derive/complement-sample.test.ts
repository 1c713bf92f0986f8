import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/columns/cell-value.js';
import { searchColumns } from '../../../src/core/derive/search.js';
import { complementOf, sampleOf } from '../../../src/core/derive/search-types.js';
import { encoded } from '../../helpers/encoded.js';

const OPTIONS = { minSupport: 2, minLift: 1 };

/** A column of each kind the search counts (a category, a list, a number, a yes/no), from one seeded draw. */
function columnsOf(n: number, next: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const cells = (make: () => CellValue) => Array.from({ length: n }, () => (next() < 0.1 ? null : make()));
  return [
    encoded(
      0,
      'Industry',
      'category',
      cells(() => pick(['Retail', 'Software', 'Finance', 'Health'])),
    ),
    encoded(
      1,
      'Tools',
      'multi',
      cells(() => [pick(['Slack', 'Jira']), pick(['Slack', 'HubSpot', 'Zoom'])]),
    ),
    encoded(
      2,
      'Employees',
      'number',
      cells(() => Math.floor(next() * 40) * 10),
    ),
    encoded(
      3,
      'Partner',
      'boolean',
      cells(() => next() < 0.4),
    ),
  ];
}

describe('a complement sample (the other half of a complementary pair)', () => {
  it('tests every hypothesis as a sample of its rows counted directly does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 400 }), fc.integer(), (n, seed) => {
        let s = seed >>> 0;
        const next = () => {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          return s / 4294967296;
        };
        const columns = columnsOf(n, next);
        const labels = Uint8Array.from({ length: n }, () => (next() < 0.3 ? 1 : 0));
        const whole = sampleOf(
          Int32Array.from({ length: n }, (_, i) => i),
          labels,
        );
        const half = sampleOf(
          whole.rows.filter(() => next() < 0.5),
          labels,
        );
        // The whole and the half are searched first, as stability searches them before the complement.
        searchColumns(columns, whole, OPTIONS);
        searchColumns(columns, half, OPTIONS);
        const complement = complementOf(whole, half);
        const direct = sampleOf(
          whole.rows.filter((r) => half.mask[r] === 0),
          labels,
        );
        expect(complement.rows).toEqual(direct.rows);
        expect(searchColumns(columns, complement, OPTIONS)).toEqual(searchColumns(columns, direct, OPTIONS));
      }),
      { numRuns: 60 },
    );
  });
});
