import type { IcpDocument } from '../icp/schema.js';
import { thresholds } from '../icp/tiers.js';
import type { CompiledIcp } from '../score/compile.js';
import { type CellSql, cellOf, trimmedSql } from './cell-sql.js';
import { criterionSql } from './criterion-sql.js';
import type { Dialect } from './dialect.js';
import { NUMBER_FORMS, NUMBER_FORMS_NOT_READ, numberSql } from './number-sql.js';

export interface ScoreSqlInput {
  compiled: CompiledIcp;
  /** Per criterion, the table's column it reads (undefined: the table has none, so always unknown). */
  columns: readonly (string | undefined)[];
  /** The leads: a table name as the warehouse spells it, or a query in brackets. */
  table: string;
  explain: boolean;
  /** The ICP file's sha256, for icp_version. */
  sha256: string;
  /** No sample said how dates are written: a year range reads a YYYY-MM-DD date's year, else a number (a DATE column reads as one). */
  guessDates?: boolean;
}

/** `pts_<criterion>`: the criterion's label as a column name, letters and digits only, unique. */
export function pointsColumns(doc: IcpDocument): string[] {
  const seen = new Map<string, number>();
  return doc.criteria.map((c) => {
    const base = `pts_${c.label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')}`.slice(0, 60);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

const signed = (points: number) => (points >= 0 ? `+${points}` : String(points));

/** The table in FROM: a name as given, or a query (anything starting with a bracket or SELECT/WITH) as a subquery. */
function fromClause(table: string): string {
  const t = table.trim();
  return /^(\(|select\b|with\b)/i.test(t) ? `(${t.replace(/^\(([\s\S]*)\)$/, '$1')}) AS icp_leads` : `${t} AS icp_leads`;
}

/** The reasons of --explain: what matched, then each unknown column once (scoreRow's order). */
function reasonsSql(d: Dialect, input: ScoreSqlInput, parts: readonly { hit: string; explain: string }[]): string {
  const criteria = input.compiled.criteria;
  const matched = parts.map((p, i) => `CASE WHEN ${p.hit} THEN ${d.concat([d.str(`${signed(criteria[i]?.criterion.points ?? 0)} `), p.explain])} END`);
  const unknown = parts.map((p, i) => {
    const column = criteria[i]?.criterion.column ?? '';
    const earlier = parts.slice(0, i).filter((_, j) => criteria[j]?.criterion.column === column);
    const first = [`(${p.hit}) IS NULL`, ...earlier.map((e) => `(${e.hit}) IS NOT NULL`)].join(' AND ');
    return `CASE WHEN ${first} THEN ${d.str(`? ${column} unknown`)} END`;
  });
  return d.joinNonNull([...matched, ...unknown], '; ');
}

/** The statement's header comment: what it scores, with which file, and how it reads cells. */
function headerOf(d: Dialect, doc: IcpDocument, sha256: string): string {
  const tiers = thresholds(doc.tiers)
    .map(([t, m]) => `${t}>=${m}`)
    .join(' ');
  return [
    `-- icp sql score (${d.name}): ${doc.name}, ${doc.criteria.length} criteria, tiers ${tiers}`,
    `-- ICP file sha256 ${sha256}, generated ${doc.generated_at}`,
    '-- Missing (NULL, blank, n/a, unknown, ...) is unknown and earns no points; categories compare trimmed, case-insensitively.',
    '-- Numbers are read in these forms (icp score reads more; in SQL the others are unknown):',
    ...NUMBER_FORMS.map((f) => `--   ${f}`),
    `--   not read here: ${NUMBER_FORMS_NOT_READ}`,
  ].join('\n');
}

type Stage = readonly (readonly [name: string, expr: string])[];

/**
 * The FROM of the stages, each computed once per row from the leads and the stages before it: lateral joins,
 * or (BigQuery) queries nested inside each other; and the star that keeps only the leads' own columns.
 */
function staged(d: Dialect, table: string, stages: readonly Stage[]): { from: string; star: string } {
  const filled = stages.filter((s) => s.length > 0);
  const select = (s: Stage) => s.map(([name, expr]) => `${expr} AS ${name}`).join(',\n      ');
  if (d.stages === 'lateral') {
    const laterals = filled.map((s, i) => `,\n  LATERAL (\n    SELECT\n      ${select(s)}\n  ) AS icp_s${i + 1}`).join('');
    return { from: `${fromClause(table)}${laterals}`, star: 'icp_leads.*' };
  }
  let from = fromClause(table);
  let alias = 'icp_leads';
  filled.forEach((s, i) => {
    from = `(\n  SELECT ${alias}.*,\n      ${select(s)}\n  FROM ${from}\n) AS icp_s${i + 1}`;
    alias = `icp_s${i + 1}`;
  });
  const helpers = filled.flatMap((s) => s.map(([name]) => name));
  return { from, star: helpers.length > 0 ? `${alias}.* ${d.starExcept} (${helpers.join(', ')})` : `${alias}.*` };
}

/** The first stage: each column the criteria read, trimmed; the second: each range's number. */
function cellStages(
  d: Dialect,
  input: ScoreSqlInput,
): { trims: Stage; numbers: Stage; cells: (CellSql | undefined)[]; ns: (string | undefined)[]; years: boolean[] } {
  const byColumn = new Map<string, string>();
  const trims: [string, string][] = [];
  const cells = input.columns.map((column) => {
    if (column === undefined) return undefined;
    let name = byColumn.get(column);
    if (name === undefined) {
      name = `icp__t${byColumn.size + 1}`;
      byColumn.set(column, name);
      trims.push([name, trimmedSql(d, column)]);
    }
    return cellOf(name);
  });
  const numbers: [string, string][] = [];
  const years = input.compiled.criteria.map(() => false);
  const ns = input.compiled.criteria.map((c, i) => {
    const cell = cells[i];
    if (!cell || !('range' in c.criterion.match)) return undefined;
    const name = `icp__n${i + 1}`;
    const year = input.guessDates === true && c.dateOrder === null && c.criterion.attribute.endsWith('_year');
    years[i] = year;
    numbers.push([name, numberSql(d, cell, c.decimal, c.dateOrder, year)]);
    return name;
  });
  return { trims, numbers, cells, ns, years };
}

/**
 * The score SELECT: every column of the table, then icp_score, icp_tier, icp_matched, icp_unknown (and
 * icp_reasons with --explain) as `icp score` writes them, a pts_<criterion> per criterion (its points, 0, or
 * NULL when unknown) and icp_version. Each cell is trimmed once, each number read once, each criterion
 * judged once per row (the stages), then the outputs read those.
 */
export function scoreSql(d: Dialect, input: ScoreSqlInput): string {
  const { doc, criteria } = input.compiled;
  const { trims, numbers, cells, ns, years } = cellStages(d, input);
  // A guessed year range explains its bounds as years (2015, not 2,015).
  const parts = criteria.map((c, i) => criterionSql(d, years[i] ? { ...c, isDate: true } : c, cells[i], ns[i]));
  const hits: Stage = parts.map((p, i) => [`icp__h${i + 1}`, p.hit]);
  const judged = parts.map((p, i) => ({ hit: `icp__h${i + 1}`, explain: p.explain }));
  const pts = judged.map((p, i) => `CASE ${p.hit} WHEN TRUE THEN ${criteria[i]?.criterion.points ?? 0} WHEN FALSE THEN 0 END`);
  const raw = pts.length === 0 ? '0' : pts.map((p) => `COALESCE(${p}, 0)`).join(' + ');
  // The clipped sum, a stage of its own: the tier's thresholds read it, not the sum again each.
  const scored: Stage = [['icp__score', `LEAST(100, GREATEST(0, ${raw}))`]];
  const score = 'icp__score';
  const knockouts = judged.filter((_, i) => criteria[i]?.criterion.disqualify === true).map((p) => `COALESCE(${p.hit}, FALSE)`);
  const tiers = thresholds(doc.tiers)
    .map(([tier, min]) => `WHEN ${score} >= ${min} THEN '${tier}'`)
    .join(' ');
  const labels = (when: (hit: string) => string) =>
    d.joinNonNull(
      judged.map((p, i) => `CASE WHEN ${when(p.hit)} THEN ${d.str(criteria[i]?.criterion.label ?? '')} END`),
      '; ',
    );
  const names = pointsColumns(doc);
  const { from, star } = staged(d, input.table, [trims, numbers, hits, scored]);
  const columns = [
    star,
    `${score} AS icp_score`,
    `CASE ${knockouts.length > 0 ? `WHEN ${knockouts.join(' OR ')} THEN 'disqualified' ` : ''}${tiers} ELSE 'D' END AS icp_tier`,
    `${labels((h) => `${h} = TRUE`)} AS icp_matched`,
    `${labels((h) => `${h} IS NULL`)} AS icp_unknown`,
    ...(input.explain ? [`${reasonsSql(d, input, judged)} AS icp_reasons`] : []),
    ...pts.map((p, i) => `${p} AS ${d.ident(names[i] as string)}`),
    `${d.str(`${input.sha256.slice(0, 12)} ${doc.generated_at}`)} AS icp_version`,
  ];
  return `${headerOf(d, doc, input.sha256)}\nSELECT\n  ${columns.join(',\n  ')}\nFROM ${from}\n`;
}
