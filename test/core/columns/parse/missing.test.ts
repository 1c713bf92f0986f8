import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMissing } from '../../../../src/core/columns/parse/missing.js';

describe('isMissing', () => {
  it.each([
    '',
    ' ',
    '\t',
    '\u00A0',
    'N/A',
    'n/a',
    ' N/A ',
    '#N/A',
    '-',
    '--',
    '\u2014',
    'null',
    'NULL',
    'nil',
    'Select',
    'SELECT',
    '(none)',
    '(None)',
    '(blank)',
    'undefined',
    'NaN',
    'nan',
    'unknown',
    'Unknown',
    'UNKNOWN',
    ' unknown ',
    'not provided',
    'Not Provided',
    'not specified',
    'Not specified',
    'not available',
    'NOT AVAILABLE',
    '\tnot available\n',
    'undisclosed',
    'Undisclosed',
    'none',
    'None',
    'NONE',
    '  None  ',
    '?',
    ' ? ',
  ])('treats %j as missing', (raw) => expect(isMissing(raw)).toBe(true));

  // Real answers that look like placeholders: "NA" is North America; a marker inside a longer value is a value.
  it.each([
    'NA',
    '0',
    'No',
    'no',
    'x',
    'Selected',
    'nullable',
    '(none) yet',
    'N/A - see notes',
    '---',
    'Acme',
    'Unknown Pleasures Records',
    'unknown pleasures',
    'Unknowns',
    'None of the above',
    'Nonesuch',
    'not provided yet',
    'Not Available Inc',
    '??',
    '?!',
    'Why?',
    'undisclosed location',
  ])('keeps %j as a value', (raw) => expect(isMissing(raw)).toBe(false));

  it('keeps long cells padded with whitespace as values', () => {
    expect(isMissing('          Salesforce          ')).toBe(false);
    expect(isMissing('            n/a            ')).toBe(true);
    expect(isMissing('       not specified       ')).toBe(true);
  });

  it('decides every cell as trimming, lower-casing and comparing with the markers would', () => {
    const markers = [
      '',
      'n/a',
      '#n/a',
      '-',
      '--',
      '\u2013',
      '\u2014',
      'null',
      'nil',
      'select',
      '(none)',
      '(blank)',
      'undefined',
      'nan',
      'unknown',
      'none',
      'not provided',
      'not specified',
      'not available',
      'undisclosed',
      '?',
    ];
    const reference = (raw: string) => markers.includes(raw.trim().toLowerCase());
    const space = fc.constantFrom('', ' ', '\t', '\u00A0', '\u2003', '\uFEFF', '\n');
    const marker = fc
      .tuple(space, fc.constantFrom(...markers), fc.array(fc.boolean(), { maxLength: 12 }), space)
      .map(([a, m, upper, b]) => a + [...m].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('') + b);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), marker), (raw) => isMissing(raw) === reference(raw)),
      { numRuns: 2000 },
    );
  });
});
