import { cochranMantelHaenszel, type TwoByTwo } from '../stats/index.js';
import type { EncodedColumn } from './encode.js';
import type { Sample } from './search-types.js';

/** A column that restates another: tested within the parent's raw values (or bins) before it may enter. */
export interface Parent {
  /** Slot of the parent column. */
  parent: number;
  why: 'nested' | 'correlated';
  /** Stratum of every customer: the parent's value code or quantile bin; -1 unknown. */
  strata: Int32Array;
}

/** Share of customers (both values known) whose child value sits inside its commonest parent value. */
export const NESTED_SHARE = 0.99;
/** Rank correlation above which the less simple of two numbers is tested within bins of the simpler. */
export const CORRELATED_RHO = 0.9;
export const CORRELATED_BINS = 50;

/**
 * Between two correlated attributes the simpler, coarser one is kept: employees over revenue. Lower
 * ranks come first; attributes without a rank sit at 1, then fewer distinct values, then column order.
 */
const SIMPLICITY: Record<string, number> = { employees: 0, annual_revenue: 1 };

/** Pairs counted in a flat typed array up to this many cells; larger ones in a map. */
const DENSE_CELLS = 1 << 22;

/**
 * Whether at least NESTED_SHARE of the customers (both values known) have their child value inside its
 * commonest parent value. The customers outside so far never become fewer as rows come (a count only moves
 * a value's commonest parent to one holding more), so the pass stops once they are too many for any end:
 * unrelated columns are told apart in a few thousand rows rather than a pass over a million.
 */
function nestedIn(child: Int32Array, childSize: number, parent: Int32Array, parentSize: number): boolean {
  const dense = childSize * parentSize <= DENSE_CELLS ? new Int32Array(childSize * parentSize) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  const modal = new Int32Array(childSize);
  // One more than the most customers outside that could still end at NESTED_SHARE: a margin for rounding.
  const most = (1 - NESTED_SHARE) * child.length + 1;
  let both = 0;
  let inside = 0;
  for (let i = 0; i < child.length; i++) {
    const c = child[i] as number;
    const p = parent[i] as number;
    if (c < 0 || p < 0) continue;
    both++;
    const key = c * parentSize + p;
    let n: number;
    if (dense) n = dense[key] = (dense[key] as number) + 1;
    else (sparse as Map<number, number>).set(key, (n = ((sparse as Map<number, number>).get(key) ?? 0) + 1));
    // A count passing its value's commonest is one more customer inside.
    if (n > (modal[c] as number)) {
      modal[c] = n;
      inside++;
    } else if (both - inside > most) return false;
  }
  return both > 0 && inside / both >= NESTED_SHARE;
}

/** Ranks (average ranks for ties) of the known numbers; NaN where unknown. */
function ranks(column: EncodedColumn & { kind: 'numeric' }): Float64Array {
  const out = new Float64Array(column.numbers.length).fill(Number.NaN);
  const order = column.order;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && column.numbers[order[j + 1] as number] === column.numbers[order[i] as number]) j++;
    const rank = (i + j) / 2;
    for (let k = i; k <= j; k++) out[order[k] as number] = rank;
    i = j + 1;
  }
  return out;
}

function spearman(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i] as number) || Number.isNaN(y[i] as number)) continue;
    n++;
    sx += x[i] as number;
    sy += y[i] as number;
  }
  if (n < 3) return 0;
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i] as number) || Number.isNaN(y[i] as number)) continue;
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0;
}

function bins(column: EncodedColumn & { kind: 'numeric' }): Int32Array {
  const out = new Int32Array(column.numbers.length).fill(-1);
  const m = column.order.length;
  column.order.forEach((row, k) => {
    out[row] = Math.min(CORRELATED_BINS - 1, Math.floor((k * CORRELATED_BINS) / m));
  });
  return out;
}

/** How many codes of a category column some customer holds. */
function distinctCodes(c: EncodedColumn & { kind: 'category' }): number {
  const seen = new Uint8Array(c.names.length);
  let count = 0;
  for (const code of c.codes) {
    if (code < 0 || seen[code]) continue;
    seen[code] = 1;
    count++;
  }
  return count;
}

function distinctNumbers(c: EncodedColumn & { kind: 'numeric' }): number {
  let count = 0;
  for (let k = 0; k < c.order.length; k++) if (k === 0 || c.numbers[c.order[k] as number] !== c.numbers[c.order[k - 1] as number]) count++;
  return count;
}

function simpler(x: { c: EncodedColumn; distinct: number }, y: { c: EncodedColumn; distinct: number }): boolean {
  const rank = (c: EncodedColumn) => SIMPLICITY[c.info.role ?? ''] ?? 1;
  return (rank(x.c) - rank(y.c) || x.distinct - y.distinct || x.c.index - y.c.index) < 0;
}

/**
 * Finds, once on every customer, which columns restate another: a category whose values sit inside one
 * value of a coarser category (city in country, state in country: the finest such parent), and a
 * number rank-correlated above CORRELATED_RHO with a simpler one (revenue with employees).
 */
export function findParents(columns: readonly EncodedColumn[]): Map<number, Parent> {
  const parents = new Map<number, Parent>();
  const sizes = columns.map((c) => (c.kind === 'category' ? distinctCodes(c) : 0));
  columns.forEach((child, slot) => {
    if (child.kind !== 'category') return;
    let best: number | undefined;
    columns.forEach((parent, p) => {
      if (p === slot || parent.kind !== 'category') return;
      const ps = sizes[p] as number;
      if (ps < 2 || ps >= (sizes[slot] as number)) return;
      if (!nestedIn(child.codes, child.names.length, parent.codes, parent.names.length)) return;
      if (best === undefined || ps > (sizes[best] as number)) best = p;
    });
    if (best !== undefined) parents.set(slot, { parent: best, why: 'nested', strata: (columns[best] as EncodedColumn & { kind: 'category' }).codes });
  });
  const numeric = columns
    .map((c, slot) => ({ c, slot }))
    .filter((x): x is { c: EncodedColumn & { kind: 'numeric' }; slot: number } => x.c.kind === 'numeric')
    .map((x) => ({ ...x, distinct: distinctNumbers(x.c) }));
  const rankOf = new Map(numeric.map(({ c, slot }) => [slot, ranks(c)]));
  for (const x of numeric) {
    for (const y of numeric) {
      if (x.slot === y.slot || !simpler(y, x) || parents.has(x.slot)) continue;
      const rho = spearman(rankOf.get(x.slot) as Float64Array, rankOf.get(y.slot) as Float64Array);
      if (Math.abs(rho) > CORRELATED_RHO) parents.set(x.slot, { parent: y.slot, why: 'correlated', strata: bins(y.c) });
    }
  }
  return parents;
}

/**
 * Cochran-Mantel-Haenszel p of a criterion's membership against the cohort within the parent's strata,
 * over the sample's customers whose membership and parent are known; 1 when no stratum carries information.
 */
export function withinParentP(members: Int8Array, parent: Parent, sample: Sample): number {
  const tables = new Map<number, TwoByTwo>();
  for (const r of sample.rows) {
    const m = members[r] as number;
    const s = parent.strata[r] as number;
    if (m < 0 || s < 0) continue;
    let t = tables.get(s);
    if (!t) tables.set(s, (t = { a: 0, b: 0, c: 0, d: 0 }));
    if (sample.labels[r] === 1) m ? t.a++ : t.b++;
    else m ? t.c++ : t.d++;
  }
  return cochranMantelHaenszel([...tables.values()])?.pValue ?? 1;
}
