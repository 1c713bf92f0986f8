import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findParents, NESTED_SHARE } from '../../../src/core/derive/hierarchy.js';
import { encoded } from '../../helpers/encoded.js';

/** The share of customers (both known) whose child value sits in its commonest parent value, in one plain pass. */
function nestedShare(child: (string | null)[], parent: (string | null)[]): number {
  const counts = new Map<string, Map<string, number>>();
  let both = 0;
  child.forEach((c, i) => {
    const p = parent[i];
    if (c === null || p === null || p === undefined) return;
    both++;
    const byParent = counts.get(c) ?? new Map<string, number>();
    byParent.set(p, (byParent.get(p) ?? 0) + 1);
    counts.set(c, byParent);
  });
  let inside = 0;
  for (const byParent of counts.values()) inside += Math.max(...byParent.values());
  return both === 0 ? 0 : inside / both;
}

/**
 * Cities in countries: each city's own country, except for `outside` rows given another one, put first
 * (the worst order for a pass that stops early), last or anywhere; some cells missing.
 */
const nesting = fc
  .record({
    rows: fc.integer({ min: 200, max: 3000 }),
    outsidePerMille: fc.constantFrom(0, 5, 9, 10, 11, 15, 40, 300),
    order: fc.constantFrom('first', 'last', 'spread'),
    missing: fc.constantFrom(0, 0.05),
    seed: fc.integer({ min: 1, max: 1e6 }),
  })
  .map(({ rows, outsidePerMille, order, missing, seed }) => {
    let state = seed;
    const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const outside = Math.round((outsidePerMille / 1000) * rows);
    // Which rows are outside: the first `outside`, the last, or every `step`-th.
    const step = Math.max(1, Math.floor(rows / Math.max(1, outside)));
    const at = (i: number) => (order === 'first' ? i < outside : order === 'last' ? i >= rows - outside : i % step === 0 && i / step < outside);
    const city: (string | null)[] = [];
    const country: (string | null)[] = [];
    for (let i = 0; i < rows; i++) {
      const c = Math.floor(next() * 30);
      city.push(next() < missing ? null : `City ${c}`);
      country.push(next() < missing ? null : `Country ${at(i) ? (c + 1) % 5 : c % 5}`);
    }
    return { city, country };
  });

describe('findParents: nested categories', () => {
  it('finds a city nested in its country exactly when a plain pass says so, whatever the order of the rows (property)', () => {
    fc.assert(
      fc.property(nesting, ({ city, country }) => {
        const columns = [encoded(0, 'Country', 'category', country), encoded(1, 'City', 'category', city)];
        const nested = findParents(columns).get(1)?.parent === 0;
        expect(nested).toBe(nestedShare(city, country) >= NESTED_SHARE);
      }),
      { numRuns: 300 },
    );
  });
});
