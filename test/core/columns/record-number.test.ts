import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../../src/core/columns/infer.js';
import { isRecordNumberHeader, isRunningNumber, MIN_RUN } from '../../../src/core/columns/record-number.js';
import { guessRole } from '../../../src/core/columns/roles.js';

const infer = (header: string, values: string[]) => inferColumn(0, header, guessRole(header)?.role, values);

/** A seeded LCG, so the "random" columns are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rand = lcg(11);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** 6-digit running number with small gaps, as a lead export numbers its rows. */
function running(n: number, start = 100_001): string[] {
  const out: string[] = [];
  for (let x = start, i = 0; i < n; i++, x += int(1, 3)) out.push(String(x));
  return out;
}
function shuffled<T>(values: readonly T[]): T[] {
  const a = [...values];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
const distinctAmounts = (n: number) => [...new Set(Array.from({ length: n * 2 }, () => String(int(1_000, 250_000))))].slice(0, n);

describe('isRecordNumberHeader', () => {
  it('knows record and row number headers', () => {
    for (const h of [
      'Lead Number',
      'Account Number',
      'Record Number',
      'Row Number',
      'Row',
      '#',
      'No.',
      'No',
      'S.No',
      'S.No.',
      'Sr. No.',
      'SNo',
      'Index',
      'lead_number',
      'LeadNumber',
      'Record No.',
      'Row #',
      'Order Number',
      'Unnamed: 0',
    ]) {
      expect(isRecordNumberHeader(h), h).toBe(true);
    }
  });

  it('leaves measures and other numbers alone', () => {
    for (const h of [
      'Number of Employees',
      'No. of Employees',
      'Founded Year',
      'Annual Revenue',
      'Amount',
      'Number',
      'Number of Visits',
      'Price Index',
      'Total Visits',
      'Rows Read',
      'Seats',
    ]) {
      expect(isRecordNumberHeader(h), h).toBe(false);
    }
  });
});

describe('isRunningNumber', () => {
  it('is true for distinct whole numbers that only go up, or only down, in small steps', () => {
    const run = running(200);
    expect(isRunningNumber(run)).toBe(true);
    expect(isRunningNumber([...run].reverse())).toBe(true);
    expect(isRunningNumber(Array.from({ length: 50 }, (_, i) => String(i + 1)))).toBe(true);
  });

  it(`needs ${MIN_RUN} values, every one a whole number, none repeated, no turning back`, () => {
    expect(isRunningNumber(running(MIN_RUN - 1))).toBe(false);
    const run = running(100);
    expect(isRunningNumber([...run.slice(0, 50), 'abc', ...run.slice(50)])).toBe(false);
    expect(isRunningNumber([...run.slice(0, 50), run[49] as string, ...run.slice(50)])).toBe(false);
    expect(isRunningNumber([...run.slice(0, 50), run[10] as string, ...run.slice(51)])).toBe(false);
    expect(isRunningNumber(run.map((v) => `${v}.5`))).toBe(false);
  });

  it('is false for shuffled distinct amounts, and for distinct amounts sorted by size (big steps)', () => {
    const amounts = distinctAmounts(200);
    expect(new Set(amounts).size).toBe(200);
    expect(isRunningNumber(shuffled(amounts))).toBe(false);
    expect(isRunningNumber([...amounts].sort((a, b) => Number(a) - Number(b)))).toBe(false);
  });
});

describe('inferColumn: record numbers are ids', () => {
  it('types a record-number header of distinct whole numbers as an id, even a short one', () => {
    expect(infer('Lead Number', running(200)).type).toBe('id');
    expect(infer('Lead Number', shuffled(running(200))).type).toBe('id');
    expect(infer('Row', ['1', '2', '3']).type).toBe('id');
    expect(infer('#', ['1', '2', '3', '4']).type).toBe('id');
    expect(infer('S.No', ['1', '2', '3', '4']).type).toBe('id');
    expect(infer('Index', ['0', '1', '2', '3']).type).toBe('id');
    expect(infer('Record Number', [...running(99), 'TBD']).type).toBe('id');
  });

  it('leaves a record-number header a number when its values repeat', () => {
    expect(
      infer(
        'Row',
        Array.from({ length: 40 }, (_, i) => String(i % 7)),
      ).type,
    ).toBe('number');
  });

  it('types an unnamed running number as an id, and says why', () => {
    const info = infer('Ref', running(200));
    expect(info.type).toBe('id');
    expect(info.notes.join(' ')).toMatch(/record number/);
    expect(infer('Sequence', [...running(200)].reverse()).type).toBe('id');
  });

  it('keeps amounts, counts and years numbers: they repeat or do not run in order', () => {
    const amounts = distinctAmounts(200);
    expect(infer('Deal Size', shuffled(amounts)).type).toBe('number');
    expect(
      infer(
        'Deal Size',
        [...amounts].sort((a, b) => Number(a) - Number(b)),
      ).type,
    ).toBe('number');
    // Counts repeat: a sample of headcounts, revenues and founding years has ties.
    const headcounts = Array.from({ length: 200 }, () => String(Math.round(120 * Math.exp(2 * (rand() - 0.5) * 2))));
    expect(new Set(headcounts).size).toBeLessThan(200);
    expect(infer('Number of Employees', headcounts).type).toBe('number');
    expect(
      infer(
        'Founded Year',
        Array.from({ length: 200 }, () => String(int(1950, 2022))),
      ).type,
    ).toBe('number');
    expect(
      infer(
        'Annual Revenue',
        Array.from({ length: 200 }, () => String(int(1, 50) * 100_000)),
      ).type,
    ).toBe('number');
  });

  it('never reads a measure role as an id, even when its values run in order', () => {
    const years = Array.from({ length: 40 }, (_, i) => String(1980 + i));
    expect(isRunningNumber(years)).toBe(true);
    expect(infer('Founded Year', years).type).toBe('number');
    expect(
      infer(
        'Number of Employees',
        Array.from({ length: 40 }, (_, i) => String(10 + i)),
      ).type,
    ).toBe('number');
    expect(infer('Annual Revenue', running(40)).type).toBe('number');
    expect(infer('Amount', running(40)).type).toBe('number');
  });
});
