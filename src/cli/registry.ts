import type { CommandModule } from './command-module.js';
import { DERIVE_OPTIONS } from './options/derive.js';
import { CLASSIFY_OPTIONS, PERSONAS_OPTIONS } from './options/personas.js';
import { PROFILE_OPTIONS } from './options/profile.js';
import { REPORT_OPTIONS } from './options/report.js';
import { REVIEW_OPTIONS } from './options/review.js';
import { SCORE_OPTIONS } from './options/score.js';
import { SQL_PROFILE_OPTIONS, SQL_SCORE_OPTIONS } from './options/sql.js';
import { DIFF_OPTIONS, INIT_OPTIONS, INSPECT_OPTIONS, VALIDATE_OPTIONS } from './options/small-commands.js';
import type { OptionSet } from './options/spec.js';

export interface CommandSpec<S extends OptionSet = OptionSet> {
  name: string;
  summary: string;
  /** commander argument syntax, e.g. `<file>` or `[file]`. */
  args: string[];
  /** By the name commander gives each option's value (`--max-criteria` -> maxCriteria), in help's order. */
  options: S;
  /** Shown at the end of `icp <command> --help`; real invocations on the bundled fixtures. */
  examples: string[];
  load(): Promise<CommandModule<S>>;
}

/** One command's entry: its module must take the options its entry declares (a mix-up does not compile). */
const command = <S extends OptionSet>(spec: CommandSpec<S>): CommandSpec => spec as unknown as CommandSpec;

export const commands: CommandSpec[] = [
  command({
    name: 'derive',
    summary: 'mine the ICP from customer (and deal) exports and save it as icp.yaml',
    args: ['<customers>'],
    options: DERIVE_OPTIONS,
    examples: [
      'icp derive fixtures/customers.csv --deals fixtures/deals.csv --force',
      'icp derive fixtures/customers.csv -o - > icp.yaml          # best = the Total Revenue column',
      'icp derive accounts.csv --deals opportunities.csv --since 2026-07-01 --top 25% -o icp-q3.yaml',
    ],
    load: () => import('./commands/derive.js'),
  }),
  command({
    name: 'score',
    summary: 'score every lead of a CSV against the saved ICP: points, tier and why',
    args: ['<leads>'],
    options: SCORE_OPTIONS,
    examples: [
      'icp score fixtures/leads.csv --icp icp.yaml -o leads-scored.csv',
      'icp score leads.csv --explain --min-tier B --sort --format table',
      'cat leads.csv | icp score - --excel --delimiter ";" > leads-scored.csv',
    ],
    load: () => import('./commands/score.js'),
  }),
  command({
    name: 'report',
    summary: 'compare ICP and non-ICP outcomes: win rate, cycle, CAC, CLV, per tier, with confidence intervals',
    args: [],
    options: REPORT_OPTIONS,
    examples: [
      'icp report --customers fixtures/customers.csv --deals fixtures/deals.csv --leads fixtures/leads.csv',
      'icp report --customers accounts.csv --deals opportunities.csv --since 2026-07-01 --format md -o report.md',
      'icp report --customers accounts.csv --deals deals.csv --icp-tiers A --format json | jq .comparison',
    ],
    load: () => import('./commands/report.js'),
  }),
  command({
    name: 'profile',
    summary: 'write the one-page ICP document (HTML with charts, Markdown or JSON) that sales and marketing open',
    args: [],
    options: PROFILE_OPTIONS,
    examples: [
      'icp profile --icp icp.yaml -o icp-profile.html',
      'icp profile --customers fixtures/customers.csv --deals fixtures/deals.csv --leads fixtures/leads.csv --force',
      'icp profile --customers accounts.csv --deals deals.csv --format md -o ICP.md',
    ],
    load: () => import('./commands/profile.js'),
  }),
  command({
    name: 'personas',
    summary: 'find the buyer personas of the best customers: who works there far more often than at the rest, from a contacts export',
    args: [],
    options: PERSONAS_OPTIONS,
    examples: [
      'icp personas --contacts fixtures/contacts.csv --customers fixtures/customers.csv --deals fixtures/deals.csv',
      'icp personas --contacts contacts.csv --customers companies.csv --deals deals.csv --icp icp.yaml --format json',
      'icp personas classify fixtures/contacts.csv -o contacts-classified.csv',
    ],
    load: () => import('./commands/personas.js'),
  }),
  command({
    name: 'personas classify',
    summary: "read every contact's job title as a persona: the rows as read plus persona_seniority, persona_function and persona_rule",
    args: ['<contacts>'],
    options: CLASSIFY_OPTIONS,
    examples: [
      'icp personas classify fixtures/contacts.csv -o contacts-classified.csv',
      'icp personas classify contacts.csv --titles my-titles.yaml --format ndjson | jq .persona_function',
      'icp personas classify contacts.csv --map job_title="Position"',
    ],
    load: () => import('./commands/personas-classify.js'),
  }),
  command({
    name: 'sql score',
    summary: 'the ICP as one SQL SELECT over a leads table (DuckDB, PostgreSQL, BigQuery, Snowflake, Spark): the scores icp score gives',
    args: [],
    options: SQL_SCORE_OPTIONS,
    examples: [
      'icp sql score --dialect duckdb --table "read_csv(\'fixtures/leads.csv\', all_varchar = true)" --columns-from fixtures/leads.csv',
      'icp sql score --dialect snowflake --table analytics.hubspot_contacts --explain -o score-leads.sql',
      'icp sql score --dialect bigquery --table "{{ ref(\'stg_leads\') }}" --format dbt -o models/icp_scores.sql',
    ],
    load: () => import('./commands/sql-score.js'),
  }),
  command({
    name: 'sql profile',
    summary: "derive's join of the deals to the customers as one SQL query: won value, won/lost/open, first and last won, median cycle per customer",
    args: [],
    options: SQL_PROFILE_OPTIONS,
    examples: [
      'icp sql profile --dialect duckdb --customers companies --deals deals --customers-from fixtures/customers.csv --deals-from fixtures/deals.csv',
      'icp sql profile --dialect postgres --customers crm.accounts --deals crm.opportunities --key id=account_id --map deal_stage=stage_name --map amount=amount --map close_date=close_date',
    ],
    load: () => import('./commands/sql-profile.js'),
  }),
  command({
    name: 'review',
    summary: 'quarterly review for cron: backtest the saved ICP, propose an update, list drift; never touches icp.yaml',
    args: [],
    options: REVIEW_OPTIONS,
    examples: [
      'icp review --customers fixtures/customers.csv --deals fixtures/deals.csv --quarter 2026Q3',
      'icp review --customers /data/companies.csv --deals /data/deals.csv --out-dir /data/reviews --fail-on-drift',
      '0 6 1 1,4,7,10 *  cd /data && /usr/local/bin/icp review --customers companies.csv --deals deals.csv  # crontab',
    ],
    load: () => import('./commands/review.js'),
  }),
  command({
    name: 'diff',
    summary: 'compare two ICP files: criteria added, removed, values, ranges or points changed, tier thresholds; exit 1 when they differ (as diff)',
    args: ['<old>', '<new>'],
    options: DIFF_OPTIONS,
    examples: ['icp diff icp.yaml reviews/icp-proposed-2026Q3.yaml', 'icp diff old.yaml new.yaml --format md > changes.md'],
    load: () => import('./commands/diff.js'),
  }),
  command({
    name: 'inspect',
    summary: 'show how icp reads a CSV export: each column with its role, type, fill rate and values',
    args: ['<file>'],
    options: INSPECT_OPTIONS,
    examples: [
      'icp inspect fixtures/customers.csv',
      'icp inspect deals.csv --format json | jq ".columns[] | {header, role, type}"',
      'cat export.csv | icp inspect - --encoding latin1',
    ],
    load: () => import('./commands/inspect.js'),
  }),
  command({
    name: 'validate',
    summary: 'check an ICP file and list every problem with its YAML line',
    args: ['[file]'],
    options: VALIDATE_OPTIONS,
    examples: ['icp validate', 'icp validate reviews/icp-proposed-2026Q3.yaml'],
    load: () => import('./commands/validate.js'),
  }),
  command({
    name: 'init',
    summary: 'write a commented template ICP (status: manual) to edit by hand',
    args: [],
    options: INIT_OPTIONS,
    examples: ['icp init', 'icp init -o icp-manual.yaml && icp validate icp-manual.yaml'],
    load: () => import('./commands/init.js'),
  }),
];
