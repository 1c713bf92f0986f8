import { describe, expect, it } from 'vitest';
import { parseQuarter, parseWindow } from '../../../src/cli/parse-options.js';
import { lastCompleteQuarter, quartersBefore } from '../../../src/core/review/period.js';
import { UsageError } from '../../../src/errors.js';

describe('review periods', () => {
  it('parses quarters and spans them to the last millisecond', () => {
    const q = parseQuarter('2026Q3');
    expect(q.label).toBe('2026Q3');
    expect(new Date(q.start).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(new Date(q.end).toISOString()).toBe('2026-09-30T23:59:59.999Z');
    expect(parseQuarter('q1 2025').label).toBe('2025Q1');
    expect(() => parseQuarter('2026Q5')).toThrow(UsageError);
  });

  it('defaults to the last complete quarter before today, across a year boundary', () => {
    expect(lastCompleteQuarter(Date.UTC(2026, 10, 23)).label).toBe('2026Q3');
    expect(lastCompleteQuarter(Date.UTC(2026, 0, 1)).label).toBe('2025Q4');
    expect(lastCompleteQuarter(Date.UTC(2026, 3, 1)).label).toBe('2026Q1');
  });

  it('counts windows back in quarters', () => {
    expect(quartersBefore(parseQuarter('2026Q3'), 3).label).toBe('2025Q4');
    expect(quartersBefore(parseQuarter('2026Q1'), 1).label).toBe('2025Q4');
    expect(parseWindow(undefined)).toBe(4);
    expect(parseWindow('8q')).toBe(8);
    expect(() => parseWindow('0q')).toThrow(UsageError);
  });
});
