import type { DeriveOptions } from './derive-types.js';
import type { Outcome } from './document.js';
import type { Match } from '../icp/schema.js';
import { categoryKey } from '../score/match.js';
import { fisherExact } from '../stats/index.js';
import type { EncodedColumn } from './encode.js';
import { membership } from './membership.js';
import { runEngine, type EngineOptions } from './engine.js';
import { findParents } from './hierarchy.js';
import { labelFor } from './labels.js';
import { fitPoints } from './points.js';
import { liftOf, sampleOf, type Sample } from './search-types.js';
import { tableOf, type LeftOut, type Selected } from './select.js';
import { crossValidate, stabilityOf } from './validate.js';
import { DERIVE_SEED } from './derive-seed.js';
import { indexes, mapInto } from '../typed-arrays.js';

export { DERIVE_SEED };

/** A criterion chosen again in fewer than this share of half-samples is left out as unstable. */
export const MIN_STABILITY = 0.6;

/**
 * The engine end to end on every customer: search, selection and points; then, unless `fast`, the
 * half-sample stability (unstable criteria leave, the rest are refitted) and the out-of-fold validation,
 * whose interval decides whether the ICP is confirmed or inconclusive.
 */
export function mine(encoded: ReadonlyMap<number, EncodedColumn>, cohort: readonly boolean[], weights: Float64Array, options: DeriveOptions): Outcome {
  // In column order, as the search has always met them (the map may be in the order of another pass).
  const columns = [...encoded.values()].sort((a, b) => a.index - b.index);
  const labels = mapInto(new Uint8Array(cohort.length), cohort, (c) => (c ? 1 : 0));
  const sample = sampleOf(indexes(cohort.length), labels);
  const parents = findParents(columns);
  const o: EngineOptions = {
    alpha: options.alpha,
    maxCriteria: options.maxCriteria,
    minLift: options.minLift,
    minSupport: options.minSupport,
    seed: options.seed ?? DERIVE_SEED,
  };
  const run = runEngine(columns, sample, parents, o);
  let { kept, points } = run;
  const leftOut = [...run.leftOut];
  let stability: number[] | undefined;
  if (!options.fast && kept.length > 0) {
    const measured = stabilityOf(kept, columns, sample, parents, o, (done, total) => options.onProgress?.('half-sample', done + 1, total));
    const steady = kept.map((s, k) => steadyPart(s, measured.criteria[k] as number, measured.tokens[k], columns, sample, leftOut));
    const stable = steady.filter((s): s is Selected => s !== undefined);
    if (stable.length < kept.length || stable.some((s, k) => s !== kept[k])) {
      const refit = fitPoints(stable, sample);
      leftOut.push(...refit.dropped);
      kept = refit.kept;
      points = refit.points;
    }
    stability = kept.map((s) => measured.criteria[steady.indexOf(s)] as number);
  }
  const { validation, inconclusive } = verdictOf(kept, columns, sample, parents, o, weights, options);
  const nearMisses = kept.length > 0 && !inconclusive ? [] : nearest(run.tests, columns);
  return {
    kept,
    points,
    leftOut,
    tested: run.tests.length,
    columnsTested: columns.length,
    stability,
    validation,
    nearMisses,
    ...(inconclusive !== undefined && { inconclusive }),
  };
}

/**
 * The out-of-fold validation (unless `fast`) and why the ICP is inconclusive, if it is: only anti-fit
 * criteria, or a score that ranks the cohort no better than chance on customers it did not see.
 */
function verdictOf(
  kept: readonly Selected[],
  columns: readonly EncodedColumn[],
  sample: Parameters<typeof crossValidate>[1],
  parents: Parameters<typeof crossValidate>[2],
  o: EngineOptions,
  weights: Float64Array,
  options: DeriveOptions,
): { validation: Outcome['validation']; inconclusive: string | undefined } {
  const hasFit = kept.some((s) => s.direction === 'fit');
  let inconclusive: string | undefined;
  let validation: Outcome['validation'];
  if (kept.length > 0 && !hasFit) inconclusive = 'only anti-fit criteria were found: a score needs at least one trait the best customers share';
  // Validation runs even when nothing was found: the folds may find what the whole data did not, and
  // their out-of-fold AUC is the honest measure of whether any pattern is there.
  if (!options.fast) {
    validation = crossValidate(columns, sample, parents, o, weights, (done, total) => options.onProgress?.('fold', done + 1, total));
    if (hasFit && validation && validation.auc - 2 * validation.aucSe <= 0.5) {
      inconclusive = `on customers it did not see, the score ranked the cohort no better than chance (cross-validated AUC ${validation.auc.toFixed(2)} ± ${(2 * validation.aucSe).toFixed(2)}, an interval that includes 0.5)`;
    }
  }
  if (inconclusive && kept.length > 0) {
    const labels = kept.map((s) => {
      const info = (columns[s.slot] as EncodedColumn).info;
      return `${labelFor(info.header, s.match, info.type === 'date')} (${s.direction}, lift ${liftOf(s.table).toFixed(2)})`;
    });
    inconclusive += `; found but not kept: ${labels.join('; ')}`;
  }
  return { validation, inconclusive };
}

/**
 * The stable part of a criterion: undefined when the criterion was chosen again in fewer than MIN_STABILITY
 * of the half-samples; for a set or list, without the values that were (a noise value riding along with a
 * stable one), its evidence recomputed.
 */
function steadyPart(
  s: Selected,
  share: number,
  tokens: Map<string, number> | undefined,
  columns: readonly EncodedColumn[],
  sample: Sample,
  leftOut: LeftOut[],
): Selected | undefined {
  const percent = (x: number) => `chosen again in ${Math.round(100 * x)}% of half-samples`;
  if (share < MIN_STABILITY) {
    leftOut.push({ criterion: s, reason: 'unstable', detail: percent(share) });
    return undefined;
  }
  const m = s.match;
  // Only a list's tokens are pruned one by one: a category's set stays whole, since a rarer value of the same
  // lift (the UK next to the US) is less often re-chosen on half the data and would be lost (measured: 1 of 40).
  const values = 'contains_any' in m ? m.contains_any : undefined;
  if (!tokens || !values) return s;
  const as = (v: string[]): Match => ({ contains_any: v });
  const keep = values.filter((t) => (tokens.get(categoryKey(t)) ?? 0) >= MIN_STABILITY);
  if (keep.length === values.length || keep.length === 0) return s;
  for (const t of values.filter((x) => !keep.includes(x))) {
    const alone = rebuild(s, as([t]), columns, sample);
    leftOut.push({ criterion: alone, reason: 'unstable', detail: percent(tokens.get(categoryKey(t)) ?? 0) });
  }
  return rebuild(s, as(keep), columns, sample);
}

function rebuild(s: Selected, match: Match, columns: readonly EncodedColumn[], sample: Sample): Selected {
  const members = membership(columns[s.slot] as EncodedColumn, match);
  const table = tableOf(members, sample);
  const single = ('contains_any' in match && match.contains_any.length === 1) || ('in' in match && match.in.length === 1);
  // The narrowed set's own Fisher p is computed on the data that chose it: nominal (its q still speaks).
  return { ...s, match, members, table, pValue: fisherExact(table).pValue, pKind: single ? 'exact' : 'nominal' };
}

/** The three tests closest to significance, for an inconclusive ICP's note. */
function nearest(tests: ReturnType<typeof runEngine>['tests'], columns: readonly EncodedColumn[]): string[] {
  return [...tests]
    .sort((x, y) => x.qValue - y.qValue || x.pValue - y.pValue || x.slot - y.slot)
    .slice(0, 3)
    .map((t) => {
      const column = columns[t.slot] as EncodedColumn;
      return `${labelFor(column.info.header, t.match, column.info.type === 'date')} (q = ${t.qValue.toPrecision(2)})`;
    });
}
