import type { Criterion } from '../src/core/icp/schema.js';
import { stringifyIcp } from '../src/io/yaml.js';

/** The five criteria scored in the benchmark: categories, ranges over numbers and money, and a tech stack. */
const CRITERIA: Criterion[] = [
  {
    column: 'Industry',
    attribute: 'industry',
    category: 'firmographic',
    label: 'Industry is Computer Software or Financial Services',
    match: { in: ['Computer Software', 'Financial Services'] },
    points: 30,
  },
  {
    column: 'Number of Employees',
    attribute: 'employees',
    category: 'firmographic',
    label: 'Number of Employees 50-1,000',
    match: { range: { min: 50, max: 1000 } },
    points: 25,
  },
  {
    column: 'Country/Region',
    attribute: 'country',
    category: 'firmographic',
    label: 'Country/Region is Canada, United Kingdom or United States',
    match: { in: ['Canada', 'United Kingdom', 'United States'] },
    points: 20,
  },
  {
    column: 'Web Technologies',
    attribute: 'technologies',
    category: 'technographic',
    label: 'Web Technologies includes HubSpot or Salesforce',
    match: { contains_any: ['HubSpot', 'Salesforce'] },
    points: 25,
  },
  {
    column: 'Annual Revenue',
    attribute: 'annual_revenue',
    category: 'firmographic',
    label: 'Annual Revenue up to 1,000,000',
    match: { range: { max: 1_000_000 } },
    points: -15,
  },
];
const TIERS = { A: 75, B: 50, C: 25 };

/** The benchmark ICP as icp.yaml text. */
export function benchIcpYaml(): string {
  return stringifyIcp({
    version: 1,
    name: 'benchmark ICP',
    status: 'manual',
    generated_at: '2026-11-23T00:00:00Z',
    source: [],
    cohort: { measure: 'hand-written', rule: 'hand-written', size: 0, total: 0, share_of_value: null },
    criteria: CRITERIA,
    tiers: TIERS,
  });
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const list = (values: readonly string[]) => values.map((v) => `'${v.toLowerCase().replace(/'/g, "''")}'`).join(', ');
// Thousands separators and a currency sign off, as icp's money reader does for `$1,234,567`.
const amount = (column: string) => `TRY_CAST(regexp_replace(trim(${q(column)}), '[$,]', '', 'g') AS DOUBLE)`;

/** The same points in SQL: a CASE per criterion, as a user would write it for DuckDB. */
function pointsSql(c: Criterion): string {
  const m = c.match;
  let test: string;
  if ('in' in m) test = `lower(trim(${q(c.column)})) IN (${list(m.in)})`;
  else if ('contains_any' in m) test = `list_has_any(string_split_regex(lower(${q(c.column)}), '\\s*[;|]\\s*|,\\s+'), [${list(m.contains_any)}])`;
  else if ('range' in m) {
    const bounds = [m.range.min !== undefined && `${amount(c.column)} >= ${m.range.min}`, m.range.max !== undefined && `${amount(c.column)} <= ${m.range.max}`];
    test = bounds.filter(Boolean).join(' AND ');
  } else test = `TRY_CAST(${q(c.column)} AS BOOLEAN) = ${m.equals}`;
  return `CASE WHEN ${test} THEN ${c.points} ELSE 0 END`;
}

/** DuckDB statements that score `leads` into `output` (every input column as text, then score and tier). */
export function duckdbScoreSql(leads: string, output: string): string[] {
  const raw = CRITERIA.map(pointsSql).join('\n + ');
  const score = `greatest(0, least(100, ${raw}))`;
  return [
    `COPY (
      SELECT *, CASE WHEN icp_score >= ${TIERS.A} THEN 'A' WHEN icp_score >= ${TIERS.B} THEN 'B' WHEN icp_score >= ${TIERS.C} THEN 'C' ELSE 'D' END AS icp_tier
      FROM (SELECT *, ${score} AS icp_score FROM read_csv('${leads}', header = true, all_varchar = true, quote = '"', escape = '"'))
    ) TO '${output}' (HEADER, DELIMITER ',')`,
  ];
}

/**
 * DuckDB statements for derive's join and per-customer aggregation (icp's aggregateDeals): deals joined on
 * the company id, won/lost/open counts, won value, first and last won date and median sales cycle per customer.
 */
export function duckdbDeriveSql(customers: string, deals: string, output: string): string[] {
  const read = (path: string) => `read_csv('${path}', header = true, all_varchar = true, quote = '"', escape = '"')`;
  const date = (column: string) => `TRY_STRPTIME(${q(column)}, '%Y-%m-%d %H:%M')`;
  return [
    `CREATE TEMP TABLE customers AS SELECT * FROM ${read(customers)}`,
    `CREATE TEMP TABLE deals AS SELECT lower(trim(split_part("Associated Company IDs", ';', 1))) AS key,
      CASE WHEN lower("Deal Stage") LIKE 'closed won%' THEN 'won' WHEN lower("Deal Stage") LIKE 'closed lost%' THEN 'lost' ELSE 'open' END AS outcome,
      TRY_CAST("Amount" AS DOUBLE) AS amount, ${date('Create Date')} AS created, ${date('Close Date')} AS closed
      FROM ${read(deals)}`,
    `COPY (
      WITH per_customer AS (
        SELECT key, count(*) AS deals,
          count(*) FILTER (WHERE outcome = 'won') AS won,
          count(*) FILTER (WHERE outcome = 'lost') AS lost,
          count(*) FILTER (WHERE outcome = 'open') AS open,
          coalesce(sum(amount) FILTER (WHERE outcome = 'won'), 0) AS won_value,
          min(closed) FILTER (WHERE outcome = 'won') AS first_won,
          max(closed) FILTER (WHERE outcome = 'won') AS last_won,
          median(date_diff('second', created, closed) / 86400) FILTER (WHERE outcome = 'won' AND closed >= created) AS median_cycle_days
        FROM deals GROUP BY key
      )
      SELECT c.*, p.* EXCLUDE (key) FROM customers c LEFT JOIN per_customer p ON p.key = lower(trim(c."Record ID"))
    ) TO '${output}' (HEADER, DELIMITER ',')`,
  ];
}

/** The same points as the simplest SQL a user would write: exact `IN`, `contains()`, plain casts (DuckDB at full speed). */
function simplestPointsSql(c: Criterion): string {
  const m = c.match;
  const column = q(c.column);
  let test: string;
  if ('in' in m) test = `${column} IN (${m.in.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
  else if ('contains_any' in m) test = m.contains_any.map((v) => `contains(${column}, '${v.replace(/'/g, "''")}')`).join(' OR ');
  else if ('range' in m) {
    const bounds = [
      m.range.min !== undefined && `TRY_CAST(${column} AS DOUBLE) >= ${m.range.min}`,
      m.range.max !== undefined && `TRY_CAST(${column} AS DOUBLE) <= ${m.range.max}`,
    ];
    test = bounds.filter(Boolean).join(' AND ');
  } else test = `TRY_CAST(${column} AS BOOLEAN) = ${m.equals}`;
  return `CASE WHEN ${test} THEN ${c.points} ELSE 0 END`;
}

/** The simplest DuckDB scoring of `leads` into `output`: not faithful (no trimming, case or `$1,234` amounts), the engine's speed. */
export function duckdbSimplestScoreSql(leads: string, output: string): string[] {
  const score = `greatest(0, least(100, ${CRITERIA.map(simplestPointsSql).join(' + ')}))`;
  return [
    `COPY (
      SELECT *, CASE WHEN icp_score >= ${TIERS.A} THEN 'A' WHEN icp_score >= ${TIERS.B} THEN 'B' WHEN icp_score >= ${TIERS.C} THEN 'C' ELSE 'D' END AS icp_tier
      FROM (SELECT *, ${score} AS icp_score FROM read_csv('${leads}', header = true, all_varchar = true))
    ) TO '${output}' (HEADER, DELIMITER ',')`,
  ];
}

/**
 * DuckDB statements for what derive counts on a lead list: every column's value counts by outcome, one
 * grouping set per column (`outcome` and `id` are the outcome and id columns, not counted themselves).
 */
export function duckdbValueCountsSql(leads: string, header: readonly string[], outcome: string, id: string, output: string): string[] {
  const columns = header.filter((h) => h !== outcome && h !== id);
  const sets = columns.map((h) => `(${q(outcome)}, ${q(h)})`).join(', ');
  return [
    `COPY (
      SELECT ${q(outcome)}, ${columns.map(q).join(', ')}, count(*) AS n
      FROM read_csv('${leads}', header = true, all_varchar = true)
      GROUP BY GROUPING SETS (${sets})
    ) TO '${output}' (HEADER, DELIMITER ',')`,
  ];
}
