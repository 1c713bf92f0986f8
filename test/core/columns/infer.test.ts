import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../../src/core/columns/infer.js';
import { guessRole } from '../../../src/core/columns/roles.js';

const infer = (header: string, values: string[]) => inferColumn(0, header, guessRole(header)?.role, values);
const repeat = (values: string[], times: number) => Array.from({ length: times }, () => values).flat();

describe('inferColumn', () => {
  it('types plain and decimal-comma numbers', () => {
    expect(infer('Score', ['1', '2.5', '-3', '10'])).toMatchObject({ type: 'number', decimal: '.' });
    expect(infer('Umsatz', ['1.234,50', '12,5', '3'])).toMatchObject({ type: 'number', decimal: ',' });
  });

  it('types money when the values carry a currency', () => {
    expect(infer('Amount', ['$1,234.50', '$99', '$12,000'])).toMatchObject({ type: 'money', decimal: '.' });
    expect(infer('Betrag', ['1.234,50 €', '99,00 €'])).toMatchObject({ type: 'money', decimal: ',' });
  });

  it('types employee ranges, but not plain counts', () => {
    expect(infer('Company size', ['51-200', '1,001-5,000', '10,001+', '11-50']).type).toBe('employee_range');
    expect(infer('Number of Employees', ['120', '45', '5000']).type).toBe('number');
  });

  it('types dates and says when day/month order is ambiguous', () => {
    const dmy = infer('won_date', ['26-02-2018 19:58', '08-05-2018 20:17']);
    expect(dmy).toMatchObject({ type: 'date', dateFormat: { order: 'dmy', ambiguous: false } });
    const ambiguous = infer('Close Date', ['01/02/2024', '03/04/2024']);
    expect(ambiguous.type).toBe('date');
    expect(ambiguous.dateFormat?.ambiguous).toBe(true);
    expect(ambiguous.notes.join(' ')).toMatch(/ambiguous/);
  });

  it('reads Excel serial days only in a date column', () => {
    expect(infer('Close Date', ['45292', '45293.5', '45300'])).toMatchObject({ type: 'date', dateFormat: { order: 'serial' } });
    expect(infer('Annual Revenue', ['45292', '45293', '45300']).type).toBe('number');
  });

  it('types booleans, categories, multi-valued lists, ids and free text', () => {
    expect(infer('Has Mobile App', ['true', 'false', 'true']).type).toBe('boolean');
    expect(infer('Industry', repeat(['Retail', 'Software', 'Banking'], 10)).type).toBe('category');
    expect(infer('Web Technologies', repeat(['Salesforce;Slack', 'HubSpot;Slack', 'AWS'], 10))).toMatchObject({
      type: 'multi',
      separator: ';',
    });
    const hashes = Array.from({ length: 40 }, (_, i) => `a${i.toString(16).padStart(31, '0')}`);
    expect(infer('seller_ref', hashes).type).toBe('id');
    expect(infer('landing_page_id', repeat(['88740e65', '007f9098'], 10)).type).toBe('id');
    const notes = Array.from({ length: 30 }, (_, i) => `Called on day ${i}, they asked about pricing and onboarding for the team.`);
    expect(infer('Remarks', notes).type).toBe('text');
  });

  it('uses the role for keys and names whatever the values look like', () => {
    expect(infer('Record ID', ['1', '2', '3']).type).toBe('id');
    expect(infer('Company name', ['Acme', 'Acme', 'Globex']).type).toBe('text');
  });

  it('calls a column with no values empty', () => {
    expect(infer('Fax', []).type).toBe('empty');
  });
});
