import type { CommandModule } from './command-module.js';
import { delimiterInOption, encodingOption, forceOption, formatOption, mapOption, outputOption, type OptionSpec } from './options.js';

export interface CommandSpec {
  name: string;
  summary: string;
  /** commander argument syntax, e.g. `<file>` or `[file]`. */
  args: string[];
  options: OptionSpec[];
  /** Shown at the end of `icp <command> --help`; real invocations on the bundled fixtures. */
  examples: string[];
  load(): Promise<CommandModule>;
}

export const commands: CommandSpec[] = [
  {
    name: 'derive',
    summary: 'mine the ICP from customer (and deal) exports and save it as icp.yaml',
    args: ['<customers>'],
    options: [
      { flags: '--deals <file>', description: 'deals/opportunities export joined to the customers; best = most won value' },
      { ...outputOption, description: 'ICP file to write (default: icp.yaml; "-" prints the YAML instead)' },
      forceOption,
      { flags: '--value <column>', description: 'customers column that measures worth (LTV, total spend, ARR, MRR, profit)' },
      {
        flags: '--outcome <column[=value]>',
        description: 'contrast rows where a yes/no column is won/converted/true (or equals the value, e.g. "Churn=No") with the others',
      },
      { flags: '--top <rule>', description: 'the best customers: a share such as 20% or a count such as 50 (default: 20%)' },
      { flags: '--key <c[=d]>', description: 'join column in customers [= column in deals], overriding the guess; "none": each row is its own record' },
      { flags: '--since <date>', description: 'only deals closed on or after this date (YYYY-MM-DD)' },
      { flags: '--until <date>', description: 'only deals closed on or before this date (YYYY-MM-DD)' },
      { flags: '--attributes <a,b>', description: 'only mine these columns' },
      { flags: '--exclude <a,b>', description: 'never mine these columns' },
      { flags: '--allow <a,b>', description: 'mine these columns although they look like leakage (they may record the outcome)' },
      { flags: '--max-criteria <n>', description: 'at most this many criteria, 1 to 30 (default: 8)' },
      { flags: '--alpha <q>', description: 'keep criteria with Benjamini-Hochberg q below this (default: 0.05)' },
      { flags: '--min-support <s>', description: 'a value must be this share (or count) of the cohort (default: 0.05)' },
      { flags: '--min-lift <r>', description: 'a criterion must be this many times as common in the cohort (default: 1.5)' },
      { flags: '--name <text>', description: 'the name written into the ICP file' },
      { flags: '--fast', description: 'skip the 5-fold validation and the half-sample stability (the file says so)' },
      { flags: '--seed <n>', description: 'seed of the permutations, folds and half-samples (default: 20261202)' },
      { flags: '--threads <n>', description: 'ignored (one thread joins the deals); accepted for one release, then removed' },
      formatOption(['table', 'json', 'md', 'yaml'], 'table'),
      mapOption,
      encodingOption,
      delimiterInOption,
    ],
    examples: [
      'icp derive fixtures/customers.csv --deals fixtures/deals.csv --force',
      'icp derive fixtures/customers.csv -o - > icp.yaml          # best = the Total Revenue column',
      'icp derive accounts.csv --deals opportunities.csv --since 2026-07-01 --top 25% -o icp-q3.yaml',
    ],
    load: () => import('./commands/derive.js'),
  },
  {
    name: 'score',
    summary: 'score every lead of a CSV against the saved ICP: points, tier and why',
    args: ['<leads>'],
    options: [
      { flags: '--icp <file>', description: 'the ICP file (default: ./icp.yaml)' },
      { ...outputOption, description: 'write to this file (atomically) instead of stdout' },
      formatOption(['csv', 'tsv', 'json', 'ndjson', 'table'], 'table', 'csv'),
      { flags: '--explain', description: 'add icp_reasons: the points of each matched criterion and the unknowns' },
      { flags: '--min-tier <tier>', description: 'keep only rows in this tier or better', choices: ['A', 'B', 'C', 'D'] },
      { flags: '--sort', description: 'best scores first (reads every row before writing)' },
      { flags: '--excel', description: 'UTF-8 BOM and CRLF line ends, for Excel' },
      { flags: '--delimiter <c>', description: 'output delimiter, e.g. ";" where decimals use commas' },
      { flags: '--no-formula-escape', description: "do not prefix cells starting with = + - @ with '" },
      mapOption,
      encodingOption,
      delimiterInOption,
    ],
    examples: [
      'icp score fixtures/leads.csv --icp icp.yaml -o leads-scored.csv',
      'icp score leads.csv --explain --min-tier B --sort --format table',
      'cat leads.csv | icp score - --excel --delimiter ";" > leads-scored.csv',
    ],
    load: () => import('./commands/score.js'),
  },
  {
    name: 'report',
    summary: 'compare ICP and non-ICP outcomes: win rate, cycle, CAC, CLV, per tier, with confidence intervals',
    args: [],
    options: [
      { flags: '--icp <file>', description: 'the ICP file (default: ./icp.yaml)' },
      { flags: '--customers <file>', description: 'customers/accounts export (required)' },
      { flags: '--deals <file>', description: 'deals/opportunities export joined to the customers' },
      { flags: '--leads <file>', description: 'lead list with a converted column, for conversion rates' },
      { flags: '--spend <file>', description: 'marketing spend per channel or lead source, for CAC' },
      { flags: '--since <date>', description: 'only deals closed on or after this date (YYYY-MM-DD)' },
      { flags: '--until <date>', description: 'only deals closed on or before this date (YYYY-MM-DD)' },
      { flags: '--icp-tiers <tiers>', description: 'tiers that count as ICP (default: A,B)' },
      {
        flags: '--holdout <share-or-date>',
        description:
          'out of sample: derive the ICP afresh, with the options saved in --icp, on the customers not held out, and report on the others; a share held out at random (30%) or a date (customers created, or with a first deal, before it derive; the rest report)',
      },
      { flags: '--seed <n>', description: "seed of the --holdout share's draw (default: the ICP's recorded seed, else 20261202)" },
      formatOption(['table', 'json', 'md'], 'table'),
      outputOption,
      mapOption,
      encodingOption,
      delimiterInOption,
    ],
    examples: [
      'icp report --customers fixtures/customers.csv --deals fixtures/deals.csv --leads fixtures/leads.csv',
      'icp report --customers accounts.csv --deals opportunities.csv --since 2026-07-01 --format md -o report.md',
      'icp report --customers accounts.csv --deals deals.csv --icp-tiers A --format json | jq .comparison',
    ],
    load: () => import('./commands/report.js'),
  },
  {
    name: 'review',
    summary: 'quarterly review for cron: backtest the saved ICP, propose an update, list drift; never touches icp.yaml',
    args: [],
    options: [
      { flags: '--icp <file>', description: 'the saved ICP (default: ./icp.yaml); never modified' },
      { flags: '--customers <file>', description: 'customers/accounts export (required)' },
      { flags: '--deals <file>', description: 'deals/opportunities export (required)' },
      { flags: '--quarter <q>', description: 'the quarter to review, e.g. 2026Q3 (default: the last complete quarter)' },
      { flags: '--as-of <date>', description: 'review as if today were this date (YYYY-MM-DD)' },
      { flags: '--window <n>q', description: 'quarters of deals the proposal is derived on, ending with the period (default: 4q)' },
      { flags: '--out-dir <dir>', description: 'where the dated review files go (default: reviews)' },
      { flags: '--fail-on-drift', description: 'exit 3 when drift is found' },
      formatOption(['table', 'json', 'md'], 'table'),
      mapOption,
      encodingOption,
      delimiterInOption,
    ],
    examples: [
      'icp review --customers fixtures/customers.csv --deals fixtures/deals.csv --quarter 2026Q3',
      'icp review --customers /data/companies.csv --deals /data/deals.csv --out-dir /data/reviews --fail-on-drift',
      '0 6 1 1,4,7,10 *  cd /data && /usr/local/bin/icp review --customers companies.csv --deals deals.csv  # crontab',
    ],
    load: () => import('./commands/review.js'),
  },
  {
    name: 'diff',
    summary: 'compare two ICP files: criteria added, removed, values, ranges or points changed, tier thresholds; exit 1 when they differ (as diff)',
    args: ['<old>', '<new>'],
    options: [formatOption(['table', 'json', 'md'], 'table')],
    examples: ['icp diff icp.yaml reviews/icp-proposed-2026Q3.yaml', 'icp diff old.yaml new.yaml --format md > changes.md'],
    load: () => import('./commands/diff.js'),
  },
  {
    name: 'inspect',
    summary: 'show how icp reads a CSV export: each column with its role, type, fill rate and values',
    args: ['<file>'],
    options: [formatOption(['table', 'json'], 'table'), encodingOption, delimiterInOption, mapOption],
    examples: [
      'icp inspect fixtures/customers.csv',
      'icp inspect deals.csv --format json | jq ".columns[] | {header, role, type}"',
      'cat export.csv | icp inspect - --encoding latin1',
    ],
    load: () => import('./commands/inspect.js'),
  },
  {
    name: 'validate',
    summary: 'check an ICP file and list every problem with its YAML line',
    args: ['[file]'],
    options: [formatOption(['text', 'json'], 'text')],
    examples: ['icp validate', 'icp validate reviews/icp-proposed-2026Q3.yaml'],
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'init',
    summary: 'write a commented template ICP (status: manual) to edit by hand',
    args: [],
    options: [{ ...outputOption, description: 'file to write (default: icp.yaml)' }, forceOption],
    examples: ['icp init', 'icp init -o icp-manual.yaml && icp validate icp-manual.yaml'],
    load: () => import('./commands/init.js'),
  },
];
