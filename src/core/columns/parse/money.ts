import { parseNumber, type DecimalMark } from './number.js';

/** An amount and its ISO currency code, null when the cell names no currency. */
export interface Money {
  amount: number;
  currency: string | null;
}

// "$" alone is read as USD: it is what US-made CRMs print, and a column mixing dollars is rare.
const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  R$: 'BRL',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  MX$: 'MXN',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '￥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₱': 'PHP',
  '฿': 'THB',
  '₫': 'VND',
  zł: 'PLN',
};

const SINGLE_CHAR_SYMBOLS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SYMBOLS).filter(([symbol]) => symbol.length === 1));

// Codes recognised when written out; a closed list so that "abc 12" or "12 Mio" is not money.
export const CODES: ReadonlySet<string> = new Set([
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'BRL',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'INR',
  'MXN',
  'ZAR',
  'SGD',
  'HKD',
  'KRW',
  'RUB',
  'TRY',
  'ILS',
  'AED',
  'SAR',
  'ARS',
  'CLP',
  'COP',
  'PEN',
  'IDR',
  'MYR',
  'PHP',
  'THB',
  'VND',
  'TWD',
  'NGN',
  'EGP',
  'KES',
  'UAH',
]);

const SYMBOL_ALTERNATIVES = '(?:US|CA|AU|NZ|HK|MX|[RCAS])\\$|[$€£¥￥₹₩₽₺₪₱฿₫]|zł';
// A code must stand apart from letters around it, so "12 bnUSD" or "USDT" are not read as USD.
const PREFIX = new RegExp(`^(${SYMBOL_ALTERNATIVES}|[A-Za-z]{3}(?![A-Za-z]))\\s*`);
const SUFFIX = new RegExp(`\\s*(${SYMBOL_ALTERNATIVES}|(?<![A-Za-z])[A-Za-z]{3})$`);

function currencyOf(token: string): string | null {
  const symbol = SYMBOLS[token];
  if (symbol !== undefined) return symbol;
  const code = token.toUpperCase();
  return CODES.has(code) ? code : null;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

// Most cells of a numeric column: no room for a currency, so skip the two pattern searches.
function startsAndEndsWithDigit(raw: string): boolean {
  return raw.length > 0 && isDigitCode(raw.charCodeAt(0)) && isDigitCode(raw.charCodeAt(raw.length - 1));
}

interface Split {
  currency: string | null;
  /** The number with the currency and any sign written before it removed. */
  number: string;
  negative: boolean;
}

/** Separates the currency (prefix or suffix) and a sign written before it from the number; null when malformed. */
function splitCurrency(raw: string): Split | null {
  let text = raw.trim();
  let negative = false;
  // "(£1,200)": accounting brackets around the currency, which parseNumber cannot see through.
  if (text.startsWith('(') && text.endsWith(')')) {
    text = text.slice(1, -1).trim();
    negative = true;
  }
  let signed = false;
  const first = text.charAt(0);
  if (first === '-' || first === '\u2212' || first === '+') {
    // "(-$5)" is a double negative no export writes on purpose.
    if (negative) return null;
    signed = true;
    negative = first !== '+';
    text = text.slice(1).trimStart();
  }
  let currency: string | null = SINGLE_CHAR_SYMBOLS[text.charAt(0)] ?? null;
  // One-character symbols ("$5", "€ 5") skip the pattern search, which costs more than the rest of the parse.
  if (currency !== null) text = text.slice(1).trimStart();
  const prefix = currency !== null || isDigitCode(text.charCodeAt(0)) ? null : PREFIX.exec(text);
  if (prefix !== null && prefix[1] !== undefined) {
    currency = currencyOf(prefix[1]);
    if (currency !== null) text = text.slice(prefix[0].length);
  }
  const suffix = isDigitCode(text.charCodeAt(text.length - 1)) ? null : SUFFIX.exec(text);
  if (suffix !== null && suffix[1] !== undefined) {
    const trailing = currencyOf(suffix[1]);
    if (trailing !== null) {
      if (currency !== null && currency !== trailing) return null;
      currency = trailing;
      text = text.slice(0, suffix.index);
    }
  }
  // A sign before a bare number is parseNumber's to read; before a currency it was taken above.
  if (signed && currency === null) return { currency, number: raw.trim(), negative: false };
  const lead = text.charAt(0);
  if (signed && (lead === '-' || lead === '+' || lead === '\u2212' || lead === '(')) return null;
  if (negative && text.includes('(')) return null;
  return { currency, number: text, negative };
}

/** Parses "$1,234.50", "1.234,50 €" (with ','), "USD 12k", "R$ 3.5M", "-$5", "$-5", "(£1,200)"; plain numbers parse with currency null. */
export function parseMoney(raw: string, decimal: DecimalMark = '.'): Money | null {
  if (startsAndEndsWithDigit(raw)) {
    const amount = parseNumber(raw, decimal);
    return amount === null ? null : { amount, currency: null };
  }
  const split = splitCurrency(raw);
  if (split === null) return null;
  if (split.currency === null) {
    const amount = parseNumber(raw, decimal);
    return amount === null ? null : { amount, currency: null };
  }
  // "$12%" is not an amount of money.
  if (split.number.endsWith('%')) return null;
  const amount = parseNumber(split.number, decimal);
  if (amount === null) return null;
  const signed = split.negative ? -amount : amount;
  return { amount: signed === 0 ? 0 : signed, currency: split.currency };
}

/** True when the cell is an amount carrying a currency symbol or code, whatever its decimal mark. */
export function hasCurrency(raw: string): boolean {
  if (startsAndEndsWithDigit(raw)) return false;
  const split = splitCurrency(raw);
  if (split === null || split.currency === null || split.number.endsWith('%')) return false;
  return parseNumber(split.number, '.') !== null || parseNumber(split.number, ',') !== null;
}
