import { DIALECTS, type DialectName } from '../../core/sql/dialect.js';
import { DERIVE_OPTIONS } from './derive.js';
import { csvReadOptions, forceOption, icpOption, mapOption, outputOption } from './shared.js';
import { flag, parsed, text } from './spec.js';

export const SQL_FORMATS = ['sql', 'dbt'] as const;
export type SqlFormat = (typeof SQL_FORMATS)[number];

/** `icp sql score`'s options: the ICP as one SELECT over a leads table. */
export const SQL_SCORE_OPTIONS = {
  // Required, but checked by the command, which says which dialects there are.
  dialect: parsed('--dialect <name>', `SQL dialect: ${DIALECTS.join(', ')} (required)`, (raw) => raw as DialectName, { choices: DIALECTS }),
  table: text('--table <name>', 'the leads table or view as the warehouse names it, or a (SELECT ...) subquery (required)'),
  icp: icpOption(),
  columnsFrom: text(
    '--columns-from <leads.csv>',
    "a CSV export of the table: its header finds the ICP's columns as icp score does, its first rows the decimal mark and date order",
  ),
  map: mapOption,
  explain: flag('--explain', 'add icp_reasons: the points and why, as icp score --explain writes them'),
  format: parsed('--format <format>', 'sql: the SELECT; dbt: the SELECT as a dbt model', (raw) => raw as SqlFormat, {
    choices: SQL_FORMATS,
    default: 'sql' as SqlFormat,
  }),
  output: outputOption,
  force: forceOption,
  ...csvReadOptions,
} as const;

/** `icp sql profile`'s options: derive's join of the deals to the customers, and its sums, as one query. */
export const SQL_PROFILE_OPTIONS = {
  dialect: SQL_SCORE_OPTIONS.dialect,
  customers: text('--customers <table>', 'the customers/accounts table as the warehouse names it (required)'),
  deals: text('--deals <table>', 'the deals/opportunities table (required)'),
  customersFrom: text('--customers-from <csv>', 'a CSV export (or the first rows) of the customers table: finds the join column as derive does'),
  dealsFrom: text(
    '--deals-from <csv>',
    'a CSV export (or the first rows) of the deals table: finds its join, stage, amount and date columns and how they are written',
  ),
  key: DERIVE_OPTIONS.key,
  since: DERIVE_OPTIONS.since,
  until: DERIVE_OPTIONS.until,
  map: mapOption,
  output: outputOption,
  force: forceOption,
  ...csvReadOptions,
} as const;
