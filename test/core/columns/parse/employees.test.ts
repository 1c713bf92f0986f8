import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { employeeRangeValue, isEmployeeRangeString, parseEmployeeRange } from '../../../../src/core/columns/parse/employees.js';

describe('parseEmployeeRange', () => {
  it.each([
    ['51-200', 51, 200],
    ['1-10', 1, 10],
    ['0-1', 0, 1],
    ['1,001-5,000', 1001, 5000],
    ['5,001-10,000', 5001, 10000],
    ['1.001-5.000', 1001, 5000],
    ['201 - 500', 201, 500],
    ['201\u2013500', 201, 500],
    ['201 \u2014 500', 201, 500],
    ['51 to 200', 51, 200],
    ['51 TO 200', 51, 200],
    ['51-200 employees', 51, 200],
    ['1k-5k', 1000, 5000],
    ['10-10', 10, 10],
    ['10,001+', 10001, null],
    ['10001+', 10001, null],
    ['5000+', 5000, null],
    ['5000 +', 5000, null],
    ['10,001+ employees', 10001, null],
    ['over 10,000', 10001, null],
    ['Over 10000', 10001, null],
    ['more than 500', 501, null],
    ['> 500', 501, null],
    ['at least 50', 50, null],
    ['under 10', 0, 9],
    ['less than 10', 0, 9],
    ['up to 10', 0, 10],
    ['120', 120, 120],
    [' 120 ', 120, 120],
    ['1,200', 1200, 1200],
    ['0', 0, 0],
  ])('reads %j as %d..%s', (raw, min, max) => {
    expect(parseEmployeeRange(raw)).toEqual({ min, max });
  });

  it.each([
    '',
    'N/A',
    '-',
    'unknown',
    'small',
    '2024-01-15',
    '2024-01',
    '51-200-300',
    '200-51',
    '555-123-4567',
    '+1 555 123 4567',
    '-5',
    '-5-10',
    '12.5',
    '1,23',
    '051-200',
    '51-',
    '-200',
    '+',
    '51 20',
    '1,2345',
    'under 0',
    'May-20',
    '01-May',
    '51/200',
  ])('rejects %j', (raw) => {
    expect(parseEmployeeRange(raw)).toBeNull();
  });

  it('reads every well-formed band it could have printed', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        expect(parseEmployeeRange(`${min.toLocaleString('en-US')}-${max.toLocaleString('en-US')}`)).toEqual({ min, max });
        expect(parseEmployeeRange(`${min.toLocaleString('en-US')}+`)).toEqual({ min, max: null });
      }),
    );
  });
});

describe('isEmployeeRangeString', () => {
  it.each(['51-200', '1,001-5,000', '10,001+', '5000+', '201 - 500', 'over 10,000', 'under 10'])('sees a band in %j', (raw) =>
    expect(isEmployeeRangeString(raw)).toBe(true),
  );

  it.each(['120', '1,200', '0', '', 'N/A', '2024-01-15', '200-51', 'many'])('sees no band in %j, so counts stay numbers', (raw) =>
    expect(isEmployeeRangeString(raw)).toBe(false),
  );
});

describe('employeeRangeValue', () => {
  it('takes the midpoint of a closed band', () => {
    expect(employeeRangeValue({ min: 51, max: 200 })).toBe(125.5);
    expect(employeeRangeValue({ min: 120, max: 120 })).toBe(120);
  });

  it('takes the lower bound of an open band', () => {
    expect(employeeRangeValue({ min: 10001, max: null })).toBe(10001);
  });
});
