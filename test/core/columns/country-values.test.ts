import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../../src/core/columns/countries.js';
import { countryShare, isCountryColumn, readCountry } from '../../../src/core/columns/country-values.js';

describe('readCountry', () => {
  it.each([
    ['United States', 'US', 'name'],
    ['united states of america', 'US', 'name'],
    ['BELGIUM', 'BE', 'name'],
    ['Côte d’Ivoire', 'CI', 'name'],
    ['Ivory Coast', 'CI', 'name'],
    ['South Korea', 'KR', 'name'],
    ['UK', 'GB', 'name'],
    ['us', 'US', 'alpha2'],
    ['De', 'DE', 'alpha2'],
    ['U.S.', 'US', 'alpha2'],
    ['USA', 'US', 'alpha3'],
    ['bra', 'BR', 'alpha3'],
    ['Ken', 'KE', 'alpha3'],
    ['U.S.A.', 'US', 'alpha3'],
  ])('reads %s as %s (%s)', (raw, code, form) => {
    expect(readCountry(raw)).toEqual({ code, form });
  });

  it('reads no country from other words', () => {
    for (const raw of ['Toronto', 'Ontario', 'North Holland', 'Retail', 'XX', 'ABC', '']) expect(readCountry(raw)).toBeUndefined();
  });

  it('ships every ISO 3166-1 country with distinct codes', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRIES.map((c) => c[0])).size).toBe(COUNTRIES.length);
    expect(new Set(COUNTRIES.map((c) => c[1])).size).toBe(COUNTRIES.length);
  });
});

describe('isCountryColumn', () => {
  const names = ['United States', 'Belgium', 'Brazil', 'Kenya', 'Germany', 'United States'];

  it('knows countries by their names, alpha-3 codes and mixed case under any header', () => {
    expect(isCountryColumn(names, 'office_location')).toBe(true);
    expect(isCountryColumn(['USA', 'bel', 'BRA', 'Ken', 'DEU'], 'office_location')).toBe(true);
    expect(isCountryColumn(['united states', 'BELGIUM', 'bra', 'Kenya', 'de'], 'hq')).toBe(true);
  });

  it('counts two-letter codes only under a country header or beside mostly full names', () => {
    const codes = ['US', 'BE', 'br', 'KE', 'DE', 'US'];
    expect(isCountryColumn(codes, 'Country Code')).toBe(true);
    expect(isCountryColumn(codes, 'Nation')).toBe(true);
    expect(isCountryColumn(codes, 'office_location')).toBe(false);
    expect(isCountryColumn([...names, ...names, 'DE'], 'office_location')).toBe(true);
  });

  it('leaves a column of US states a region: CA, DE, IN are states there', () => {
    const states = ['CA', 'DE', 'IN', 'PA', 'GA', 'MA', 'AL', 'CO', 'TX', 'NY'];
    expect(countryShare(states, 'State')).toBe(0);
    expect(isCountryColumn(states, 'State')).toBe(false);
    expect(isCountryColumn(['California', 'Georgia', 'Texas', 'New York', 'Ohio'], 'State')).toBe(false);
  });

  it('needs at least 90% of the cells, weighted by rows, and a few cells to say it', () => {
    const mostly = [...Array.from({ length: 9 }, () => 'Brazil'), 'Atlantis'];
    expect(isCountryColumn(mostly, 'x')).toBe(true);
    expect(isCountryColumn([...mostly, 'Atlantis'], 'x')).toBe(false);
    expect(isCountryColumn(['Brazil', 'Kenya'], 'x')).toBe(false);
  });
});
