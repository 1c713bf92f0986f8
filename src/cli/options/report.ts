import { parseDate } from '../../core/columns/parse/index.js';
import { DERIVE_SEED } from '../../core/derive/derive-seed.js';
import { TIER_NAMES, type Tier } from '../../core/icp/tiers.js';
import { UsageError } from '../../errors.js';
import { dateParser, listOption, seedParser } from '../parse-options.js';
import { csvReadOptions, formatOption, icpOption, mapOption, outputOption, titlesOption } from './shared.js';
import { parsed, text } from './spec.js';

/** `--icp-tiers A,B`: the tiers that count as ICP; a usage error for anything but A-D; undefined (the default) for none. */
export function icpTiersOption(raw: string): Tier[] | undefined {
  const items = listOption(raw);
  // Nothing named (`--icp-tiers ","`): the default, as when the option is left out.
  if (items === undefined) return undefined;
  const tiers = [...new Set(items.map((t) => t.toUpperCase()))];
  const bad = tiers.filter((t) => !(TIER_NAMES as readonly string[]).includes(t));
  if (bad.length > 0 || tiers.length === 0) {
    throw new UsageError(`--icp-tiers expects tiers among A, B, C, D such as "A,B", got "${raw}"`);
  }
  return TIER_NAMES.filter((t) => tiers.includes(t));
}

/** `--holdout 30%` (or a fraction, 0.3) or `--holdout 2026-01-01`, as a share or a date (epoch ms); a usage error for anything else. */
export function holdoutOption(raw: string): { share: number } | { date: number } {
  const text = raw.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  const share = percent ? Number(percent[1]) / 100 : /^0?\.\d+$/.test(text) ? Number(text) : NaN;
  if (share > 0 && share < 1) return { share };
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text, 'ymd') : null;
  if (date !== null) return { date };
  throw new UsageError(`--holdout expects a share of the customers between 0% and 100% such as 30%, or a date such as 2026-01-01, got "${text}"`);
}

/** `icp report`'s options, in the order help lists them. */
export const REPORT_OPTIONS = {
  icp: icpOption(),
  customers: text('--customers <file>', 'customers/accounts export', { required: true }),
  deals: text('--deals <file>', 'deals/opportunities export joined to the customers'),
  leads: text('--leads <file>', 'lead list with a converted column, for conversion rates'),
  spend: text('--spend <file>', 'marketing spend per channel or lead source, for CAC'),
  contacts: text('--contacts <file>', "contacts export: win rate by each of the ICP file's personas present or absent"),
  titles: titlesOption,
  since: parsed('--since <date>', 'only deals closed on or after this date (YYYY-MM-DD)', dateParser('--since')),
  until: parsed('--until <date>', 'only deals closed on or before this date (YYYY-MM-DD)', dateParser('--until', true)),
  // No default value: the report takes A and B, or those of them the ICP file has.
  icpTiers: parsed('--icp-tiers <tiers>', 'tiers that count as ICP', icpTiersOption, { defaultText: 'A,B' }),
  holdout: parsed(
    '--holdout <share-or-date>',
    'out of sample: derive the ICP afresh, with the options saved in --icp, on the customers not held out, and report on the others; a share held out at random (30%) or a date (customers created, or with a first deal, before it derive; the rest report)',
    holdoutOption,
  ),
  seed: parsed('--seed <n>', "seed of the --holdout share's draw", seedParser, { defaultText: `the ICP's recorded seed, else ${DERIVE_SEED}` }),
  format: formatOption(['table', 'json', 'md'], 'table'),
  output: outputOption,
  map: mapOption,
  ...csvReadOptions,
} as const;
