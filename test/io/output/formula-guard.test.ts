import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaEscape, needsFormulaEscape } from '../../../src/io/output/formula-guard.js';

describe('formulaEscape', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+x', "'+x"],
    ['-x', "'-x"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['=5', "'=5"],
    ['=', "'="],
    ['@', "'@"],
  ])('prefixes a cell starting with a trigger character: %j', (cell, escaped) => {
    expect(needsFormulaEscape(cell)).toBe(true);
    expect(formulaEscape(cell)).toBe(escaped);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['-minus Corp', "'-minus Corp"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['+1 (555) 123-4567', "'+1 (555) 123-4567"],
    ['+1-555-123-4567', "'+1-555-123-4567"],
    ['-5-5', "'-5-5"],
    ['--5', "'--5"],
    ['-1,23,4', "'-1,23,4"],
    ['-1.5e', "'-1.5e"],
    ['-5%', "'-5%"],
    ['-Infinity', "'-Infinity"],
    ['\t=1+1', "'\t=1+1"],
    ['\r\n=1', "'\r\n=1"],
  ])('escapes text and formulas that only look numeric at first: %j', (cell, escaped) => {
    expect(formulaEscape(cell)).toBe(escaped);
  });

  it.each(['-5', '+5', '-0.5', '1e-5', '-1e-5', '-1.5e3', '+7', '-.5', '-1,234.56', '-1,234,567', '-1.234,56', '-0,5', '+15551234567', '-', '+'])(
    'leaves the plain number (or lone sign) %j alone',
    (cell) => {
      expect(needsFormulaEscape(cell)).toBe(false);
      expect(formulaEscape(cell)).toBe(cell);
    },
  );

  it.each(['', 'Acme', ' =1+1', "'=x", "'-minus", '1+1', 'a=b', '😀=1', '＝1+1'])('leaves %j alone', (cell) => {
    expect(formulaEscape(cell)).toBe(cell);
  });

  it('adds exactly one quote, only to trigger-led cells, and is idempotent', () => {
    const unit = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '1', ',', '.', 'e', 'a', ' ', '(', '😀');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 8 }), fc.string({ unit: 'grapheme' })), (cell) => {
        const escaped = formulaEscape(cell);
        expect(escaped === cell || escaped === `'${cell}`).toBe(true);
        expect(formulaEscape(escaped)).toBe(escaped);
        if (escaped !== cell) expect('=+-@\t\r').toContain(cell[0]);
        if (/^[=@\t\r]/.test(cell)) expect(escaped).toBe(`'${cell}`);
        // A spreadsheet can read whatever is left unescaped and sign-led as nothing but a number.
        if (escaped === cell && /^[+-]./.test(cell)) expect(cell).toMatch(/^[+-][\d.,]+(?:[eE][+-]?\d+)?$/);
      }),
    );
  });
});
