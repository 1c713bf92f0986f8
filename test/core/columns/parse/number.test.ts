import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimalMark, parseNumber } from '../../../../src/core/columns/parse/number.js';

describe('parseNumber', () => {
  it.each([
    ['1234', 1234],
    ['-5', -5],
    ['+5', 5],
    ['\u22125', -5],
    [' 42 ', 42],
    ['0', 0],
    ['-0', 0],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['12.375', 12.375],
    ['1,234', 1234],
    ['1,234.50', 1234.5],
    ['12,345,678.9', 12345678.9],
    ["1'234.5", 1234.5],
    ['1\u2019234', 1234],
    ['1 234 567', 1234567],
    ['1\u00A0234', 1234],
    ['1\u2009234.5', 1234.5],
    ['1\u202F234', 1234],
    ['(1,234)', -1234],
    ['(5)', -5],
    ['12%', 12],
    ['-12.5 %', -12.5],
    ['12k', 12000],
    ['12K', 12000],
    ['1.1k', 1100],
    ['12 k', 12000],
    ['3.5M', 3500000],
    ['3.5m', 3500000],
    ['2MM', 2000000],
    ['2mm', 2000000],
    ['2bn', 2000000000],
    ['2 BN', 2000000000],
    ['1.5B', 1500000000],
    ['1,200k', 1200000],
    ['1.5e6', 1500000],
    ['1E5', 100000],
    ['2.5e-3', 0.0025],
    ['-1e+21', -1e21],
  ])('reads %j as %d', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });

  it.each([
    ['1.234', 1234],
    ['12,5', 12.5],
    ['1.234,50', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['1 234,5', 1234.5],
    ["1'234,5", 1234.5],
    [',5', 0.5],
    ['(1.234,00)', -1234],
    ['3,5M', 3500000],
    ['12,5%', 12.5],
    ['1,5e3', 1500],
  ])('reads %j with "," as the decimal mark as %d', (raw, expected) => {
    expect(parseNumber(raw, ',')).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '-',
    '+',
    '.',
    'N/A',
    'NaN',
    'abc',
    '12abc',
    '1e5x',
    '1-2',
    '2024-01-01',
    '51-200',
    '555-123-4567',
    '+1 555 123 4567',
    '1,23',
    '1,2345',
    '1,234,56',
    '1.234.567',
    '1,234 567',
    '12 5',
    '5.',
    '1..2',
    '--5',
    '5-',
    '(-5)',
    '()',
    '$5',
    '5 USD',
    '€5',
    '12k%',
    '12%%',
    '12 kg',
    '1e400',
    'Infinity',
    '0x1F',
    '1_000',
    'k',
    '%',
    '12 k k',
  ])('rejects %j', (raw) => {
    expect(parseNumber(raw)).toBeNull();
  });

  it.each(['1,234.50', '1,23,456', '12.5.3'])('rejects %j with "," as the decimal mark', (raw) => {
    expect(parseNumber(raw, ',')).toBeNull();
  });

  it('reads back every finite number JavaScript prints', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseNumber(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('reads back integers printed with US and European thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseNumber(n.toLocaleString('en-US'))).toBe(n);
        expect(parseNumber(n.toLocaleString('de-DE'), ',')).toBe(n);
      }),
    );
  });
});

describe('detectDecimalMark', () => {
  it.each([
    [['1.234,50'], ','],
    [['12,5'], ','],
    [['1.234.567'], ','],
    [['0,500'], ','],
    [['1,234.50'], '.'],
    [['3.5'], '.'],
    [['1,234,567'], '.'],
    [['0.500'], '.'],
    [['$1,234.50', '$12'], '.'],
    [['1.234,50 €', '12 €'], ','],
    [['1 234,50'], ','],
    [['1,234', '1,234.5'], '.'],
    [['1.234', '12,5'], ','],
    [['3.5M', '12k'], '.'],
  ] as const)('reads %j as "%s" without doubt', (values, mark) => {
    expect(detectDecimalMark(values)).toEqual({ mark, ambiguous: false });
  });

  it('flags a column whose only separators could be thousands or decimals', () => {
    expect(detectDecimalMark(['1,234', '5,000', '12'])).toEqual({ mark: '.', ambiguous: true });
    expect(detectDecimalMark(['1.234', '12.500'])).toEqual({ mark: '.', ambiguous: true });
  });

  it('has no doubt about a column without separators, or without numbers', () => {
    expect(detectDecimalMark(['12', '7', ''])).toEqual({ mark: '.', ambiguous: false });
    expect(detectDecimalMark([])).toEqual({ mark: '.', ambiguous: false });
    expect(detectDecimalMark(['Acme', 'N/A'])).toEqual({ mark: '.', ambiguous: false });
  });

  it('ignores dates, which are not numbers', () => {
    expect(detectDecimalMark(['05.03.2024', '3.5'])).toEqual({ mark: '.', ambiguous: false });
  });

  it('follows the majority when values disagree', () => {
    expect(detectDecimalMark(['12,5', '3,25', '1.5'])).toEqual({ mark: ',', ambiguous: false });
    expect(detectDecimalMark(['12,5', '1.5'])).toEqual({ mark: '.', ambiguous: false });
  });
});
