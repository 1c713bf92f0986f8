import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/core/columns/infer.js';
import { attributeColumn, type AttributeValue } from '../../../src/core/derive/attribute-column.js';
import { LeakageScreen, leakageNote, outcomeWords, LEAK_AUC } from '../../../src/core/derive/leakage.js';
import { spearman } from '../../../src/core/stats/index.js';
import { seededRandom } from '../../../src/core/random.js';
import { auc } from '../../../src/core/stats/index.js';

const N = 600;
const info = (index: number, header: string, type: ColumnInfo['type']): ColumnInfo => ({ index, header, role: undefined, type, notes: [] });

/** 600 customers, a fifth of them (spread over the rows) in the cohort. */
function base(seed = 7) {
  const random = seededRandom(seed);
  const cohort = Array.from({ length: N }, () => random() < 0.2);
  return { random, cohort };
}

function screen(columns: [ColumnInfo, readonly AttributeValue[]][], cohort: boolean[], value?: { label: string; values: number[] }) {
  const map = new Map(columns.map(([i, values]) => [i.index, attributeColumn(i, values)]));
  const screen = new LeakageScreen(cohort, 20261202, value);
  for (const [index, column] of map) screen.column(index, column);
  return screen.suspects();
}

describe('the leakage screen', () => {
  it('flags a post-outcome notes column: it separates the cohort and reads like outcomes', () => {
    const { random, cohort } = base();
    const pick = (xs: string[]) => xs[Math.floor(random() * xs.length)] as string;
    const tags = cohort.map((c) =>
      c
        ? pick(['Closed by Horizzon', 'Closed by Horizzon', 'Will revert after reading the email'])
        : pick(['Ringing', 'Lost to EINS', 'Interested in other courses', 'Ringing']),
    );
    const [s] = screen([[info(0, 'Tags', 'category'), tags]], cohort);
    expect(s?.header).toBe('Tags');
    expect(s?.evidence.some((e) => /^single-column AUC (0\.9\d|1\.00)$/.test(e))).toBe(true);
    expect(s?.evidence.some((e) => e.startsWith('reads like outcomes: ') && e.includes("'Closed by'") && e.includes("'Ringing'"))).toBe(true);
    expect(leakageNote(s!, false)).toMatch(
      /^Left out as possible leakage: Tags \(single-column AUC [\d.]+; .*reads like outcomes: .*'Closed by'.*; keep it with --allow Tags\)\.$/,
    );
    expect(leakageNote(s!, true)).toMatch(/^Kept although it may record the outcome \(--allow\): Tags \(/);
  });

  it('flags outcome words alone, even when they do not separate (20% of the cells or more)', () => {
    const { random, cohort } = base(3);
    const notes = cohort.map(() => (random() < 0.3 ? 'lost to a competitor' : random() < 0.5 ? 'Asked for a demo' : 'Sent brochure'));
    const [s] = screen([[info(0, 'Remarks', 'category'), notes]], cohort);
    expect(s?.evidence).toEqual(["reads like outcomes: 'lost to'"]);
    expect(outcomeWords(['Sent brochure', 'Demo booked', 'Demo booked', 'Closed won', 'call again'])).toEqual(['Closed won']);
    expect(outcomeWords(['Sent brochure', 'Demo booked', 'Demo booked', 'Wonderful', 'call again', 'x'])).toBeUndefined();
  });

  it('flags a stage-derived probability column (100 for the won, anything less for the rest)', () => {
    const { random, cohort } = base();
    const probability = cohort.map((c) => (c ? 100 : ([10, 20, 40, 60, 80][Math.floor(random() * 5)] as number)));
    const [s] = screen([[info(0, 'Win chance', 'number'), probability]], cohort);
    expect(s?.evidence[0]).toMatch(/^single-column AUC (0\.9\d|1\.00)$/);
  });

  it('flags a number that separates in the other direction (taking the better of both)', () => {
    const { random, cohort } = base();
    const days = cohort.map((c) => (c ? random() * 10 : 15 + random() * 100));
    expect(screen([[info(0, 'Days waiting', 'number'), days]], cohort)).toHaveLength(1);
  });

  it('flags a value set covering 90% of the cohort and at most 5% of the rest', () => {
    const { random, cohort } = base();
    const status = cohort.map((c) =>
      c ? (random() < 0.95 ? 'Active' : 'Trial') : random() < 0.02 ? 'Active' : (['Trial', 'Paused', 'Prospect'][Math.floor(random() * 3)] as string),
    );
    const [s] = screen([[info(0, 'Account Status', 'category'), status]], cohort);
    expect(s?.evidence.some((e) => /^a set of its values covers 9\d% of the cohort and [0-5]% of the rest$/.test(e))).toBe(true);
  });

  it('flags a list by its best token', () => {
    const { random, cohort } = base();
    const tags = cohort.map((c) => (c ? ['Renewal signed', 'Newsletter'] : random() < 0.5 ? ['Newsletter'] : ['Webinar']));
    expect(screen([[info(0, 'Labels', 'multi'), tags]], cohort)[0]?.evidence[0]).toMatch(/^single-column AUC/);
  });

  it('with a value, flags a column ranked like it and two columns whose product is it (tenure x MonthlyCharges = TotalCharges)', () => {
    const random = seededRandom(11);
    const tenure = Array.from({ length: N }, () => 1 + Math.floor(random() * 72));
    const monthly = Array.from({ length: N }, () => 20 + random() * 100);
    const total = tenure.map((t, i) => t * (monthly[i] as number));
    const order = [...total].sort((a, b) => b - a);
    const cut = order[Math.floor(0.2 * N) - 1] as number;
    const cohort = total.map((v) => v >= cut);
    const copy = total.map((v) => Math.round(v / 100));
    const industry = Array.from({ length: N }, () => ['Retail', 'Software', 'Banking'][Math.floor(random() * 3)] as string);
    const suspects = screen(
      [
        [info(0, 'tenure', 'number'), tenure],
        [info(1, 'MonthlyCharges', 'money'), monthly],
        [info(2, 'Rounded', 'number'), copy],
        [info(3, 'Industry', 'category'), industry],
      ],
      cohort,
      { label: 'TotalCharges', values: total },
    );
    const why = (h: string) => suspects.find((s) => s.header === h)?.evidence ?? [];
    expect(suspects.map((s) => s.header)).toEqual(['tenure', 'MonthlyCharges', 'Rounded']);
    expect(why('tenure')).toContain(why('MonthlyCharges').find((e) => e.startsWith('tenure ×')));
    expect(why('tenure').some((e) => /^tenure × MonthlyCharges has rank correlation (0\.9\d|1\.00) with TotalCharges$/.test(e))).toBe(true);
    expect(why('Rounded')).toContain('rank correlation 1.00 with TotalCharges');
  });

  it('does not flag a genuine attribute with an AUC near 0.7 (a category and a number)', () => {
    const { random, cohort } = base(5);
    const industry = cohort.map((c) => {
      const r = random();
      if (c) return r < 0.5 ? 'Software' : r < 0.7 ? 'Retail' : r < 0.85 ? 'Banking' : 'Health';
      return r < 0.15 ? 'Software' : r < 0.45 ? 'Retail' : r < 0.75 ? 'Banking' : 'Health';
    });
    const employees = cohort.map((c) => Math.round(Math.exp(4 + random() * 2 + (c ? 0.5 : 0))));
    const a = (xs: number[]) => auc(xs, cohort) as number;
    const software = a(industry.map((v) => (v === 'Software' ? 1 : v === 'Health' ? 0 : 0.5)));
    expect(software).toBeGreaterThan(0.6);
    expect(software).toBeLessThan(0.8);
    expect(a(employees)).toBeGreaterThan(0.65);
    expect(a(employees)).toBeLessThan(LEAK_AUC - 0.1);
    expect(
      screen(
        [
          [info(0, 'Industry', 'category'), industry],
          [info(1, 'Employees', 'number'), employees],
        ],
        cohort,
      ),
    ).toEqual([]);
  });

  it('does not flag a column of distinct values (each seen once: nothing to learn out of fold)', () => {
    const { cohort } = base();
    const names = cohort.map((_, i) => `Company ${i}`);
    expect(screen([[info(0, 'Legal name', 'category'), names]], cohort)).toEqual([]);
  });

  it('is deterministic and ignores columns with too few known values', () => {
    const { random, cohort } = base();
    const sparse = cohort.map((c, i) => (i < 8 ? (c ? 'A' : 'B') : null));
    expect(screen([[info(0, 'Sparse', 'category'), sparse]], cohort)).toEqual([]);
    const x = cohort.map((c) => (c ? 5 + random() : random() * 5.5));
    const once = screen([[info(0, 'X', 'number'), x]], cohort);
    expect(screen([[info(0, 'X', 'number'), x]], cohort)).toEqual(once);
  });

  it('spearman: ranks, ties and the sign', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 45])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBe(0);
  });
});
