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
});
