import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/columns/cell-value.js';
import type { ColumnType } from '../../../src/core/columns/infer.js';
import { sortedNumbers } from '../../../src/core/derive/encode.js';
import { membership } from '../../../src/core/derive/membership.js';
import type { Match } from '../../../src/core/icp/schema.js';
import { matcher } from '../../../src/core/score/match.js';
import { encoded } from '../../helpers/encoded.js';

const words = fc.constantFrom('Software', 'software ', ' SOFTWARE', 'Retail', 'Health & Care', 'Ö-Bank', '');
const cases: { type: ColumnType; cell: fc.Arbitrary<CellValue | null>; match: fc.Arbitrary<Match> }[] = [
  { type: 'category', cell: fc.option(words, { nil: null }), match: fc.array(words, { maxLength: 3 }).map((v) => ({ in: v })) },
  {
    type: 'multi',
    // readCell never gives an empty token (an empty list is missing), so neither does this.
    cell: fc.option(
      fc.array(
        words.filter((w) => w.trim() !== ''),
        { minLength: 1, maxLength: 4 },
      ),
      { nil: null },
    ),
    match: fc.array(words, { maxLength: 3 }).map((v) => ({ contains_any: v })),
  },
  {
    type: 'number',
    cell: fc.option(fc.oneof(fc.integer({ min: -5, max: 600 }), fc.double({ min: -10, max: 1000, noNaN: true })), { nil: null }),
    match: fc
      .record({ min: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }), max: fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }) })
      .map((range) => ({ range })),
  },
  {
    type: 'date',
    cell: fc.option(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 0, 1) }), { nil: null }),
    match: fc.record({ min: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }) }).map((range) => ({ range })),
  },
  { type: 'boolean', cell: fc.option(fc.boolean(), { nil: null }), match: fc.boolean().map((equals) => ({ equals })) },
];

describe('membership over encoded columns', () => {
  it.each(cases.map((c) => [c.type, c] as const))("equals the scorer's matcher for every %s cell (property)", (type, c) => {
    fc.assert(
      fc.property(fc.array(c.cell, { minLength: 1, maxLength: 30 }), c.match, (cells, match) => {
        const column = encoded(0, 'Column', type, cells);
        const got = Array.from(membership(column, match));
        const test = matcher(match, type === 'date');
        const want = cells.map((v) => {
          const m = test(v);
          return m === null ? -1 : m ? 1 : 0;
        });
        // A blank category or an empty token list is unknown for both.
        expect(got).toEqual(want.map((w, i) => (typeof cells[i] === 'string' && (cells[i] as string).trim() === '' ? -1 : w)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a number column in value order', () => {
  const byComparison = (values: readonly (number | null)[]) =>
    values.flatMap((v, i) => (typeof v === 'number' && Number.isFinite(v) ? [i] : [])).sort((x, y) => (values[x] as number) - (values[y] as number) || x - y);

  it('lists the rows with a number by value, then by row, as a comparison sort does (property)', () => {
    const cell = fc.option(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -0, Infinity), fc.double({ noNaN: true, min: -1e9, max: 1e9 })), {
      nil: null,
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), (values) => {
        const column = encoded(0, 'n', 'number', values);
        if (column.kind !== 'numeric') throw new Error('not numeric');
        expect([...column.order]).toEqual(byComparison(values));
        // -0 is read as 0, so that a run of ties holds one number.
        const sorted = sortedNumbers(column);
        expect([...sorted]).toEqual([...column.order].map((r) => (values[r] as number) + 0));
        expect([...sorted].some((v) => Object.is(v, -0))).toBe(false);
      }),
    );
  });

  it('sorts a column of more distinct values than it counts into place by comparison, to the same order', () => {
    const values = Array.from({ length: 70_000 }, (_, i) => ((i * 7919) % 70_001) / 7);
    const column = encoded(0, 'n', 'number', values);
    expect(column.kind === 'numeric' && [...column.order]).toEqual(byComparison(values));
  });
});
