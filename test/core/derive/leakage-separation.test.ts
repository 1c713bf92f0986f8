import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/core/columns/infer.js';
import { attributeColumn } from '../../../src/core/derive/attribute-column.js';
import { encodeColumn } from '../../../src/core/derive/encode.js';
import { coverage } from '../../../src/core/derive/leakage-coverage.js';
import { categoryAuc, listAuc, numericAuc } from '../../../src/core/derive/leakage-separation.js';
import { tallyOf, type CodedColumn } from '../../../src/core/derive/leakage-tally.js';
import * as reference from './leakage-reference.js';

const FOLDS = 5;
const info = (type: ColumnInfo['type']): ColumnInfo => ({ index: 0, header: 'c', role: undefined, type, notes: [] });

/** The encoded column as the screen reads it (keys are the spellings' categoryKeys). */
function coded(values: readonly unknown[], type: 'category' | 'multi'): CodedColumn {
  const e = encodeColumn(0, attributeColumn(info(type), values as never));
  if (e.kind === 'category') return { kind: 'category', codes: e.codes, size: e.names.length, keys: e.names.map((n) => n.toLowerCase()) };
  if (e.kind === 'multi') return { kind: 'multi', offsets: e.offsets, tokens: e.tokens, size: e.names.length, keys: e.names.map((n) => n.toLowerCase()) };
  throw new Error('not a coded column');
}

const known = (tokens: readonly (string[] | undefined)[]) => tokens.flatMap((t, r) => (t ? [r] : []));

// Few spellings, with case and space variants of one another, so codes collide as keys do.
const spelling = fc.constantFrom('Retail', 'retail ', 'RETAIL', 'Banking', 'Oil & Gas', 'b', 'B', 'Zinc', 'a');
const category = fc.oneof({ weight: 5, arbitrary: spelling }, { weight: 1, arbitrary: fc.constant(null) });
const list = fc.oneof({ weight: 5, arbitrary: fc.uniqueArray(spelling, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant(null) });
const number = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(0.5), fc.constant(-0), fc.constant(null), fc.double({ noNaN: true, min: -1e6, max: 1e6 }));

/** Rows of one column with a cohort flag and a fold seed, each class present often enough to matter. */
const rowsOf = <T>(cell: fc.Arbitrary<T>) =>
  fc.record({ rows: fc.array(fc.tuple(cell, fc.boolean()), { minLength: 0, maxLength: 120 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });

describe('the leakage screen by counting equals the row-by-row definitions', () => {
  it('a category: out-of-fold AUC and coverage (property)', () => {
    fc.assert(
      fc.property(rowsOf(category), ({ rows, seed }) => {
        const values = rows.map(([v]) => v);
        const cohort = rows.map(([, c]) => c);
        const fold = reference.foldsOf(cohort, seed);
        const tokens = values.map(reference.tokensOf);
        const c = coded(values, 'category');
        expect(categoryAuc(tallyOf(c, cohort, fold, FOLDS))).toBe(reference.categoryAuc(tokens, known(tokens), cohort, fold));
        expect(coverage(c, tallyOf(c, cohort, fold, FOLDS), cohort, fold, 0.9)).toEqual(reference.coverage(tokens, known(tokens), cohort, fold));
      }),
      { numRuns: 300 },
    );
  });

  it('a list: out-of-fold AUC of the best token and coverage (property)', () => {
    fc.assert(
      fc.property(rowsOf(list), ({ rows, seed }) => {
        const values = rows.map(([v]) => v);
        const cohort = rows.map(([, c]) => c);
        const fold = reference.foldsOf(cohort, seed);
        const tokens = values.map(reference.tokensOf);
        const c = coded(values, 'multi');
        expect(listAuc(c, tallyOf(c, cohort, fold, FOLDS))).toBe(reference.listAuc(tokens, known(tokens), cohort, fold));
        expect(coverage(c, tallyOf(c, cohort, fold, FOLDS), cohort, fold, 0.9)).toEqual(reference.coverage(tokens, known(tokens), cohort, fold));
      }),
      { numRuns: 300 },
    );
  });

  it('a number: out-of-fold AUC with its direction learned on the training folds, ties included (property)', () => {
    fc.assert(
      fc.property(rowsOf(number), ({ rows, seed }) => {
        const values = rows.map(([v]) => v);
        const cohort = rows.map(([, c]) => c);
        const fold = reference.foldsOf(cohort, seed);
        const rowsKnown = values.flatMap((v, r) => (typeof v === 'number' ? [r] : []));
        const expected = reference.numericAuc(values as number[], rowsKnown, cohort, fold);
        expect(numericAuc(values, cohort, fold, FOLDS)).toBe(expected);
        // With the rows in value order as the encoded column keeps them, as derive passes them.
        const e = encodeColumn(0, attributeColumn(info('number'), values as never));
        expect(numericAuc(values, cohort, fold, FOLDS, e.kind === 'numeric' ? e.order : undefined)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("separates a planted column at AUC 1, and an unrelated one stays far below the screen's 0.9", () => {
    const n = 2000;
    const cohort = Array.from({ length: n }, (_, i) => i % 4 === 0);
    const fold = reference.foldsOf(cohort, 1);
    const planted = coded(
      cohort.map((c) => (c ? 'Won' : 'Lost')),
      'category',
    );
    const noise = coded(
      cohort.map((_, i) => `v${(i * 7919) % 13}`),
      'category',
    );
    expect(categoryAuc(tallyOf(planted, cohort, fold, FOLDS))).toBe(1);
    expect(categoryAuc(tallyOf(noise, cohort, fold, FOLDS)) as number).toBeLessThan(0.6);
  });
});
