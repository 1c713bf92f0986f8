import type { Match } from '../icp/schema.js';
import { fisherExact, type TwoByTwo } from '../stats/index.js';
import { ANTI_ALPHA, antiPermutationP, ANTI_PERMUTATIONS } from './anti-permutation.js';
import type { EncodedColumn } from './encode.js';
import { membership } from './membership.js';
import { withinParentP, type Parent } from './hierarchy.js';
import { addsNothing, picks } from './redundancy.js';
import type { LeftOut, PKind, Selected, SelectOptions, Selection } from './select-types.js';
import { codeCounts } from './code-counts.js';
import { liftOf, support, type Sample, type Test } from './search-types.js';

export type { LeftOut, LeftOutReason, PKind, Selected, SelectOptions, Selection } from './select-types.js';

/** The 2x2 table of a membership over the sample's customers whose value is known. */
export function tableOf(members: Int8Array, sample: Sample): TwoByTwo {
  // counts[3 * label + 1 + membership]: one typed array and no branch (this runs for every sample).
  const counts = new Int32Array(6);
  const { rows, labels } = sample;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const k = 3 * (labels[r] as number) + 1 + (members[r] as number);
    counts[k] = (counts[k] as number) + 1;
  }
  return { a: counts[5] as number, b: counts[4] as number, c: counts[2] as number, d: counts[1] as number };
}

interface Context {
  columns: readonly EncodedColumn[];
  sample: Sample;
  o: SelectOptions;
  leftOut: LeftOut[];
  /** The largest nominal p that passed Benjamini-Hochberg over every test: the family's threshold. */
  pStar: number;
}

function propose(cx: Context, slot: number, match: Match, direction: Selected['direction'], from: readonly Test[], pKind: PKind, pValue?: number): Selected {
  const column = cx.columns[slot] as EncodedColumn;
  const members = membership(column, match);
  const table = tableOf(members, cx.sample);
  return {
    slot,
    column: column.index,
    match,
    direction,
    table,
    members,
    pKind,
    pValue: pValue ?? fisherExact(table).pValue,
    qValue: from.reduce((m, t) => (t.qValue > m ? t.qValue : m), -Infinity),
    tries: from.length === 1 && from[0]?.kind === 'interval' ? from[0].tries : 0,
  };
}

function names(column: EncodedColumn, tests: readonly Test[]): string[] {
  const all = 'names' in column ? column.names : [];
  return tests.map((t) => all[t.code as number] as string).sort();
}

/**
 * A category's values join its set when each is significant (q < alpha) and over-represented (lift > 1);
 * --min-lift then judges the set as a whole, so two equally good values are not split by the noise of the
 * smaller one. The under-represented values form the anti-fit set; when the column also has a fit set they
 * are picked within the values outside it and must beat the selection-aware permutation test.
 */
function categorySets(cx: Context, slot: number, tests: readonly Test[], all: number): Selected[] {
  const column = cx.columns[slot] as EncodedColumn & { kind: 'category' };
  const sig = tests.filter((t) => t.qValue < cx.o.alpha);
  const out: Selected[] = [];
  const fitTests = sig.filter((t) => liftOf(t.table) > 1);
  let fit: Selected | undefined;
  if (fitTests.length > 0) {
    const s = propose(cx, slot, { in: names(column, fitTests) }, 'fit', fitTests, fitTests.length === 1 ? 'exact' : 'nominal');
    s.tries = all;
    const enough = s.table.a >= support(cx.o.minSupport, s.table.a + s.table.b);
    if (liftOf(s.table) >= cx.o.minLift && enough) out.push((fit = s));
    else cx.leftOut.push({ criterion: s, reason: 'below_lift' });
  }
  // With over-represented values (kept or not), an under-represented one is rare in the cohort partly
  // because it is not one of them: it is picked among the other values and tested for that selection.
  if (fitTests.length > 0) {
    const fitCodes = new Set(fitTests.map((t) => t.code as number));
    const rule = { alpha: cx.o.alpha, pStar: cx.pStar, minSupport: cx.o.minSupport, minLift: cx.o.minLift };
    const { p, picked } = antiPermutationP(column, fitCodes, codeCounts(column, cx.sample), rule, cx.o.permutations ?? ANTI_PERMUTATIONS, cx.o.seed);
    if (picked.length === 0) return out;
    const from = tests.filter((t) => picked.includes(t.code as number));
    const anti = propose(cx, slot, { in: picked.map((c) => column.names[c] as string).sort() }, 'anti', from, 'permutation', p);
    anti.tries = all;
    const because = { slot, column: column.index, match: fit?.match ?? { in: names(column, fitTests) } };
    if (p >= ANTI_ALPHA) cx.leftOut.push({ criterion: anti, reason: 'anti_not_beyond_selection', because });
    else out.push(anti);
    return out;
  }
  const antiTests = sig.filter((t) => liftOf(t.table) < 1);
  if (antiTests.length === 0) return out;
  const anti = propose(cx, slot, { in: names(column, antiTests) }, 'anti', antiTests, 'nominal');
  anti.tries = all;
  const enough = anti.table.c >= support(cx.o.minSupport, anti.table.c + anti.table.d);
  if (liftOf(anti.table) > 1 / cx.o.minLift || !enough) cx.leftOut.push({ criterion: anti, reason: 'below_lift' });
  else out.push(anti);
  return out;
}

/** Tokens of a multi-valued column keep the per-token rule: each significant token must reach --min-lift. */
function tokenSets(cx: Context, slot: number, tests: readonly Test[], all: number): Selected[] {
  const column = cx.columns[slot] as EncodedColumn;
  const sig = tests.filter((t) => t.qValue < cx.o.alpha);
  const out: Selected[] = [];
  for (const direction of ['fit', 'anti'] as const) {
    const inDirection = sig.filter((t) => (direction === 'fit' ? liftOf(t.table) > 1 : liftOf(t.table) < 1));
    const strong = (t: Test) =>
      direction === 'fit'
        ? liftOf(t.table) >= cx.o.minLift && t.table.a >= support(cx.o.minSupport, t.table.a + t.table.b)
        : liftOf(t.table) <= 1 / cx.o.minLift && t.table.c >= support(cx.o.minSupport, t.table.c + t.table.d);
    const chosen = inDirection.filter(strong);
    for (const t of inDirection.filter((x) => !chosen.includes(x))) {
      cx.leftOut.push({ criterion: propose(cx, slot, t.match, direction, [t], 'exact', t.pValue), reason: 'below_lift' });
    }
    if (chosen.length === 0) continue;
    const s = propose(cx, slot, { contains_any: names(column, chosen) }, direction, chosen, chosen.length === 1 ? 'exact' : 'nominal');
    s.tries = all;
    out.push(s);
  }
  return out;
}

/** A boolean is one test; the side with the lift is what the criterion says, shown as written. */
function booleanSet(cx: Context, slot: number, test: Test): Selected[] {
  if (test.qValue >= cx.o.alpha) return [];
  const sides = [true, false].map((equals) => propose(cx, slot, { equals }, 'fit', [test], 'exact', test.pValue));
  const fit = sides.find((s) => liftOf(s.table) >= cx.o.minLift);
  if (fit) return [fit];
  const anti = sides.find((s) => liftOf(s.table) <= 1 / cx.o.minLift);
  if (anti) return [{ ...anti, direction: 'anti' }];
  cx.leftOut.push({ criterion: sides.reduce((x, y) => (liftOf(x.table) >= liftOf(y.table) ? x : y)), reason: 'below_lift' });
  return [];
}

/** One proposal per column and direction from the tests. */
function proposals(cx: Context, tests: readonly Test[]): Selected[] {
  const bySlot = new Map<number, Test[]>();
  for (const t of tests) bySlot.set(t.slot, [...(bySlot.get(t.slot) ?? []), t]);
  const out: Selected[] = [];
  for (const [slot, group] of [...bySlot].sort((x, y) => x[0] - y[0])) {
    const kind = (group[0] as Test).kind;
    if (kind === 'value') out.push(...categorySets(cx, slot, group, group.length));
    else if (kind === 'token') out.push(...tokenSets(cx, slot, group, group.length));
    else if (kind === 'boolean') out.push(...booleanSet(cx, slot, group[0] as Test));
    else {
      const t = group[0] as Test;
      if (t.qValue < cx.o.alpha) out.push(propose(cx, slot, t.match, 'fit', [t], 'bonferroni', t.pValue));
    }
  }
  return out;
}

/**
 * Turns the tests into at most `maxCriteria` criteria: sets judged as sets, a nested or correlated column
 * only when it still tells the cohort apart within its parent's values, forward selection that leaves out
 * what a stronger related criterion already explains, then the cap.
 */
export function selectCriteria(
  columns: readonly EncodedColumn[],
  tests: readonly Test[],
  sample: Sample,
  parents: ReadonlyMap<number, Parent>,
  o: SelectOptions,
): Selection {
  const passed = tests.filter((t) => t.qValue < o.alpha).map((t) => t.pValue);
  const cx: Context = { columns, sample, o, leftOut: [], pStar: passed.reduce((m, p) => (p > m ? p : m), 0) };
  const all = proposals(cx, tests);
  all.sort((x, y) => (x.direction === y.direction ? 0 : x.direction === 'fit' ? -1 : 1) || x.pValue - y.pValue || x.slot - y.slot);
  const kept: Selected[] = [];
  for (const next of all) {
    const alpha = o.alpha / picks(next);
    const parent = parents.get(next.slot);
    if (parent && withinParentP(next.members, parent, sample) >= alpha) {
      cx.leftOut.push({ criterion: next, reason: parent.why, because: { slot: parent.parent, column: (columns[parent.parent] as EncodedColumn).index } });
      continue;
    }
    const because = kept.find((chosen) => addsNothing(next, chosen, sample, alpha));
    if (because) cx.leftOut.push({ criterion: next, reason: 'redundant', because: { slot: because.slot, column: because.column, match: because.match } });
    else kept.push(next);
  }
  const strongest = new Set(kept.slice(0, o.maxCriteria));
  for (const s of kept) if (!strongest.has(s)) cx.leftOut.push({ criterion: s, reason: 'capped' });
  return { selected: kept.filter((s) => strongest.has(s)), leftOut: cx.leftOut, tested: tests.length };
}

export { liftOf, support };
