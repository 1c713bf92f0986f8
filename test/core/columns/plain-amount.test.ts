import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmployeeRangeString } from '../../../src/core/columns/parse/employees.js';
import { parseMoney } from '../../../src/core/columns/parse/money.js';
import { plainAmount } from '../../../src/core/columns/parse/plain-amount.js';

describe('plainAmount, the fast path of the score reader', () => {
  it('reads plain and $-grouped amounts', () => {
    expect(plainAmount('1234', '.')).toBe(1234);
    expect(plainAmount('$1,234,567', '.')).toBe(1_234_567);
    expect(plainAmount('1,234', ',')).toBeUndefined();
    expect(plainAmount('1,23', '.')).toBeUndefined();
    expect(plainAmount('-5', '.')).toBeUndefined();
    expect(plainAmount('', '.')).toBeUndefined();
    expect(plainAmount('$', '.')).toBeUndefined();
  });

  it('agrees with parseMoney wherever it answers, on cells that are no employee range', () => {
    const cell = fc.stringMatching(/^\$?[0-9,]{0,22}[.a-z €]?$/);
    fc.assert(
      fc.property(cell, fc.constantFrom('.' as const, ',' as const), (raw, decimal) => {
        const fast = plainAmount(raw, decimal);
        if (fast === undefined) return;
        expect(isEmployeeRangeString(raw)).toBe(false);
        expect(fast).toBe(parseMoney(raw, decimal)?.amount);
      }),
      { numRuns: 20_000 },
    );
  });
});
