import { SPELLINGS } from '../columns/parse/boolean.js';
import { describeRange } from '../derive/labels.js';
import type { CompiledCriterion } from '../score/compile.js';
import { categoryKey } from '../score/match.js';
import { type CellSql, inList, isMarker, missingSql, WS } from './cell-sql.js';
import type { Dialect } from './dialect.js';

/** A criterion in SQL: TRUE when it matches, FALSE when it does not, NULL when unknown; and its --explain text when it matches. */
export interface CriterionSql {
  hit: string;
  explain: string;
}

// tokensOf's separators: ; | or , with white space around them.
const SEPARATORS = `${WS}*[;|,]${WS}*`;

const spellings = (value: boolean) => [...SPELLINGS].filter(([, v]) => v === value).map(([k]) => k);

/** A double as JavaScript's String(n) writes it: whole numbers without a fraction. */
function numText(d: Dialect, n: string): string {
  return `CASE WHEN ${n} = FLOOR(${n}) AND ABS(${n}) < 1e18 THEN ${d.intText(n)} ELSE ${d.doubleText(n)} END`;
}

function inSql(d: Dialect, cell: CellSql, values: readonly string[], column: string): CriterionSql {
  return {
    hit: `CASE WHEN ${missingSql(d, cell)} THEN NULL ELSE ${inList(d, cell.key, values.map(categoryKey))} END`,
    explain: d.concat([d.str(`${column} is `), cell.trimmed]),
  };
}

/** contains_any: the cell's tokens (markers dropped); unknown when none is left. */
function containsSql(d: Dialect, cell: CellSql, values: readonly string[], column: string): CriterionSql {
  const tokens = d.split(cell.trimmed, SEPARATORS);
  const kept = (v: string) => `NOT (${isMarker(d, `lower(${v})`)})`;
  // A marker is no token (tokensOf), even when the ICP file lists it.
  const wanted = (v: string) => `(${kept(v)} AND ${inList(d, `lower(${v})`, values.map(categoryKey))})`;
  return {
    hit: `CASE WHEN ${missingSql(d, cell)} THEN NULL WHEN NOT (${d.anyOf(tokens, kept)}) THEN NULL ELSE ${d.anyOf(tokens, wanted)} END`,
    explain: d.concat([d.str(`${column} includes `), d.joinOf(tokens, wanted, ', ')]),
  };
}

/** A range: `n` is the cell read as a number (numberSql, a column of the second stage); NULL compares as unknown. */
function rangeSql(d: Dialect, n: string, c: CompiledCriterion, range: { min?: number | undefined; max?: number | undefined }): CriterionSql {
  const bounds = [range.min === undefined ? '' : `${n} >= ${range.min}`, range.max === undefined ? '' : `${n} <= ${range.max}`].filter((b) => b !== '');
  return {
    hit: bounds.length > 0 ? `(${bounds.join(' AND ')})` : `(${n} IS NOT NULL)`,
    explain: d.concat([d.str(`${c.criterion.column} `), numText(d, n), d.str(` in ${describeRange(range, c.isDate)}`)]),
  };
}

function equalsSql(d: Dialect, cell: CellSql, equals: boolean, column: string): CriterionSql {
  const yes = inList(d, cell.key, spellings(equals));
  const no = inList(d, cell.key, spellings(!equals));
  return {
    hit: `CASE WHEN ${missingSql(d, cell)} THEN NULL WHEN ${yes} THEN TRUE WHEN ${no} THEN FALSE END`,
    explain: d.str(`${column} is ${equals ? 'yes' : 'no'}`),
  };
}

/**
 * A compiled criterion in SQL, on its cell (trimmed, a column of the first stage) and, for a range, its
 * number (`n`, of the second stage); always unknown when the table has no column for it.
 */
export function criterionSql(d: Dialect, c: CompiledCriterion, cell: CellSql | undefined, n: string | undefined): CriterionSql {
  if (cell === undefined) return { hit: `CAST(NULL AS ${d.bool})`, explain: "''" };
  const m = c.criterion.match;
  const name = c.criterion.column;
  if ('in' in m) return inSql(d, cell, m.in, name);
  if ('contains_any' in m) return containsSql(d, cell, m.contains_any, name);
  if ('range' in m) return rangeSql(d, n as string, c, m.range);
  return equalsSql(d, cell, m.equals, name);
}
