/**
 * ISO 3166-1 countries: alpha-2, alpha-3 and English names (the ISO short name, its common and official
 * names, and the everyday names CRM exports write: "UK", "Russia", "Vietnam", "Ivory Coast"). Generated once from
 * Debian's iso-codes (iso_3166-1.json) plus Kosovo (XK, user-assigned), and kept here so that reading a file needs
 * no package and no network; edit by hand.
 */
import type { Country } from './country.js';
import { COUNTRIES_A_TO_L } from './countries-a-l.js';
import { COUNTRIES_M_TO_Z } from './countries-m-z.js';

// Kept in two files by code only to keep each under the project's 250 lines.
export const COUNTRIES: readonly Country[] = [...COUNTRIES_A_TO_L, ...COUNTRIES_M_TO_Z];
