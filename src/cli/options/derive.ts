import { DERIVE_SEED } from '../../core/derive/derive-seed.js';
import { dateParser, keyOption, listOption, numberParser, parseTop, seedParser } from '../parse-options.js';
import { contactRolesOption, csvReadOptions, forceOption, formatOption, ICP_FILE, mapOption, titlesOption } from './shared.js';
import { flag, parsed, text } from './spec.js';

const list = (flags: string, description: string) =>
  ({ ...parsed(flags, description, listOption), parseList: (items: readonly string[]) => listOption(items.join(',')) }) as const;

/** `icp derive`'s options, in the order help lists them. */
export const DERIVE_OPTIONS = {
  deals: text('--deals <file>', 'deals/opportunities export joined to the customers; best = most won value'),
  output: text('-o, --output <file>', 'ICP file to write; "-" prints the YAML instead', { default: ICP_FILE }),
  force: forceOption,
  contacts: text('--contacts <file>', 'contacts export (job titles, the company each works at): adds the buyer personas of the best customers to the ICP file'),
  titles: titlesOption,
  contactRoles: contactRolesOption,
  profile: text(
    '--profile <file>',
    'also write the one-page ICP document for the new ICP (HTML; .md or .json by the name), as icp profile would from the ICP file',
  ),
  value: text('--value <column>', 'customers column that measures worth (LTV, total spend, ARR, MRR, profit)'),
  outcome: text(
    '--outcome <column[=value]>',
    'contrast rows where a yes/no column is won/converted/true (or equals the value, e.g. "Churn=No") with the others',
  ),
  top: parsed('--top <rule>', 'the best customers: a share such as 20% or a count such as 50', parseTop, { default: parseTop('20%'), defaultText: '20%' }),
  key: parsed('--key <c[=d]>', 'join column in customers [= column in deals], overriding the guess; "none": each row is its own record', (raw) =>
    keyOption(raw),
  ),
  since: parsed('--since <date>', 'only deals closed on or after this date (YYYY-MM-DD)', dateParser('--since')),
  until: parsed('--until <date>', 'only deals closed on or before this date (YYYY-MM-DD)', dateParser('--until', true)),
  attributes: list('--attributes <a,b>', 'only mine these columns'),
  exclude: list('--exclude <a,b>', 'never mine these columns'),
  allow: list('--allow <a,b>', 'mine these columns although they look like leakage (they may record the outcome)'),
  maxCriteria: parsed(
    '--max-criteria <n>',
    'at most this many criteria, 1 to 30',
    numberParser('--max-criteria', (n) => Number.isInteger(n) && n >= 1 && n <= 30, 'a whole number from 1 to 30'),
    { default: 8 },
  ),
  alpha: parsed(
    '--alpha <q>',
    'keep criteria with Benjamini-Hochberg q below this',
    numberParser('--alpha', (n) => n > 0 && n < 1, 'a number between 0 and 1'),
    { default: 0.05 },
  ),
  minSupport: parsed(
    '--min-support <s>',
    'a value must be this share (or count) of the cohort',
    numberParser('--min-support', (n) => n > 0, 'a share such as 0.05 or a count'),
    { default: 0.05 },
  ),
  minLift: parsed(
    '--min-lift <r>',
    'a criterion must be this many times as common in the cohort',
    numberParser('--min-lift', (n) => n > 1, 'a ratio above 1'),
    { default: 1.5 },
  ),
  name: text('--name <text>', 'the name written into the ICP file'),
  fast: flag('--fast', 'skip the 5-fold validation and the half-sample stability (the file says so)'),
  seed: parsed('--seed <n>', 'seed of the permutations, folds and half-samples', seedParser, { defaultText: String(DERIVE_SEED) }),
  threads: text('--threads <n>', 'ignored (one thread joins the deals); accepted for one release, then removed'),
  format: formatOption(['table', 'json', 'md', 'yaml'], 'table'),
  map: mapOption,
  ...csvReadOptions,
} as const;
