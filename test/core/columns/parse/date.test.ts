import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectDateFormat, formatIsoDate, parseDate, type DateOrder } from '../../../../src/core/columns/parse/date.js';

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, m - 1, d, h, mi, s, ms);

describe('parseDate', () => {
  it.each([
    ['2024-03-05', utc(2024, 3, 5)],
    ['2024-3-5', utc(2024, 3, 5)],
    ['2024/03/05', utc(2024, 3, 5)],
    ['2024.03.05', utc(2024, 3, 5)],
    ['2024-02-29', utc(2024, 2, 29)],
    ['2024-03-05T10:20:30Z', utc(2024, 3, 5, 10, 20, 30)],
    ['2024-03-05T10:20:30.123Z', utc(2024, 3, 5, 10, 20, 30, 123)],
    ['2024-03-05T10:20:30.123456Z', utc(2024, 3, 5, 10, 20, 30, 123)],
    ['2024-03-05 10:20', utc(2024, 3, 5, 10, 20)],
    ['2024-03-05 10:20:30', utc(2024, 3, 5, 10, 20, 30)],
    ['2024-03-05T10:20:30+02:00', utc(2024, 3, 5, 8, 20, 30)],
    ['2024-03-05T10:20:30-05:00', utc(2024, 3, 5, 15, 20, 30)],
    ['2024-03-05T10:20:30+0530', utc(2024, 3, 5, 4, 50, 30)],
    ['2024-03-05 10:20 UTC', utc(2024, 3, 5, 10, 20)],
    ['2024-03-05 10:20 PM', utc(2024, 3, 5, 22, 20)],
    ['5 Mar 2024', utc(2024, 3, 5)],
    ['05-Mar-2024', utc(2024, 3, 5)],
    ['05-Mar-24', utc(2024, 3, 5)],
    ['5th March 2024', utc(2024, 3, 5)],
    ['March 5, 2024', utc(2024, 3, 5)],
    ['Sept 5 2024', utc(2024, 9, 5)],
    ['Mar 5, 2024 3:05 PM', utc(2024, 3, 5, 15, 5)],
    ['Tue, 05 Mar 2024 10:20:30 +0000', utc(2024, 3, 5, 10, 20, 30)],
  ])('reads %j under every order', (raw, expected) => {
    for (const order of ['ymd', 'mdy', 'dmy'] as const) expect(parseDate(raw, order)).toBe(expected);
  });

  it('reads the year 99 as 99, not 1999', () => {
    expect(formatIsoDate(parseDate('0099-01-01', 'ymd') ?? NaN)).toBe('0099-01-01');
  });

  it.each([
    ['03/05/2024', 'mdy', utc(2024, 3, 5)],
    ['03/05/2024', 'dmy', utc(2024, 5, 3)],
    ['3/5/2024', 'mdy', utc(2024, 3, 5)],
    ['05.03.2024', 'dmy', utc(2024, 3, 5)],
    ['05-03-2024', 'dmy', utc(2024, 3, 5)],
    ['05.03.24', 'dmy', utc(2024, 3, 5)],
    ['3/5/24', 'mdy', utc(2024, 3, 5)],
    ['26-02-2018 19:58', 'dmy', utc(2018, 2, 26, 19, 58)],
    ['12/31/2024 23:59:59', 'mdy', utc(2024, 12, 31, 23, 59, 59)],
    ['03/05/2024 2:30 PM', 'mdy', utc(2024, 3, 5, 14, 30)],
    ['03/05/2024 2:30 p.m.', 'mdy', utc(2024, 3, 5, 14, 30)],
    ['03/05/2024 12:00 AM', 'mdy', utc(2024, 3, 5, 0, 0)],
    ['03/05/2024 12:00 PM', 'mdy', utc(2024, 3, 5, 12, 0)],
    ['03/05/2024, 09:15', 'mdy', utc(2024, 3, 5, 9, 15)],
    ['01/01/00', 'mdy', utc(2000, 1, 1)],
    ['01/01/69', 'mdy', utc(2069, 1, 1)],
    ['01/01/70', 'mdy', utc(1970, 1, 1)],
    ['01/01/99', 'mdy', utc(1999, 1, 1)],
  ] as const)('reads %j as %s', (raw, order, expected) => {
    expect(parseDate(raw, order)).toBe(expected);
  });

  it.each([
    ['45292', utc(2024, 1, 1)],
    ['45292.75', utc(2024, 1, 1, 18)],
    ['45292.5000001', utc(2024, 1, 1, 12, 0, 0, 9)],
    ['25569', 0],
    ['61', utc(1900, 3, 1)],
    ['59', utc(1900, 2, 28)],
    ['1', utc(1900, 1, 1)],
    ['2958465', utc(9999, 12, 31)],
    ['2024-01-01', utc(2024, 1, 1)],
  ])('reads Excel serial %j', (raw, expected) => {
    expect(parseDate(raw, 'serial')).toBe(expected);
  });

  it.each(['60', '0', '0.5', '2958466', '-1', '45,292', '45292x', '03/05/2024'])('rejects %j as a serial', (raw) => {
    expect(parseDate(raw, 'serial')).toBeNull();
  });

  it.each<[string, DateOrder]>([
    ['', 'ymd'],
    ['N/A', 'ymd'],
    ['yesterday', 'ymd'],
    ['2024', 'ymd'],
    ['45292', 'ymd'],
    ['45292', 'dmy'],
    ['2024-02-30', 'ymd'],
    ['2023-02-29', 'ymd'],
    ['2024-13-01', 'ymd'],
    ['2024-00-10', 'ymd'],
    ['2024-04-31', 'ymd'],
    ['13/05/2024', 'mdy'],
    ['05/13/2024', 'dmy'],
    ['32/01/2024', 'dmy'],
    ['30.02.2024', 'dmy'],
    ['00.01.2024', 'dmy'],
    ['05/03/2024', 'ymd'],
    ['05/03/2024', 'serial'],
    ['05/03-2024', 'dmy'],
    ['05/03/202', 'dmy'],
    ['2024-03-05 25:00', 'ymd'],
    ['2024-03-05 10:60', 'ymd'],
    ['2024-03-05 10:20:60', 'ymd'],
    ['2024-03-05 13:00 PM', 'ymd'],
    ['2024-03-05 0:30 AM', 'ymd'],
    ['2024-03-05T10:20+25:00', 'ymd'],
    ['2024-03-05 garbage', 'ymd'],
    ['01-May', 'dmy'],
    ['May-20', 'dmy'],
    ['Foo 5, 2024', 'mdy'],
    ['5 Mrz 2024', 'dmy'],
    ['1.5', 'dmy'],
    ['1.2.3', 'dmy'],
    ['555-123-4567', 'mdy'],
    ['20240305', 'ymd'],
  ])('rejects %j under %s', (raw, order) => {
    expect(parseDate(raw, order)).toBeNull();
  });

  it('reads the same day from ISO, US and European spellings', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (date) => {
        const iso = formatIsoDate(date.getTime());
        const [y, m, d] = iso.split('-');
        const day = parseDate(iso, 'ymd');
        expect(day).toBe(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
        expect(parseDate(`${m}/${d}/${y}`, 'mdy')).toBe(day);
        expect(parseDate(`${d}.${m}.${y}`, 'dmy')).toBe(day);
        expect(parseDate(date.toISOString(), 'ymd')).toBe(date.getTime());
      }),
    );
  });

  it('reads `YYYY-MM-DD HH:MM` and `YYYY-MM-DDTHH:MM:SS` (the fast path) as Date.UTC does, years 100 to 9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (date) => {
        const whole = Math.floor(date.getTime() / 1000) * 1000;
        const text = new Date(whole).toISOString().slice(0, 19);
        expect(parseDate(text, 'ymd')).toBe(whole);
        expect(parseDate(`${text.slice(0, 10)} ${text.slice(11, 16)}`, 'ymd')).toBe(whole - date.getUTCSeconds() * 1000);
      }),
    );
  });
});

describe('detectDateFormat', () => {
  it('reads the Olist won dates as day first because 26 cannot be a month', () => {
    const values = ['26-02-2018 19:58', '08-05-2018 20:17', '05-06-2018 17:27'];
    expect(detectDateFormat(values)).toEqual({ order: 'dmy', ambiguous: false });
    expect(parseDate('26-02-2018 19:58', 'dmy')).toBe(Date.parse('2018-02-26T19:58:00Z'));
  });

  it.each([
    [['2023-12-02', '2024-01-20', ''], { order: 'ymd', ambiguous: false }],
    [['2024-03-05T10:20:30Z', '2024-03-06 08:00'], { order: 'ymd', ambiguous: false }],
    [['5 Mar 2024', 'March 6, 2024'], { order: 'ymd', ambiguous: false }],
    [['03/25/2024', '01/02/2024'], { order: 'mdy', ambiguous: false }],
    [['25/03/2024', '01/02/2024'], { order: 'dmy', ambiguous: false }],
    [['25.03.2024', '01.02.2024'], { order: 'dmy', ambiguous: false }],
    [['2024-01-20', '25/03/2024', '01/02/2024'], { order: 'dmy', ambiguous: false }],
    [['01/02/2024'], { order: 'mdy', ambiguous: true }],
    [['01/02/2024', '03/04/2024 10:00'], { order: 'mdy', ambiguous: true }],
    [['01.02.2024', '03.04.2024'], { order: 'dmy', ambiguous: true }],
    [['01-02-2018', '03-04-2018'], { order: 'dmy', ambiguous: true }],
  ] as const)('decides %j', (values, expected) => {
    expect(detectDateFormat(values)).toEqual(expected);
  });

  it('gives up when some values put the day first and others the month first', () => {
    expect(detectDateFormat(['25/03/2024', '03/25/2024'])).toBeNull();
  });

  it('considers Excel serials only when the header says the column holds dates', () => {
    const serials = ['45292', '45000.5', '44927'];
    expect(detectDateFormat(serials, true)).toEqual({ order: 'serial', ambiguous: false });
    expect(detectDateFormat(serials)).toBeNull();
    expect(detectDateFormat(['45292', '150'], true)).toBeNull();
    expect(detectDateFormat(['45292', '90000'], true)).toBeNull();
  });

  it('requires 90% of the present values to parse', () => {
    const dates = Array.from({ length: 9 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
    expect(detectDateFormat([...dates, 'soon', '', 'N/A'])).toEqual({ order: 'ymd', ambiguous: false });
    expect(detectDateFormat([...dates.slice(1), 'soon', 'later'])).toBeNull();
  });

  it('finds no dates in empty, numeric or text columns', () => {
    expect(detectDateFormat([])).toBeNull();
    expect(detectDateFormat(['', 'N/A', '-'])).toBeNull();
    expect(detectDateFormat(['12', '15', '2024'])).toBeNull();
    expect(detectDateFormat(['1.5', '2.25'])).toBeNull();
    expect(detectDateFormat(['Acme', 'Globex'])).toBeNull();
    expect(detectDateFormat(['51-200', '10,001+'])).toBeNull();
  });
});

describe('formatIsoDate', () => {
  it('prints the UTC calendar day', () => {
    expect(formatIsoDate(0)).toBe('1970-01-01');
    expect(formatIsoDate(utc(2024, 2, 29, 23, 59, 59, 999))).toBe('2024-02-29');
    expect(formatIsoDate(-1)).toBe('1969-12-31');
  });
});

const datasets = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));

function column(file: string, header: string): string[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(datasets + file, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows.map((row) => row[header] ?? '');
}

describe.skipIf(!existsSync(datasets))('dates in the shared public exports', () => {
  it('reads Olist DD-MM-YYYY dates day first, every one of them', () => {
    for (const [file, header] of [
      ['olist-funnel/olist_closed_deals_dataset.csv', 'won_date'],
      ['olist-funnel/olist_marketing_qualified_leads_dataset.csv', 'first_contact_date'],
    ] as const) {
      const values = column(file, header);
      expect(detectDateFormat(values)).toEqual({ order: 'dmy', ambiguous: false });
      expect(values.filter((v) => parseDate(v, 'dmy') === null)).toEqual([]);
    }
  });

  it('reads the Maven pipeline dates as ISO', () => {
    const values = column('maven-crm-variant/sales_pipeline.csv', 'close_date');
    expect(detectDateFormat(values)).toEqual({ order: 'ymd', ambiguous: false });
  });
});
