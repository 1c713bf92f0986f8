export type DecimalMark = '.' | ',';

// Thousands separators besides the "other" mark: Swiss apostrophes and the spaces French and
// spreadsheet locales put between groups (plain, no-break, thin, narrow no-break).
const SPACE_AND_QUOTE_GROUPS = "'\u2019 \u00A0\u2009\u202F";

/**
 * One anchored pattern per decimal mark, built once. Capture groups:
 * 1 sign | grouped: 2 lead digits, 3 separator, 4 rest of groups, 5 fraction
 * | plain: 6 integer, 7 fraction, 8 exponent | leading mark: 9 fraction, 10 exponent | 11 suffix, 12 percent.
 * A grouped number repeats its first separator (`\3`), so "1,234 567" is not read as one number.
 */
function numberPattern(group: string, mark: string): RegExp {
  const exponent = '(?:e([-+]?\\d+))?';
  return new RegExp(
    '^([-+\\u2212])?(?:' +
      `(\\d{1,3})([${group}])(\\d{3}(?:\\3\\d{3})*)(?:${mark}(\\d+))?` +
      `|(\\d+)(?:${mark}(\\d+))?${exponent}` +
      `|${mark}(\\d+)${exponent}` +
      ')\\s?(?:(k|mm|m|bn|b)|(%))?$',
    'i',
  );
}

const PATTERNS: Readonly<Record<DecimalMark, RegExp>> = {
  '.': numberPattern(',' + SPACE_AND_QUOTE_GROUPS, '\\.'),
  ',': numberPattern('.' + SPACE_AND_QUOTE_GROUPS, ','),
};

const SUFFIX_EXPONENT: Readonly<Record<string, number>> = { k: 3, m: 6, mm: 6, b: 9, bn: 9 };

/** Parses "1234", "-5", "1,234.50", "1.234,50" (with ','), "12k", "3.5M", "2bn", "1'234.5", "(1,234)", "12%", "1.5e6"; null when not a number. */
export function parseNumber(raw: string, decimal: DecimalMark = '.'): number | null {
  let text = raw.trim();
  if (text.length === 0) return null;
  // Accounting negatives: "(1,234)". A sign inside the brackets would be a double negative.
  let negate = false;
  if (text.charCodeAt(0) === 40 /* ( */ && text.charCodeAt(text.length - 1) === 41 /* ) */) {
    text = text.slice(1, -1).trim();
    negate = true;
  }
  const m = PATTERNS[decimal].exec(text);
  if (m === null) return null;
  if (negate && m[1] !== undefined) return null;

  const integer = m[2] !== undefined ? m[2] + (m[4] ?? '').replaceAll(m[3] ?? '', '') : (m[6] ?? '0');
  const fraction = m[5] ?? m[7] ?? m[9];
  const suffix = m[11];
  // Scaling by a power of ten in the literal keeps "1.1k" exactly 1100 (1.1 * 1000 would not be).
  const exponent = Number(m[8] ?? m[10] ?? 0) + (suffix === undefined ? 0 : (SUFFIX_EXPONENT[suffix.toLowerCase()] ?? 0));
  const literal = (fraction === undefined ? integer : `${integer}.${fraction}`) + (exponent === 0 ? '' : `e${exponent}`);
  let value = Number(literal);
  if (!Number.isFinite(value)) return null;
  if (m[1] === '-' || m[1] === '\u2212') value = -value;
  if (negate) value = -value;
  return value === 0 ? 0 : value;
}

// The first digit run of a cell (with its separators), so "$1,234.50" and "1.234,50 EUR" give evidence too.
const DIGIT_RUN = /\d(?:[\d.,'\u2019 \u00A0\u2009\u202F]*\d)?/;
const SPACE_AND_QUOTE = /['\u2019 \u00A0\u2009\u202F]/g;
const DOT_DECIMAL_GROUPED = /^\d{1,3}(?:,\d{3})+\.\d+$/;
const COMMA_DECIMAL_GROUPED = /^\d{1,3}(?:\.\d{3})+,\d+$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3}){2,}$/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3}){2,}$/;
// "1,234" or "1.234": a thousands group or three decimals. A leading zero ("0.500") settles it as decimal.
const SINGLE_GROUP = /^[1-9]\d{0,2}[.,]\d{3}$/;
const DOT_DECIMAL = /^\d+\.\d+$/;
const COMMA_DECIMAL = /^\d+,\d+$/;

type Evidence = DecimalMark | 'ambiguous' | null;

function evidenceOf(value: string): Evidence {
  const found = DIGIT_RUN.exec(value);
  if (found === null) return null;
  const run = found[0].replace(SPACE_AND_QUOTE, '');
  if (DOT_DECIMAL_GROUPED.test(run) || COMMA_GROUPS.test(run)) return '.';
  if (COMMA_DECIMAL_GROUPED.test(run) || DOT_GROUPS.test(run)) return ',';
  if (SINGLE_GROUP.test(run)) return 'ambiguous';
  if (DOT_DECIMAL.test(run)) return '.';
  if (COMMA_DECIMAL.test(run)) return ',';
  return null;
}

/** Decides a column's decimal mark from its values: "1.234,50" or "12,5" -> ','; "1,234.50" or "3.5" -> '.'; ambiguous only when the only separators seen are like "1,234" / "1.234". */
export function detectDecimalMark(values: readonly string[]): { mark: DecimalMark; ambiguous: boolean } {
  let dot = 0;
  let comma = 0;
  let ambiguousSeen = false;
  for (const value of values) {
    const evidence = evidenceOf(value);
    if (evidence === '.') dot++;
    else if (evidence === ',') comma++;
    else if (evidence === 'ambiguous') ambiguousSeen = true;
  }
  // With no decisive value, '.' reads "1,234" as 1234, the reading of US-made CRMs' default exports.
  if (dot === 0 && comma === 0) return { mark: '.', ambiguous: ambiguousSeen };
  return { mark: comma > dot ? ',' : '.', ambiguous: false };
}
