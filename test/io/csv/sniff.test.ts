import { describe, expect, it } from 'vitest';
import { sniffDelimiter, sniffNewline } from '../../../src/io/csv/sniff.js';

describe('sniffDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n1;2,5;3\n4;5,25;6\n'],
    ['\t', 'a\tb\n1,5\t2\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j when its count is the same on every line', (delimiter, text) => {
    expect(sniffDelimiter(text, true)).toBe(delimiter);
  });

  it('ignores delimiters inside quotes, including quoted line breaks', () => {
    expect(sniffDelimiter('name;note\n"a,b,c";"x\ny,z"\nq;r\n', true)).toBe(';');
  });

  it('prefers the larger count when two candidates are consistent, comma on a tie', () => {
    expect(sniffDelimiter('a|b|c;d\n1|2|3;4\n', true)).toBe('|');
    expect(sniffDelimiter('a;b,c\n1;2,3\n', true)).toBe(',');
  });

  it('falls back to comma when no candidate appears', () => {
    expect(sniffDelimiter('name\nAcme\n', true)).toBe(',');
    expect(sniffDelimiter('', true)).toBe(',');
  });

  it('copes with ragged rows by matching the header count most often', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n1;2\n4;5;6\n', true)).toBe(';');
  });

  it('ignores a cut-off last line when the text is not the whole input', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n1;2', false)).toBe(';');
    expect(sniffDelimiter('a;b;c\n1;2;3\n1;2', true)).toBe(';');
    expect(sniffDelimiter('a;b\n1;2\n3,4,5,6,7', false)).toBe(';');
  });

  it('skips blank lines', () => {
    expect(sniffDelimiter('a;b\n\n1;2\n   \n3;4\n', true)).toBe(';');
  });
});

describe('sniffNewline', () => {
  it('tells LF, CRLF and CR apart', () => {
    expect(sniffNewline('a,b\n1,2\n')).toBe('\n');
    expect(sniffNewline('a,b\r\n1,2\r\n')).toBe('\r\n');
    expect(sniffNewline('a,b\r1,2\r')).toBe('\r');
    expect(sniffNewline('a,b')).toBe('\n');
  });

  it('looks past line breaks inside quoted fields', () => {
    expect(sniffNewline('"a\nb",c\r\n1,2\r\n')).toBe('\r\n');
    expect(sniffNewline('"a\r\nb",c\n1,2\n')).toBe('\n');
  });
});
