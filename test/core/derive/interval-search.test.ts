import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalTest } from '../../../src/core/derive/interval-search.js';
import { sampleOf } from '../../../src/core/derive/search-types.js';
import { NO_BUCKET, valueBuckets } from '../../../src/core/derive/value-buckets.js';
import { sortedNumbers } from '../../../src/core/derive/encode.js';
import { encoded } from '../../helpers/encoded.js';
import { referenceIntervalTest } from './interval-reference.js';

/** A small seeded generator (mulberry32), so one fast-check seed makes a whole column of thousands of rows. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Shapes a real number column has: few distinct values (ages, seats), many (revenue), one value for most
// rows (zero minutes on the website), runs of ties shorter than a bucket (whole-dollar amounts), negative
// zero, and unknowns.
const shapes = ['few', 'many', 'one-heavy', 'mixed', 'short-ties'] as const;

function columnOf(shape: (typeof shapes)[number], n: number, unknown: number, next: () => number): (number | null)[] {
  return Array.from({ length: n }, () => {
    if (next() < unknown) return null;
    const u = next();
    switch (shape) {
      case 'few':
        return Math.floor(u * 7) - 3 || (next() < 0.5 ? -0 : 0);
      case 'many':
        return Math.round(u * 1e6) / 100;
      case 'one-heavy':
        return u < 0.6 ? 0 : Math.floor(u * 500);
      case 'mixed':
        return u < 0.3 ? 10 : u < 0.5 ? Math.floor(u * 40) : u * 1000;
      case 'short-ties':
        return Math.floor((u * n) / 3);
      default:
        throw new Error(`no such shape: ${String(shape)}`);
    }
  });
}

const cases = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  shape: fc.constantFrom(...shapes),
  // Above 4,096 known values the buckets hold more than one position: the case the bucketed search is for.
  n: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 4_000, max: 30_000 })),
  unknown: fc.constantFrom(0, 0.1, 0.5),
  inSample: fc.constantFrom(1, 0.5, 0.8, 0.02),
  cohortShare: fc.constantFrom(0.5, 0.1, 0.01),
  minSupport: fc.constantFrom(0.05, 0.2, 3),
  minLift: fc.constantFrom(1, 1.5, 3),
});

describe('intervalTest', () => {
  it('equals the search over the whole value order, on every sample', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const next = random(c.seed);
        const values = columnOf(c.shape, c.n, c.unknown, next);
        const column = encoded(0, 'Number', 'number', values);
        if (column.kind !== 'numeric') throw new Error('expected a number column');
        // The cohort leans to larger values, so that intervals are found as well as missed.
        const labels = Uint8Array.from(values, (v) => (next() < c.cohortShare * (v !== null && v > 5 ? 3 : 1) ? 1 : 0));
        const rows = Int32Array.from(values.keys()).filter(() => next() < c.inSample);
        const sample = sampleOf(rows, labels);
        const o = { minSupport: c.minSupport, minLift: c.minLift };
        expect(intervalTest(column, 3, sample, o)).toEqual(referenceIntervalTest(column, 3, sample, o));
      }),
      { numRuns: 150 },
    );
  });
});

describe('valueBuckets', () => {
  it('covers the value order in order, never splits a run of ties, and marks only rows with a number', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const values = columnOf(c.shape, c.n, c.unknown, random(c.seed));
        const column = encoded(0, 'Number', 'number', values);
        if (column.kind !== 'numeric') throw new Error('expected a number column');
        const { of, starts, single } = valueBuckets(column);
        const { order } = column;
        const sorted = sortedNumbers(column);
        expect(starts.length - 1).toBeLessThan(NO_BUCKET);
        if (order.length === 0) {
          expect(starts.length).toBe(1);
          return;
        }
        expect([starts[0], starts[starts.length - 1]]).toEqual([0, order.length]);
        for (let b = 0; b + 1 < starts.length; b++) {
          const from = starts[b] as number;
          const to = starts[b + 1] as number;
          expect(to).toBeGreaterThan(from);
          if (from > 0) expect(sorted[from - 1]).not.toBe(sorted[from]);
          expect(single[b]).toBe(sorted[from] === sorted[to - 1] ? 1 : 0);
          for (let p = from; p < to; p++) expect(of[order[p] as number]).toBe(b);
        }
        const unknown = values.flatMap((v, r) => (v === null ? [r] : []));
        expect(unknown.every((r) => of[r] === NO_BUCKET)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
