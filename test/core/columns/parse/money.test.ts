import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasCurrency, parseMoney } from '../../../../src/core/columns/parse/money.js';

describe('parseMoney', () => {
  it.each([
    ['$1,234.50', 1234.5, 'USD'],
    ['$ 1,234.50', 1234.5, 'USD'],
    ['1,234.50 $', 1234.5, 'USD'],
    ['US$ 99', 99, 'USD'],
    ['USD 12k', 12000, 'USD'],
    ['12k USD', 12000, 'USD'],
    ['usd 12', 12, 'USD'],
    ['R$ 3.5M', 3500000, 'BRL'],
    ['R$3.5M', 3500000, 'BRL'],
    ['CA$ 10', 10, 'CAD'],
    ['€ 12', 12, 'EUR'],
    ['12 eur', 12, 'EUR'],
    ['£1,200', 1200, 'GBP'],
    ['¥500', 500, 'JPY'],
    ['₹ 2.5 bn', 2500000000, 'INR'],
    ['12 CHF', 12, 'CHF'],
    ['$12 USD', 12, 'USD'],
    ['-$5', -5, 'USD'],
    ['- $5', -5, 'USD'],
    ['$-5', -5, 'USD'],
    ['\u2212$5', -5, 'USD'],
    ['+$5', 5, 'USD'],
    ['-5 €', -5, 'EUR'],
    ['(£1,200)', -1200, 'GBP'],
    ['$(1,200)', -1200, 'USD'],
    ['($1,200.50)', -1200.5, 'USD'],
    ['$0', 0, 'USD'],
    ['-$0', 0, 'USD'],
  ])('reads %j as %d %s', (raw, amount, currency) => {
    expect(parseMoney(raw)).toEqual({ amount, currency });
  });

  it.each([
    ['1.234,50 €', 1234.5, 'EUR'],
    ['€1.234,50', 1234.5, 'EUR'],
    ['EUR 1.234,50', 1234.5, 'EUR'],
    ['1 234,50 €', 1234.5, 'EUR'],
    ['R$ 1.500,00', 1500, 'BRL'],
    ['3,5 Mio €', null, null],
  ])('reads %j with "," as the decimal mark', (raw, amount, currency) => {
    expect(parseMoney(raw, ',')).toEqual(amount === null ? null : { amount, currency });
  });

  it('reads plain numbers as amounts without a currency', () => {
    expect(parseMoney('42')).toEqual({ amount: 42, currency: null });
    expect(parseMoney('-1,234.5')).toEqual({ amount: -1234.5, currency: null });
    expect(parseMoney('(1,234)')).toEqual({ amount: -1234, currency: null });
    expect(parseMoney('12k')).toEqual({ amount: 12000, currency: null });
    expect(parseMoney('12%')).toEqual({ amount: 12, currency: null });
    expect(parseMoney('1.234,5', ',')).toEqual({ amount: 1234.5, currency: null });
  });

  it.each([
    '',
    'N/A',
    '-',
    '$',
    'USD',
    '$ abc',
    'abc 12',
    '12 Mio',
    '5 USDT',
    'USDT 5',
    '$12%',
    '(-$5)',
    '-$-5',
    '$--5',
    '-(5)',
    '$5 EUR',
    '$1,23',
    '1-2 $',
    '$ 51-200',
    'about $5',
    '$5 or so',
    '12 XYZ',
  ])('rejects %j', (raw) => {
    expect(parseMoney(raw)).toBeNull();
  });

  it('reads back amounts printed with thousands separators and a currency', () => {
    const cents = fc.integer({ min: -1e13, max: 1e13 });
    fc.assert(
      fc.property(cents, (c) => {
        const amount = c / 100;
        const us = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);
        expect(parseMoney(us)).toEqual({ amount, currency: 'USD' });
        const de = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(amount);
        expect(parseMoney(de, ',')).toEqual({ amount, currency: 'EUR' });
        const br = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(amount);
        expect(parseMoney(br, ',')).toEqual({ amount, currency: 'BRL' });
      }),
    );
  });
});

describe('hasCurrency', () => {
  it.each(['$5', '1.234,50 €', '€1.234,50', 'USD 12k', '12 eur', '(£1,200)', '-$5', 'R$ 3.5M'])('sees the currency in %j', (raw) =>
    expect(hasCurrency(raw)).toBe(true),
  );

  it.each(['42', '1,234.50', '12%', '', 'USD', '$', '$ abc', 'Paid in USD', '12 Mio', '$12%', 'US'])('sees no amount with a currency in %j', (raw) =>
    expect(hasCurrency(raw)).toBe(false),
  );
});
