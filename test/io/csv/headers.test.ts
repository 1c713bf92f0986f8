import { describe, expect, it } from 'vitest';
import { describeHeaderFix, uniqueHeaders } from '../../../src/io/csv/headers.js';

describe('uniqueHeaders', () => {
  it('leaves good headers alone apart from trimming', () => {
    expect(uniqueHeaders([' Name ', 'Email\t', '\uFEFFid'])).toEqual({ header: ['Name', 'Email', 'id'], fixes: [] });
  });

  it('numbers blanks by position and repeats from _2', () => {
    const { header, fixes } = uniqueHeaders(['a', '', 'a', ' ', 'a']);
    expect(header).toEqual(['a', 'column_2', 'a_2', 'column_4', 'a_3']);
    expect(fixes.map((f) => [f.position, f.reason])).toEqual([
      [2, 'blank'],
      [3, 'duplicate'],
      [4, 'blank'],
      [5, 'duplicate'],
    ]);
  });

  it('never generates a name that another column already has', () => {
    expect(uniqueHeaders(['a', 'a', 'a_2']).header).toEqual(['a', 'a_3', 'a_2']);
    expect(uniqueHeaders(['column_2', '']).header).toEqual(['column_2', 'column_2_2']);
    expect(uniqueHeaders([' x', 'x ']).header).toEqual(['x', 'x_2']);
  });

  it('renames 20,000 repeats of one name in one pass each (x_2 ... x_20000), skipping names already taken', () => {
    const raw = ['x', 'x_3', ...Array.from({ length: 19_999 }, () => 'x')];
    const { header } = uniqueHeaders(raw);
    expect(new Set(header).size).toBe(raw.length);
    expect(header.slice(0, 5)).toEqual(['x', 'x_3', 'x_2', 'x_4', 'x_5']);
    expect(header.at(-1)).toBe('x_20001');
  });

  it('keeps prototype names as plain strings', () => {
    expect(uniqueHeaders(['__proto__', 'constructor', '__proto__']).header).toEqual(['__proto__', 'constructor', '__proto___2']);
  });
});

describe('describeHeaderFix', () => {
  it('says what was renamed and where', () => {
    const [blank, duplicate] = uniqueHeaders(['Email', '', ' Email ']).fixes;
    expect(blank && describeHeaderFix(blank)).toBe('blank header in column 2 named "column_2"');
    expect(duplicate && describeHeaderFix(duplicate)).toBe('duplicate header "Email" in column 3 renamed to "Email_2"');
  });
});
