import { SCORE_OPTIONS } from './score.js';
import { contactRolesOption, csvReadOptions, formatOption, mapOption, outputOption, titlesOption } from './shared.js';
import { parsed, text } from './spec.js';

export const CLASSIFY_FORMATS = ['csv', 'tsv', 'json', 'ndjson'] as const;
export type ClassifyFormat = (typeof CLASSIFY_FORMATS)[number];

/** `icp personas classify`'s options: the contacts row for row, as score writes leads. */
export const CLASSIFY_OPTIONS = {
  titles: titlesOption,
  output: outputOption,
  format: parsed('--format <format>', 'output format', (raw) => raw as ClassifyFormat, { choices: CLASSIFY_FORMATS, default: 'csv' as ClassifyFormat }),
  excel: SCORE_OPTIONS.excel,
  delimiter: SCORE_OPTIONS.delimiter,
  formulaEscape: SCORE_OPTIONS.formulaEscape,
  map: mapOption,
  ...csvReadOptions,
} as const;

/** `icp personas`'s options: who buys at the best customers, ranked as the ICP file (or derive's defaults) ranks them. */
export const PERSONAS_OPTIONS = {
  // Required, but checked by the command: commander would check them for `personas classify` too.
  contacts: text('--contacts <file>', 'contacts export: job titles and the company each contact works at (required)'),
  customers: text('--customers <file>', 'customers/accounts export (required)'),
  deals: text('--deals <file>', 'deals/opportunities export: best = most won value, as derive ranks'),
  contactRoles: contactRolesOption,
  icp: text('--icp <file>', 'rank the customers with the options this ICP file recorded', { defaultText: "derive's own defaults" }),
  titles: titlesOption,
  format: formatOption(['table', 'json', 'md'], 'table'),
  output: outputOption,
  map: mapOption,
  ...csvReadOptions,
} as const;
