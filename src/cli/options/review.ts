import { dateParser, parseQuarter, parseWindow } from '../parse-options.js';
import { csvReadOptions, formatOption, icpOption, mapOption } from './shared.js';
import { flag, parsed, text } from './spec.js';

/** `icp review`'s options, in the order help lists them. */
export const REVIEW_OPTIONS = {
  icp: icpOption('the saved ICP, never modified'),
  customers: text('--customers <file>', 'customers/accounts export', { required: true }),
  deals: text('--deals <file>', 'deals/opportunities export', { required: true }),
  quarter: parsed('--quarter <q>', 'the quarter to review, e.g. 2026Q3', parseQuarter, { defaultText: 'the last complete quarter' }),
  asOf: parsed('--as-of <date>', 'review as if today were this date (YYYY-MM-DD)', dateParser('--as-of')),
  window: parsed('--window <n>q', 'quarters of deals the proposal is derived on, ending with the period', parseWindow, { default: 4, defaultText: '4q' }),
  outDir: text('--out-dir <dir>', 'where the dated review files go', { default: 'reviews' }),
  failOnDrift: flag('--fail-on-drift', 'exit 3 when drift is found'),
  format: formatOption(['table', 'json', 'md'], 'table'),
  map: mapOption,
  ...csvReadOptions,
} as const;
