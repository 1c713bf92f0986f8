import { describe, expect, it } from 'vitest';
import { antiPermutationP } from '../../../src/core/derive/anti-permutation.js';
import { findParents } from '../../../src/core/derive/hierarchy.js';
import { codeCounts } from '../../../src/core/derive/code-counts.js';
import { searchColumns } from '../../../src/core/derive/search.js';
import { selectCriteria, type SelectOptions } from '../../../src/core/derive/select.js';
import { seededRandom } from '../../../src/core/random.js';
import { encoded, everyRow } from '../../helpers/encoded.js';

const OPTIONS: SelectOptions & { minSupport: number } = { alpha: 0.05, maxCriteria: 8, minLift: 1.5, minSupport: 0.05, seed: 1 };
const INDUSTRIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** Companies whose cohort odds depend on their industry only: `rate` per industry. */
function industries(seed: number, n: number, rate: (industry: string) => number) {
  const next = seededRandom(seed);
  const values: string[] = [];
  const cohort: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const v = INDUSTRIES[Math.floor(next() * INDUSTRIES.length)] as string;
    values.push(v);
    cohort.push(next() < rate(v));
  }
  return { column: encoded(0, 'Industry', 'category', values), cohort };
}

function select(column: ReturnType<typeof industries>['column'], cohort: boolean[]) {
  const sample = everyRow(cohort);
  const tests = searchColumns([column], sample, OPTIONS);
  return selectCriteria([column], tests, sample, findParents([column]), OPTIONS);
}

describe('selectCriteria: sets judged as sets', () => {
  it('keeps two equally enriched values together although the smaller one alone misses the lift (>= 19 of 20 seeds)', () => {
    let together = 0;
    for (let seed = 1; seed <= 20; seed++) {
      // A is common, B rare; both have the same true lift.
      const next = seededRandom(seed);
      const values: string[] = [];
      const cohort: boolean[] = [];
      for (let i = 0; i < 2000; i++) {
        const u = next();
        const v = u < 0.3 ? 'A' : u < 0.42 ? 'B' : (INDUSTRIES[2 + Math.floor(next() * 6)] as string);
        values.push(v);
        cohort.push(next() < (v === 'A' || v === 'B' ? 0.33 : 0.12));
      }
      const s = select(encoded(0, 'Country', 'category', values), cohort);
      const fit = s.selected.find((x) => x.direction === 'fit');
      if (fit && 'in' in fit.match && fit.match.in.join() === 'A,B') together++;
    }
    expect(together).toBeGreaterThanOrEqual(19);
  });

  it('leaves out an anti-fit set that only restates "not the fit set" (at most 1 of 20 seeds)', () => {
    let emitted = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { column, cohort } = industries(seed, 3000, (v) => (v === 'A' || v === 'B' ? 0.4 : 0.1));
      const s = select(column, cohort);
      expect(s.selected.some((x) => x.direction === 'fit')).toBe(true);
      if (s.selected.some((x) => x.direction === 'anti')) emitted++;
    }
    expect(emitted).toBeLessThanOrEqual(1);
  });

  it('keeps a genuinely under-represented value with its permutation p (at least 19 of 20 seeds)', () => {
    let kept = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { column, cohort } = industries(seed, 3000, (v) => (v === 'A' || v === 'B' ? 0.4 : v === 'H' ? 0.01 : 0.12));
      const anti = select(column, cohort).selected.find((x) => x.direction === 'anti');
      if (anti && 'in' in anti.match && anti.match.in.includes('H')) {
        kept++;
        expect(anti.pKind).toBe('permutation');
      }
    }
    expect(kept).toBeGreaterThanOrEqual(19);
  });

  it('gives a valid selection-aware p under the null: below 0.01 in at most 5 of 200 data sets', () => {
    let small = 0;
    let picked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { column, cohort } = industries(seed, 1000, (v) => (v === 'A' || v === 'B' ? 0.4 : 0.1));
      const sample = everyRow(cohort);
      const fitCodes = new Set(['A', 'B'].map((v) => (column.kind === 'category' ? column.names.indexOf(v) : -1)));
      const { p, picked: set } = antiPermutationP(
        column as Parameters<typeof antiPermutationP>[0],
        fitCodes,
        codeCounts(column as Parameters<typeof codeCounts>[0], sample),
        { alpha: 0.5, pStar: 0.5, minSupport: 0.05, minLift: 1.01 },
        199,
        seed,
      );
      if (set.length > 0) picked++;
      if (p < 0.01) small++;
    }
    // A lenient picking (alpha 0.5) picks a set in most data sets, so the test is really exercised.
    expect(picked).toBeGreaterThan(50);
    expect(small).toBeLessThanOrEqual(5);
  });

  it('never keeps a boolean below --min-lift, showing the side that has the lift', () => {
    const next = seededRandom(3);
    const flags: boolean[] = [];
    const cohort: boolean[] = [];
    for (let i = 0; i < 4000; i++) {
      const yes = next() < 0.1;
      flags.push(yes);
      cohort.push(next() < (yes ? 0.08 : 0.2));
    }
    const column = encoded(0, 'Do Not Email', 'boolean', flags);
    const sample = everyRow(cohort);
    const s = selectCriteria([column], searchColumns([column], sample, OPTIONS), sample, new Map(), OPTIONS);
    // "is no" has a lift of about 1.1: never a fit criterion; "is yes" is the anti-fit it really is.
    expect(s.selected.filter((x) => x.direction === 'fit')).toEqual([]);
    const anti = s.selected.find((x) => x.direction === 'anti');
    expect(anti?.match).toEqual({ equals: true });
    expect(s.leftOut.every((l) => l.reason !== 'below_lift' || l.criterion.direction === 'fit')).toBe(true);
  });
});

describe('selectCriteria: hierarchy from the data', () => {
  it('tests a city within its country and leaves it out when the country explains it', () => {
    const next = seededRandom(5);
    const places: [string, string][] = [
      ['US', 'NY'],
      ['US', 'SF'],
      ['US', 'LA'],
      ['UK', 'London'],
      ['UK', 'Leeds'],
      ['DE', 'Berlin'],
      ['DE', 'Munich'],
      ['FR', 'Paris'],
    ];
    const country: string[] = [];
    const city: string[] = [];
    const cohort: boolean[] = [];
    for (let i = 0; i < 3000; i++) {
      const [c, t] = places[Math.floor(next() * places.length)] as [string, string];
      country.push(c);
      city.push(t);
      cohort.push(next() < (c === 'US' ? 0.35 : 0.12));
    }
    const columns = [encoded(0, 'Country', 'category', country, 'country'), encoded(1, 'City', 'category', city, 'city')];
    const parents = findParents(columns);
    expect(parents.get(1)?.parent).toBe(0);
    expect(parents.has(0)).toBe(false);
    const sample = everyRow(cohort);
    const s = selectCriteria(columns, searchColumns(columns, sample, OPTIONS), sample, parents, OPTIONS);
    expect(s.selected.map((x) => x.column)).toEqual([0]);
    expect(s.leftOut.some((l) => l.reason === 'nested' && l.criterion.column === 1)).toBe(true);
  });

  it('tests a number within bins of a simpler one it follows (revenue with employees)', () => {
    const next = seededRandom(9);
    const employees: number[] = [];
    const revenue: number[] = [];
    const cohort: boolean[] = [];
    for (let i = 0; i < 3000; i++) {
      const e = Math.round(120 * Math.exp(2 * (next() + next() + next() - 1.5)));
      employees.push(e);
      revenue.push(Math.round(e * 150_000 * Math.exp(0.3 * (next() - 0.5))));
      cohort.push(next() < (e >= 50 && e <= 500 ? 0.35 : 0.1));
    }
    const columns = [encoded(0, 'Number of Employees', 'number', employees, 'employees'), encoded(1, 'Annual Revenue', 'money', revenue, 'annual_revenue')];
    const parents = findParents(columns);
    expect(parents.get(1)).toMatchObject({ parent: 0, why: 'correlated' });
    const sample = everyRow(cohort);
    const s = selectCriteria(columns, searchColumns(columns, sample, OPTIONS), sample, parents, OPTIONS);
    expect(s.selected.map((x) => x.column)).toEqual([0]);
    expect(s.leftOut.some((l) => l.reason === 'correlated' && l.criterion.column === 1)).toBe(true);
  });
});
