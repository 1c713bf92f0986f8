import type { Match } from '../icp/schema.js';
import { matcher } from '../score/match.js';
import { benjaminiHochberg, cochranMantelHaenszel, fisherExact, type TwoByTwo } from '../stats/index.js';
import { tabulate, type AttributeColumn, type Candidate } from './candidates.js';

/** A criterion chosen from the candidates, with the evidence of exactly the match it will be scored with. */
export interface Selected {
  column: number;
  match: Match;
  /** fit: over-represented in the cohort (positive points); anti: under-represented (negative points). */
  direction: 'fit' | 'anti';
  table: TwoByTwo;
  pValue: number;
  qValue: number;
}

export interface SelectOptions {
  alpha: number;
  maxCriteria: number;
  /** Smallest cohort-share / rest-share ratio worth a criterion (and its inverse for anti-fit). */
  minLift: number;
}

export interface Selection {
  selected: Selected[];
  /** Significant criteria left out because a stronger, correlated one already explains them. */
  redundant: { criterion: Selected; because: Selected }[];
  /** Significant criteria left out by --max-criteria. */
  capped: Selected[];
}

/**
 * Between two correlated attributes the simpler, coarser one is kept: country over region over city,
 * employees over revenue. Lower ranks are considered first; attributes without a rank sit at 1.
 */
const SIMPLICITY: Record<string, number> = {
  industry: 0, employees: 0, country: 0, technologies: 0, annual_revenue: 1, region: 2, city: 3,
};

/** cohort share / rest share over known values; Infinity when the rest never has it. */
export function liftOf(t: TwoByTwo): number {
  const cohort = t.a / Math.max(1, t.a + t.b);
  const rest = t.c / Math.max(1, t.c + t.d);
  return rest === 0 ? (cohort === 0 ? 1 : Infinity) : cohort / rest;
}

function members(match: Match, column: AttributeColumn): (boolean | null)[] {
  const isDate = column.info.type === 'date';
  const test = matcher(match, isDate);
  return column.values.map((v) => test(v));
}

// Each criterion's membership, computed once when it is built, for the redundancy tests that compare it
// with every stronger one.
const membership = new WeakMap<Selected, (boolean | null)[]>();

function membersOf(s: Selected, columns: ReadonlyMap<number, AttributeColumn>): (boolean | null)[] {
  let m = membership.get(s);
  if (m === undefined) {
    m = members(s.match, columns.get(s.column) as AttributeColumn);
    membership.set(s, m);
  }
  return m;
}

function build(column: number, match: Match, direction: Selected['direction'], attr: AttributeColumn, cohort: readonly boolean[], q: number): Selected {
  const m = members(match, attr);
  const table = tabulate(m, cohort);
  const selected: Selected = { column, match, direction, table, pValue: fisherExact(table).pValue, qValue: q };
  membership.set(selected, m);
  return selected;
}

/** Merges a column's significant values into one `in` / `contains_any` set per direction. */
function mergeSets(column: number, group: Candidate[], attr: AttributeColumn, cohort: readonly boolean[], o: SelectOptions): Selected[] {
  const out: Selected[] = [];
  for (const direction of ['fit', 'anti'] as const) {
    const chosen = group.filter((c) => (direction === 'fit' ? liftOf(c.table) >= o.minLift : liftOf(c.table) <= 1 / o.minLift));
    if (chosen.length === 0) continue;
    const values = chosen.map((c) => c.value as string).sort();
    const match: Match = 'in' in (chosen[0] as Candidate).match ? { in: values } : { contains_any: values };
    out.push(build(column, match, direction, attr, cohort, Math.max(...chosen.map((c) => c.qValue))));
  }
  return out;
}

/** The strongest significant interval of a numeric column (fit only: a range already says what is out). */
function bestRange(column: number, group: Candidate[], attr: AttributeColumn, cohort: readonly boolean[], o: SelectOptions): Selected[] {
  const fits = group.filter((c) => liftOf(c.table) >= o.minLift).sort((x, y) => x.pValue - y.pValue);
  const best = fits[0];
  return best ? [build(column, best.match, 'fit', attr, cohort, best.qValue)] : [];
}

function booleanFit(column: number, candidate: Candidate, attr: AttributeColumn, cohort: readonly boolean[], o: SelectOptions): Selected[] {
  const lift = liftOf(candidate.table);
  if (lift >= o.minLift) return [build(column, { equals: true }, 'fit', attr, cohort, candidate.qValue)];
  if (lift <= 1 / o.minLift) return [build(column, { equals: false }, 'fit', attr, cohort, candidate.qValue)];
  return [];
}

/** The 2x2 table of two memberships over the customers where both are known. */
function crossTable(x: readonly (boolean | null)[], y: readonly (boolean | null)[]): TwoByTwo {
  const t = { a: 0, b: 0, c: 0, d: 0 };
  x.forEach((m, i) => {
    const n = y[i];
    if (m === null || n === null || n === undefined) return;
    if (m) n ? t.a++ : t.b++;
    else n ? t.c++ : t.d++;
  });
  return t;
}

// Two criteria are related when their memberships are associated beyond this p (Fisher): a state inside a
// country is, though its correlation coefficient is small; unrelated attributes are never tested further.
const RELATED_P = 0.001;

/**
 * Whether `next` adds nothing once `chosen` is known: the two are related and, within the customers
 * that match `chosen` and those that do not (Cochran-Mantel-Haenszel), `next` no longer tells the cohort
 * apart at `alpha`.
 */
function addsNothing(next: Selected, chosen: Selected, columns: ReadonlyMap<number, AttributeColumn>, cohort: readonly boolean[], alpha: number): boolean {
  const a = membersOf(next, columns);
  const b = membersOf(chosen, columns);
  if (next.column !== chosen.column && fisherExact(crossTable(a, b)).pValue >= RELATED_P) return false;
  const strata: TwoByTwo[] = [true, false].map((stratum) => {
    const t = { a: 0, b: 0, c: 0, d: 0 };
    a.forEach((m, i) => {
      if (m === null || b[i] !== stratum) return;
      if (cohort[i]) m ? t.a++ : t.b++;
      else m ? t.c++ : t.d++;
    });
    return t;
  });
  const cmh = cochranMantelHaenszel(strata);
  return cmh === null || cmh.pValue >= alpha;
}

/**
 * Turns significant candidates into at most `maxCriteria` criteria: one set or range per column and
 * direction, strongest first, leaving out any that add nothing given a stronger correlated one.
 */
export function selectCriteria(candidates: readonly Candidate[], columns: ReadonlyMap<number, AttributeColumn>, cohort: readonly boolean[], o: SelectOptions): Selection {
  const significant = candidates.filter((c) => c.qValue < o.alpha);
  const byColumn = new Map<number, Candidate[]>();
  for (const c of significant) byColumn.set(c.column, [...(byColumn.get(c.column) ?? []), c]);
  const proposals: Selected[] = [];
  for (const [column, group] of [...byColumn].sort((x, y) => x[0] - y[0])) {
    const attr = columns.get(column) as AttributeColumn;
    const kind = Object.keys((group[0] as Candidate).match)[0];
    if (kind === 'range') proposals.push(...bestRange(column, group, attr, cohort, o));
    else if (kind === 'equals') proposals.push(...booleanFit(column, group[0] as Candidate, attr, cohort, o));
    else proposals.push(...mergeSets(column, group, attr, cohort, o));
  }
  const rank = (s: Selected) => SIMPLICITY[columns.get(s.column)?.info.role ?? ''] ?? 1;
  proposals.sort(
    (x, y) => (x.direction === y.direction ? 0 : x.direction === 'fit' ? -1 : 1) || rank(x) - rank(y) || x.pValue - y.pValue || x.column - y.column,
  );
  // A set merged from a column's most enriched values (three cities out of forty) or its best interval
  // was picked from many tries, once per value it holds; Bonferroni over the tries and the picks keeps it
  // from surviving by selection alone.
  const tries = new Map<number, number>();
  for (const c of candidates) tries.set(c.column, (tries.get(c.column) ?? 0) + 1);
  // A merged set is a hypothesis of its own: its q-value is adjusted together with every candidate tested,
  // so that p and q in the evidence speak of the same criterion.
  const q = benjaminiHochberg([...candidates.map((c) => c.pValue), ...proposals.map((p) => p.pValue)]);
  proposals.forEach((p, i) => (p.qValue = q[candidates.length + i] as number));
  const kept: Selected[] = [];
  const redundant: Selection['redundant'] = [];
  for (const next of proposals) {
    if (next.qValue >= o.alpha) continue;
    const m = next.match;
    const picks = 'in' in m ? m.in.length : 'contains_any' in m ? m.contains_any.length : 1;
    const alpha = o.alpha / ((tries.get(next.column) ?? 1) * picks);
    const because = kept.find((chosen) => addsNothing(next, chosen, columns, cohort, alpha));
    if (because) redundant.push({ criterion: next, because });
    else kept.push(next);
  }
  // The cap keeps the strongest, fit before anti-fit; the order of the document stays the order above.
  const strongest = new Set(
    [...kept].sort((x, y) => (x.direction === y.direction ? 0 : x.direction === 'fit' ? -1 : 1) || x.pValue - y.pValue || x.column - y.column).slice(0, o.maxCriteria),
  );
  return { selected: kept.filter((s) => strongest.has(s)), redundant, capped: kept.filter((s) => !strongest.has(s)) };
}
