import { COUNTRIES } from './countries.js';

/** How a cell names a country: an English name, or an ISO 3166 alpha-2 or alpha-3 code. */
export type CountryForm = 'name' | 'alpha2' | 'alpha3';

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const NAMES = new Map<string, string>();
const ALPHA2 = new Map<string, string>();
const ALPHA3 = new Map<string, string>();
for (const [alpha2, alpha3, names] of COUNTRIES) {
  ALPHA2.set(fold(alpha2), alpha2);
  ALPHA3.set(fold(alpha3), alpha2);
  for (const name of names) if (!NAMES.has(fold(name))) NAMES.set(fold(name), alpha2);
}

/** The country a cell names (its alpha-2 code) and in which form, case- and punctuation-insensitively; undefined otherwise. */
export function readCountry(raw: string): { code: string; form: CountryForm } | undefined {
  const text = raw.trim();
  // Codes are written as they are, "US" / "usa"; "U.S." and "U.S.A." are codes with dots.
  const bare = /^[A-Za-z](\.?[A-Za-z]){1,2}\.?$/.test(text) ? text.replace(/\./g, '') : text;
  const key = fold(bare);
  if (bare.length === 2 && ALPHA2.has(key)) return { code: ALPHA2.get(key) as string, form: 'alpha2' };
  if (bare.length === 3 && ALPHA3.has(key)) return { code: ALPHA3.get(key) as string, form: 'alpha3' };
  const named = NAMES.get(key);
  return named === undefined ? undefined : { code: named, form: 'name' };
}

const COUNTRY_HEADER = /countr|nation/i;
/** Share of a column's cells (weighted by rows) that must name countries for the column to be a country. */
export const COUNTRY_SHARE = 0.9;
/** Fewer cells than this say too little to call a column a country by its values. */
const MIN_CELLS = 5;

/**
 * The share of a column's non-missing cells that name a country. Two-letter codes collide with US states
 * and provinces (CA, DE, IN, PA...), so they count only when the header says country/nation or most cells
 * are full names or alpha-3 codes; a column of state codes stays a region.
 */
export function countryShare(values: readonly string[], header: string): number {
  if (values.length === 0) return 0;
  const forms = new Map<string, CountryForm | null>();
  let names = 0;
  let alpha3 = 0;
  let alpha2 = 0;
  for (const value of values) {
    let form = forms.get(value);
    if (form === undefined) {
      form = readCountry(value)?.form ?? null;
      forms.set(value, form);
    }
    if (form === 'name') names++;
    else if (form === 'alpha3') alpha3++;
    else if (form === 'alpha2') alpha2++;
  }
  const codesAllowed = COUNTRY_HEADER.test(header) || (names + alpha3) * 2 > values.length;
  return (names + alpha3 + (codesAllowed ? alpha2 : 0)) / values.length;
}

/** Whether a column's values (non-missing cells) are countries: at least COUNTRY_SHARE of its cells. */
export function isCountryColumn(values: readonly string[], header: string): boolean {
  return values.length >= MIN_CELLS && countryShare(values, header) >= COUNTRY_SHARE;
}
