import type { CellValue } from '../columns/cell-value.js';
import {
  detectDateFormat,
  detectDecimalMark,
  employeeRangeValue,
  isEmployeeRangeString,
  isMissing,
  parseBoolean,
  parseDate,
  parseEmployeeRange,
  parseMoney,
  type DateFormat,
  type DecimalMark,
} from '../columns/parse/index.js';
import { plainAmount } from '../columns/parse/plain-amount.js';
import { assignRoles, findHeader, guessRole, ROLES, type Role } from '../columns/roles.js';
import type { Criterion, IcpDocument } from '../icp/schema.js';
import { describeRange } from '../derive/labels.js';
import { categoryKey, matcher, rangeNumber, tokensOf } from './match.js';
import { memoize } from '../memoize.js';

/** Rows read before scoring starts, to learn each column's decimal mark and date format. */
export const SAMPLE_ROWS = 1000;

/** A criterion bound to a column of the file being scored, with a reader for its cells. */
export interface CompiledCriterion {
  criterion: Criterion;
  /** Index in the scored file's header; undefined when the file lacks the column (always unknown). */
  column: number | undefined;
  /** How the column was found: its own header, a role alias, or --map. */
  foundBy: 'header' | 'role' | 'map' | undefined;
  read(raw: string | undefined): CellValue | null | undefined;
  /** The criterion's match on a read value (matchValue with its wanted values gathered once). */
  test(value: CellValue | null | undefined): boolean | null;
  /** test(read(raw)), remembered for values that repeat. */
  judge(raw: string | undefined): boolean | null;
  /** The --explain text of a matched value, e.g. `Number of Employees 120 in 50-500` (its fixed parts built once). */
  explain(value: CellValue): string;
  isDate: boolean;
  /** How a range criterion reads its column (from the sample): the decimal mark, and the date order of a year range. */
  decimal: DecimalMark;
  dateOrder: DateFormat['order'] | null;
}

export interface CompiledIcp {
  doc: IcpDocument;
  criteria: CompiledCriterion[];
}

function asRole(value: string): Role | undefined {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : undefined;
}

/** Where a criterion's column is: --map for its role, its own header, then any header with its role. */
function locate(
  criterion: Criterion,
  header: readonly string[],
  roles: ReturnType<typeof assignRoles>,
  map: ReadonlyMap<Role, string>,
): Pick<CompiledCriterion, 'column' | 'foundBy'> {
  const role = asRole(criterion.attribute.replace(/_year$/, '')) ?? guessRole(criterion.column)?.role;
  const mapped = role === undefined ? undefined : map.get(role);
  if (mapped !== undefined) {
    const index = findHeader(header, mapped);
    if (index >= 0) return { column: index, foundBy: 'map' };
  }
  const own = findHeader(header, criterion.column);
  if (own >= 0) return { column: own, foundBy: 'header' };
  const byRole = role === undefined ? undefined : roles.byRole.get(role);
  if (byRole !== undefined) return { column: byRole, foundBy: 'role' };
  return { column: undefined, foundBy: undefined };
}

function columnSample(sample: readonly (readonly string[])[], column: number): string[] {
  const out: string[] = [];
  for (const row of sample) {
    const raw = row[column];
    if (raw !== undefined && !isMissing(raw)) out.push(raw.trim());
  }
  return out;
}

/** A reader for range criteria: employee bands as their midpoint, money and numbers, dates as epoch ms. */
function numberReader(decimal: DecimalMark, dates: DateFormat | null): (raw: string) => CellValue | undefined {
  return (raw) => {
    if (dates) return parseDate(raw, dates.order) ?? undefined;
    const plain = plainAmount(raw, decimal);
    if (plain !== undefined) return plain;
    if (isEmployeeRangeString(raw)) {
      const range = parseEmployeeRange(raw);
      return range ? employeeRangeValue(range) : undefined;
    }
    return parseMoney(raw, decimal)?.amount ?? undefined;
  };
}

/**
 * Binds every criterion to the scored file: finds its column and builds a cell reader suited to its match
 * (ranges read numbers with the column's decimal mark and date format, decided from the sample rows).
 */
export function compileIcp(
  doc: IcpDocument,
  header: readonly string[],
  sample: readonly (readonly string[])[],
  map: ReadonlyMap<Role, string> = new Map(),
): CompiledIcp {
  const roles = assignRoles(header, new Map());
  const criteria = doc.criteria.map((criterion): CompiledCriterion => {
    const { column, foundBy } = locate(criterion, header, roles, map);
    const values = column === undefined ? [] : columnSample(sample, column);
    const match = criterion.match;
    let isDate = false;
    let decimal: DecimalMark = '.';
    let dateOrder: DateFormat['order'] | null = null;
    let parse: (raw: string) => CellValue | undefined = (raw) => raw.trim();
    if ('range' in match) {
      const dates = criterion.attribute.endsWith('_year') ? detectDateFormat(values, true) : null;
      isDate = dates !== null;
      dateOrder = dates?.order ?? null;
      decimal = detectDecimalMark(values).mark;
      parse = numberReader(decimal, dates);
    } else if ('equals' in match) {
      parse = (raw) => parseBoolean(raw) ?? undefined;
    }
    const read = (raw: string | undefined) => (raw === undefined || isMissing(raw) ? null : parse(raw));
    const test = matcher(match, isDate);
    const direct = (raw: string) => test(read(raw));
    // Splitting a tech stack into tokens costs more than looking the whole cell up; a category does not.
    const judge = 'contains_any' in match ? memoize(direct) : direct;
    const explain = explainer(criterion, isDate);
    return { criterion, column, foundBy, isDate, decimal, dateOrder, read, test, explain, judge: (raw) => (raw === undefined ? null : judge(raw)) };
  });
  return { doc, criteria };
}

/** `Industry is Computer Software`, `Number of Employees 120 in 50-500`, `Web Technologies includes Slack`. */
function explainer(criterion: Criterion, isDate: boolean): (value: CellValue) => string {
  const m = criterion.match;
  const column = criterion.column;
  if ('range' in m) {
    const range = describeRange(m.range, isDate);
    return (value) => `${column} ${rangeNumber(value, isDate) ?? ''} in ${range}`;
  }
  if ('contains_any' in m) {
    const wanted = new Set(m.contains_any.map(categoryKey));
    return (value) => `${column} includes ${(tokensOf(value) ?? []).filter((t) => wanted.has(categoryKey(t))).join(', ')}`;
  }
  if ('equals' in m) {
    const text = `${column} is ${m.equals ? 'yes' : 'no'}`;
    return () => text;
  }
  return (value) => `${column} is ${String(value)}`;
}
