import type { DateOrder } from '../columns/parse/date.js';
import type { DecimalMark } from '../columns/parse/number.js';
import { SPELLINGS } from '../columns/parse/boolean.js';
import { LOST_STAGES, WON_STAGES } from '../profile/stage.js';
import { extracted, inList, isMarker, WS } from './cell-sql.js';
import { DATE_FORMS, DATE_PARTS, datePartsSql, epochMsSql } from './date-sql.js';
import type { Dialect } from './dialect.js';
import { moneySql, NUMBER_FORMS } from './number-sql.js';

/** The columns the join reads, found as derive finds them (or named with --key and --map). */
export interface ProfileSqlInput {
  customers: { table: string; key: string };
  deals: {
    table: string;
    key: string;
    stage?: string | undefined;
    won?: string | undefined;
    amount?: string | undefined;
    created?: string | undefined;
    closed?: string | undefined;
    decimal: DecimalMark;
    createdOrder: DateOrder;
    closedOrder: DateOrder;
  };
  /** Close dates inside [since, until] (epoch ms), as derive's --since and --until. */
  window: { since?: number | undefined; until?: number | undefined };
}

const trimmed = (d: Dialect, expr: string) => d.replaceAll(d.text(expr), `^${WS}+|${WS}+$`, '');

/** A join key as normalizeKey compares it: the first of a `;` list, trimmed, lower-cased, `123.0` as `123`. */
function keySql(d: Dialect, column: string): string {
  const first = `lower(${trimmed(d, extracted(d, d.text(column), '^([^;]*)'))})`;
  return `CASE WHEN ${d.matches(first, '^[0-9]+[.]0+$')} THEN ${extracted(d, first, '^([0-9]+)[.]0+$')} ELSE ${first} END`;
}

/** A deal's outcome, as DealTally.outcomeOf, from its lower-cased texts: the stage (classifyStage), else the won flag, else won. */
function outcomeSql(d: Dialect, deals: ProfileSqlInput['deals']): string {
  if (deals.stage !== undefined) {
    const key = d.replaceAll(d.replaceAll('icp_stage', `^(?:is)?won${WS}*=${WS}*`, ''), '[^a-z0-9]', '');
    return `CASE WHEN ${inList(d, key, WON_STAGES)} OR ${d.matches(key, '^closedwon')} THEN 'won' WHEN ${inList(d, key, LOST_STAGES)} OR ${d.matches(key, '^closedlost')} THEN 'lost' ELSE 'open' END`;
  }
  if (deals.won !== undefined) {
    const yes = [...SPELLINGS].filter(([, v]) => v).map(([k]) => k);
    return `CASE WHEN ${inList(d, 'icp_won', yes)} THEN 'won' ELSE 'lost' END`;
  }
  return "'won'";
}

/** The first stage: per deal, its key, and each cell it reads trimmed and lower-cased once. */
function dealTexts(d: Dialect, deals: ProfileSqlInput['deals']): string[] {
  const text = (column: string | undefined, name: string) =>
    `${column === undefined ? `CAST(NULL AS ${d.textType})` : `lower(${trimmed(d, `icp_deals.${d.ident(column)}`)})`} AS ${name}`;
  return [
    `${keySql(d, `icp_deals.${d.ident(deals.key)}`)} AS icp_key`,
    text(deals.stage, 'icp_stage'),
    text(deals.won, 'icp_won'),
    text(deals.amount, 'icp_amount_text'),
    text(deals.created, 'icp_created_text'),
    text(deals.closed, 'icp_closed_text'),
  ];
}

/** The second stage: its outcome and amount, and the parts of its dates. */
function dealCells(d: Dialect, deals: ProfileSqlInput['deals']): string[] {
  const parts = (prefix: string, order: DateOrder) => DATE_PARTS.map((p) => `${datePartsSql(d, `icp_${prefix}_text`, order)[p]} AS icp_${prefix}_${p}`);
  return [
    'icp_key',
    `${outcomeSql(d, deals)} AS icp_outcome`,
    `${moneySql(d, 'icp_amount_text', deals.decimal)} AS icp_amount`,
    ...parts('created', deals.createdOrder),
    ...parts('closed', deals.closedOrder),
  ];
}

const dateOf = (prefix: string) =>
  epochMsSql(Object.fromEntries(DATE_PARTS.map((p) => [p, `icp_${prefix}_${p}`])) as Record<(typeof DATE_PARTS)[number], string>);

/** The sums per customer key of the deals inside the window: counts, won value, first and last won, median cycle. */
function sumsSql(d: Dialect, window: ProfileSqlInput['window']): string {
  const { since, until } = window;
  const inside = [
    "icp_key <> ''",
    ...(since !== undefined || until !== undefined ? ['icp_closed IS NOT NULL'] : []),
    ...(since === undefined ? [] : [`icp_closed >= ${since}`]),
    ...(until === undefined ? [] : [`icp_closed <= ${until}`]),
  ].join(' AND ');
  const cycle = `CASE WHEN icp_outcome = 'won' AND icp_closed IS NOT NULL AND icp_created IS NOT NULL AND icp_closed >= icp_created THEN (icp_closed - icp_created) / 86400000.0 END`;
  const median = d.median('icp_cycle', 'icp_key');
  const wonClose = "CASE WHEN icp_outcome = 'won' THEN icp_closed END";
  return `SELECT
    icp_key,
    COUNT(*) AS icp_n,
    SUM(CASE WHEN icp_outcome = 'won' THEN 1 ELSE 0 END) AS icp_won,
    SUM(CASE WHEN icp_outcome = 'lost' THEN 1 ELSE 0 END) AS icp_lost,
    SUM(CASE WHEN icp_outcome = 'open' THEN 1 ELSE 0 END) AS icp_open,
    SUM(CASE WHEN icp_outcome = 'won' THEN icp_amount END) AS icp_value,
    MIN(${wonClose}) AS icp_first,
    MAX(${wonClose}) AS icp_last,
    ${median.agg} AS icp_median
  FROM (
    SELECT icp_cycled.*${median.window ? `, ${median.window} AS icp_median_rows` : ''}
    FROM (SELECT icp_dated.*, ${cycle} AS icp_cycle FROM icp_dated WHERE ${inside}) AS icp_cycled
  ) AS icp_windowed
  GROUP BY icp_key`;
}

/**
 * The per-customer join and sums derive makes of the deals (DealTally): for each customer row, its deals
 * inside the window, won, lost and open, the won value, the first and last won close dates and the median
 * sales cycle of its won deals, in days. Run `icp derive` on the result with `--value won_value`.
 */
export function profileSql(d: Dialect, input: ProfileSqlInput): string {
  // A customer without a key is its own customer (customerKey): no deal joins it.
  const own = `icp_customers.${d.ident(input.customers.key)}`;
  const customer = `CASE WHEN ${isMarker(d, `lower(${trimmed(d, own)})`)} THEN NULL ELSE ${keySql(d, own)} END`;
  const header = [
    `-- icp sql profile (${d.name}): ${input.deals.table} joined to ${input.customers.table} on ${input.deals.key} = ${input.customers.key} and summed per customer, as icp derive does`,
    `-- Dates are read as ${DATE_FORMS}.`,
    `-- Amounts are read as numbers in these forms: ${NUMBER_FORMS.slice(0, 4).join('; ')}.`,
    '-- Run icp derive on the result with --value won_value.',
  ].join('\n');
  return `${header}
WITH icp_texts AS${d.materialized} (
  SELECT
    ${dealTexts(d, input.deals).join(',\n    ')}
  FROM ${input.deals.table} AS icp_deals
),
icp_cells AS${d.materialized} (
  SELECT
    ${dealCells(d, input.deals).join(',\n    ')}
  FROM icp_texts
),
icp_dated AS${d.materialized} (
  SELECT icp_key, icp_outcome, icp_amount, ${dateOf('created')} AS icp_created, ${dateOf('closed')} AS icp_closed
  FROM icp_cells
),
icp_sums AS (
  ${sumsSql(d, input.window)}
)
SELECT
  icp_customers.*,
  COALESCE(icp_sums.icp_n, 0) AS deals,
  COALESCE(icp_sums.icp_won, 0) AS won_deals,
  COALESCE(icp_sums.icp_lost, 0) AS lost_deals,
  COALESCE(icp_sums.icp_open, 0) AS open_deals,
  COALESCE(icp_sums.icp_value, 0) AS won_value,
  ${d.msToDate('icp_sums.icp_first')} AS first_won,
  ${d.msToDate('icp_sums.icp_last')} AS last_won,
  icp_sums.icp_median AS median_cycle_days
FROM ${input.customers.table} AS icp_customers
LEFT JOIN icp_sums ON icp_sums.icp_key = ${customer}
`;
}
