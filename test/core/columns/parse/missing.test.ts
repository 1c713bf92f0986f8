import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMissing } from '../../../../src/core/columns/parse/missing.js';

describe('isMissing', () => {
  it.each(['', ' ', '\t', '\u00A0', 'N/A', 'n/a', ' N/A ', '#N/A', '-', '--', '\u2014', 'null', 'NULL', 'nil', 'Select', 'SELECT', '(none)', '(None)', '(blank)', 'undefined', 'NaN', 'nan'])(
    'treats %j as missing',
    (raw) => expect(isMissing(raw)).toBe(true),
  );

  // Real answers that look like placeholders: "NA" is North America, "None" answers "Current CRM?".
  it.each(['None', 'none', 'NA', '0', 'No', 'no', 'x', 'Selected', 'nullable', '(none) yet', 'N/A - see notes', '---', 'Acme'])(
    'keeps %j as a value',
    (raw) => expect(isMissing(raw)).toBe(false),
  );

  it('keeps long cells padded with whitespace as values', () => {
    expect(isMissing('          Salesforce          ')).toBe(false);
    expect(isMissing('            n/a            ')).toBe(true);
  });

  it('decides every cell as trimming, lower-casing and comparing with the markers would', () => {
    const markers = ['', 'n/a', '#n/a', '-', '--', '\u2013', '\u2014', 'null', 'nil', 'select', '(none)', '(blank)', 'undefined', 'nan'];
    const reference = (raw: string) => markers.includes(raw.trim().toLowerCase());
    const space = fc.constantFrom('', ' ', '\t', '\u00A0', '\u2003', '\uFEFF', '\n');
    const marker = fc.tuple(space, fc.constantFrom(...markers), fc.array(fc.boolean(), { maxLength: 12 }), space).map(([a, m, upper, b]) =>
      a + [...m].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('') + b);
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), marker), (raw) => isMissing(raw) === reference(raw)), { numRuns: 2000 });
  });
});
