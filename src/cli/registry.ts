import type { CommandContext } from './context.js';
import {
  delimiterInOption,
  encodingOption,
  forceOption,
  formatOption,
  mapOption,
  outputOption,
  type OptionSpec,
} from './options.js';

/** What commander hands a command: positional arguments and parsed options. */
export interface CommandInput {
  args: string[];
  options: Record<string, unknown>;
}

/** A command module: parse its options, do io -> core -> render, return an exit code. */
export interface CommandModule {
  run(input: CommandInput, ctx: CommandContext): Promise<number>;
}

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
      { flags: '--outcome <column>', description: 'contrast rows where this column is won/converted/true with the others' },
      { flags: '--top <rule>', description: 'the best customers: a share such as 20% or a count such as 50 (default: 20%)' },
      { flags: '--key <c[=d]>', description: 'join column in customers [= column in deals], overriding the guess' },
      { flags: '--since <date>', description: 'only deals closed on or after this date (YYYY-MM-DD)' },
      { flags: '--until <date>', description: 'only deals closed on or before this date (YYYY-MM-DD)' },
      { flags: '--attributes <a,b>', description: 'only mine these columns' },
      { flags: '--exclude <a,b>', description: 'never mine these columns' },
      { flags: '--max-criteria <n>', description: 'at most this many criteria (default: 8)' },
      { flags: '--alpha <q>', description: 'keep criteria with Benjamini-Hochberg q below this (default: 0.05)' },
      { flags: '--min-support <s>', description: 'a value must be this share (or count) of the cohort (default: 0.05)' },
      { flags: '--min-lift <r>', description: 'a criterion must be this many times as common in the cohort (default: 1.5)' },
      { flags: '--name <text>', description: 'the name written into the ICP file' },
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
    options: [formatOption(['text', 'json'])],
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
