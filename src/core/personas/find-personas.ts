import type { Persona } from '../icp/persona-schema.js';
import { mixSeed, seededRandom, shuffleInPlace } from '../random.js';
import { round, significant } from '../round.js';
import { cochranMantelHaenszel, fisherExact, type TwoByTwo } from '../stats/index.js';
import { type CellTest, type ClassedContact, cellsOf, liftOf, searchCells } from './persona-search.js';
import { personaName } from './persona-names.js';
import { type PersonaFunction, SENIORITIES, type Seniority } from './title-dictionary.js';

export const PERSONA_HALF_SAMPLES = 50;
export const MIN_PERSONA_STABILITY = 0.6;

/** A persona before its evidence: a function (or any) and the seniorities it spans (none: any), with its cells. */
interface Draft {
  function: PersonaFunction | 'any';
  seniority: Seniority[];
  cells: CellTest[];
}

export interface PersonaSearchInput {
  /** Per account (customer record) with contacts: its contacts, classified. */
  contacts: readonly (readonly ClassedContact[])[];
  /** Per account: one of the best customers (the ICP cohort). */
  best: readonly boolean[];
  alpha: number;
  minLift: number;
  /** Accounts (count, or share of the accounts) a cell needs to be tested. */
  minSupport: number;
  seed: number;
  /**
   * Per unit, the account it belongs to, when units are deals: half-samples then draw accounts, so that the
   * deals of one account (its contacts, its luck) are in or out together.
   */
  clusters?: readonly number[] | undefined;
}

const rank = (s: Seniority) => {
  const i = (SENIORITIES as readonly string[]).indexOf(s);
  return i < 0 ? SENIORITIES.length : i;
};

/** The personas the significant, over-represented cells make: by function (its seniorities merged), then by function alone, then by seniority alone. */
function drafts(tests: readonly CellTest[], alpha: number, minLift: number): Draft[] {
  const kept = tests.filter((t) => t.qValue < alpha && liftOf(t.table) >= minLift);
  const out: Draft[] = [];
  const byFunction = new Map<PersonaFunction, CellTest[]>();
  for (const t of kept.filter((k) => k.function && k.seniority))
    byFunction.set(t.function as PersonaFunction, [...(byFunction.get(t.function as PersonaFunction) ?? []), t]);
  for (const [fn, cells] of byFunction)
    out.push({ function: fn, seniority: cells.map((c) => c.seniority as Seniority).sort((a, b) => rank(a) - rank(b)), cells });
  for (const t of kept.filter((k) => k.function && !k.seniority && !byFunction.has(k.function)))
    out.push({ function: t.function as PersonaFunction, seniority: [], cells: [t] });
  const covered = new Set(out.flatMap((d) => d.seniority));
  for (const t of kept.filter((k) => !k.function && k.seniority && !covered.has(k.seniority)))
    out.push({ function: 'any', seniority: [t.seniority as Seniority], cells: [t] });
  return out;
}

const has = (d: Pick<Draft, 'function' | 'seniority'>, c: ClassedContact) =>
  (d.function === 'any' || c.function === d.function) && (d.seniority.length === 0 || c.seniority.some((s) => d.seniority.includes(s)));

const sameDraft = (x: Draft, y: Draft) =>
  x.function === y.function && (x.seniority.length === 0 ? y.seniority.length === 0 : x.seniority.some((s) => y.seniority.includes(s)));

/** The units of each half-sample: half of the units, or of the clusters (their units), drawn with the seed. */
function* halfSamples(n: number, input: PersonaSearchInput): Generator<number[]> {
  const clusters = input.clusters;
  // A reduce, not Math.max(...clusters): a spread of a few hundred thousand deals overflows the stack.
  const groups = clusters ? clusters.reduce((m, g) => Math.max(m, g), -1) + 1 : n;
  const order = Int32Array.from({ length: groups }, (_, i) => i);
  const next = seededRandom(mixSeed(input.seed, 3000));
  for (let h = 0; h < PERSONA_HALF_SAMPLES; h++) {
    shuffleInPlace(order, next);
    const half = order.subarray(0, Math.floor(groups / 2));
    if (!clusters) yield Array.from(half).sort((a, b) => a - b);
    else {
      const inHalf = new Uint8Array(groups);
      for (const g of half) inHalf[g] = 1;
      yield clusters.flatMap((g, unit) => (inHalf[g] ? [unit] : []));
    }
  }
}

/** Share of half-samples of the units whose search finds each draft again (seeded). */
function stability(found: readonly Draft[], cells: readonly (readonly string[])[], input: PersonaSearchInput, need: (n: number) => number): number[] {
  const hits = found.map(() => 0);
  // Nothing found: nothing to find again (and 50 searches saved).
  if (found.length === 0) return hits;
  for (const half of halfSamples(cells.length, input)) {
    const again = drafts(searchCells(cells, input.best, half, need(half.length), input.clusters), input.alpha, input.minLift);
    found.forEach((d, k) => {
      if (again.some((a) => sameDraft(d, a))) hits[k]!++;
    });
  }
  return hits.map((n) => n / PERSONA_HALF_SAMPLES);
}

/** The p-value of a draft's union: Fisher's exact test, or with clusters Cochran-Mantel-Haenszel within them. */
function unionP(d: Draft, input: PersonaSearchInput): number {
  const strata = new Map<number, TwoByTwo>();
  const t = { a: 0, b: 0, c: 0, d: 0 };
  input.contacts.forEach((contacts, i) => {
    const k = input.clusters?.[i] ?? 0;
    let s = strata.get(k);
    if (!s) strata.set(k, (s = { a: 0, b: 0, c: 0, d: 0 }));
    const with_ = contacts.some((c) => has(d, c));
    for (const x of [t, s]) {
      if (input.best[i]) with_ ? x.a++ : x.b++;
      else with_ ? x.c++ : x.d++;
    }
  });
  return input.clusters ? (cochranMantelHaenszel([...strata.values()])?.pValue ?? 1) : fisherExact(t).pValue;
}

/** The evidence of a draft on every unit: the 2x2 of its union, with the largest q of its cells. */
function evidenceOf(d: Draft, input: PersonaSearchInput, stable: number): Persona['evidence'] {
  const t = { a: 0, b: 0, c: 0, d: 0 };
  input.contacts.forEach((contacts, i) => {
    const with_ = contacts.some((c) => has(d, c));
    if (input.best[i]) with_ ? t.a++ : t.b++;
    else with_ ? t.c++ : t.d++;
  });
  const lift = liftOf(t);
  // Rounded as derive rounds a criterion's evidence: shares to 4 places, lift to 3, p and q to 3 digits.
  return {
    best_count: t.a,
    rest_count: t.c,
    best_share: round(t.a / Math.max(1, t.a + t.b), 4),
    rest_share: round(t.c / Math.max(1, t.c + t.d), 4),
    lift: Number.isFinite(lift) ? round(lift, 3) : null,
    p_value: Math.min(1, significant(unionP(d, input))),
    q_value: Math.min(1, significant(Math.max(...d.cells.map((c) => c.qValue)))),
    p_kind: d.cells.length > 1 ? 'nominal' : input.clusters ? 'stratified' : 'exact',
    stability: round(stable, 2),
  };
}

/**
 * The personas of the best customers: the cells (function, seniority, both) whose accounts are far more often
 * best customers, q < alpha and lift at least minLift, a function's seniorities merged, each kept when found
 * again in MIN_PERSONA_STABILITY of half-samples. Unstable ones are returned apart, for the notes.
 */
export function findPersonas(input: PersonaSearchInput): {
  found: (Draft & { evidence: Persona['evidence']; name: string })[];
  unstable: string[];
  tested: number;
} {
  const cells = input.contacts.map((contacts) => [...new Set(contacts.flatMap(cellsOf))]);
  // --min-support as derive reads it: a count, or a share of the smaller group (of n accounts).
  const bestShare = input.best.filter(Boolean).length / Math.max(1, cells.length);
  const need = (n: number) => (input.minSupport >= 1 ? input.minSupport : Math.max(1, Math.ceil(input.minSupport * n * Math.min(bestShare, 1 - bestShare))));
  const all = Int32Array.from(cells.keys());
  const tests = searchCells(cells, input.best, Array.from(all), need(all.length), input.clusters);
  const found = drafts(tests, input.alpha, input.minLift);
  const stable = stability(found, cells, input, need);
  const named = found.map((d, k) => ({ ...d, evidence: evidenceOf(d, input, stable[k] as number), name: personaName(d.function, d.seniority) }));
  return {
    found: named
      .filter((d) => d.evidence.stability >= MIN_PERSONA_STABILITY)
      .sort((a, b) => (b.evidence.lift ?? Infinity) - (a.evidence.lift ?? Infinity) || a.name.localeCompare(b.name)),
    unstable: named
      .filter((d) => d.evidence.stability < MIN_PERSONA_STABILITY)
      .map((d) => `${d.name} (found again in ${Math.round(100 * d.evidence.stability)}% of half-samples)`),
    tested: tests.length,
  };
}

export { has as contactIn };
