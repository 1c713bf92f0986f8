import { categoryOf } from '../columns/categories.js';
import type { ColumnInfo } from '../columns/infer.js';
import { normalizeHeader } from '../columns/roles.js';
import type { Criterion, Evidence, IcpDocument, IcpSource, Match, ValidationRecord } from '../icp/schema.js';
import type { CustomerRecord } from '../profile/customers.js';
import { rowCount } from '../column-table.js';
import type { Table } from '../table.js';
import type { Ranked } from './cohort.js';
import type { RecordUnit } from './record-unit.js';
import { keySignature } from '../profile/key-signature.js';
import type { DeriveInput } from './derive-types.js';
import { sortedNumbers, type EncodedColumn } from './encode.js';
import { scoresOf } from './engine.js';
import { labelFor } from './labels.js';
import { leftOutNotes } from './left-out-notes.js';
import type { Measure } from './measure.js';
import { readableBound, yearLike } from './nice.js';
import { liftOf } from './search-types.js';
import type { LeftOut, Selected } from './select.js';
import { chooseTiers, TIER_RULE } from './tiers.js';
import type { Validation } from './validate.js';
import { agree, plural } from '../plural.js';
import { round, significant } from '../round.js';

/** Below this share of half-samples a criterion is marked as of low stability. */
export const LOW_STABILITY = 0.8;

/** Evidence as written to icp.yaml: counts, shares over known values, lift, p (with its kind) and q. */
export function evidenceOf(s: Pick<Selected, 'table' | 'pValue' | 'qValue'> & Partial<Pick<Selected, 'pKind'>>, stability?: number): Evidence {
  const { a, b, c, d } = s.table;
  const lift = liftOf(s.table);
  return {
    cohort_count: a,
    rest_count: c,
    cohort_share: round(a / Math.max(1, a + b), 4),
    rest_share: round(c / Math.max(1, c + d), 4),
    lift: Number.isFinite(lift) ? round(lift, 3) : null,
    p_value: Math.min(1, significant(s.pValue)),
    q_value: Math.min(1, significant(s.qValue)),
    ...(s.pKind !== undefined && { p_kind: s.pKind }),
    ...(stability !== undefined && { stability: round(stability, 2) }),
  };
}

function attributeName(column: ColumnInfo): string {
  const slug = column.role ?? (normalizeHeader(column.header) || `column_${column.index + 1}`);
  return column.type === 'date' ? `${slug}_year` : slug;
}

/** The deals file's entry, whether it was read as a table or joined as it was read. */
function dealSource(input: DeriveInput): IcpSource[] {
  const joined = input.joinedDeals;
  if (joined) return [{ name: joined.name, role: 'deals', rows: joined.rows, sha256: joined.sha256 }];
  return input.deals ? [source(input.deals, 'deals')] : [];
}

function source(table: Table, role: IcpSource['role']): IcpSource {
  return { name: table.name, role, rows: rowCount(table), sha256: table.sha256 };
}

/** A range's bounds rounded for reading, where no customer crosses them (500, not 497). */
function readable(match: Match, column: EncodedColumn): Match {
  if (!('range' in match) || column.kind !== 'numeric') return match;
  const sorted = sortedNumbers(column);
  const digits = yearLike(column.info.type === 'date', sorted) ? 4 : 2;
  const { min, max } = match.range;
  return {
    range: {
      ...(min !== undefined && { min: readableBound(min, 'min', sorted, digits) }),
      ...(max !== undefined && { max: readableBound(max, 'max', sorted, digits) }),
    },
  };
}

/** What the engine settled on, for the document. */
export interface Outcome {
  kept: Selected[];
  points: number[];
  leftOut: LeftOut[];
  tested: number;
  columnsTested: number;
  stability: number[] | undefined;
  validation: Validation | null | undefined;
  /** Why the ICP is inconclusive although criteria were found (validation failed, only anti-fit). */
  inconclusive?: string;
  nearMisses: string[];
}

function validationRecord(v: Validation | null | undefined, fast: boolean, hasCriteria: boolean): ValidationRecord {
  if (fast) return { method: 'none', skipped: 'derive ran with --fast: no cross-validation and no stability' };
  if (!v) return { method: 'none', skipped: hasCriteria ? 'the cohort or the rest is empty' : 'no criterion to validate' };
  return {
    method: `${v.folds}-fold cross-validation (stratified, fixed seed): every fold re-derived (search, selection, points) on the other folds`,
    folds: v.folds,
    auc: round(v.auc, 3),
    auc_se: round(v.aucSe, 3),
    folds_with_criteria: v.foldsWithCriteria,
    tier_a_share_of_customers: round(v.tierAShareOfCustomers, 4),
    tier_a_share_of_value: v.tierAShareOfValue === null ? null : round(v.tierAShareOfValue, 4),
  };
}

function criteriaOf(o: Outcome, columns: readonly ColumnInfo[], encoded: ReadonlyMap<number, EncodedColumn>): Criterion[] {
  return o.kept.map((s, k) => {
    const column = columns[s.column] as ColumnInfo;
    const category = categoryOf(column);
    const match = readable(s.match, encoded.get(s.column) as EncodedColumn);
    return {
      column: column.header,
      attribute: attributeName(column),
      category: category === undefined ? 'other' : category,
      label: labelFor(column.header, match, column.type === 'date'),
      match,
      points: o.points[k] as number,
      evidence: evidenceOf(s, o.stability?.[k]),
    };
  });
}

function methodNotes(input: DeriveInput, o: Outcome): string[] {
  const { alpha, minLift, maxCriteria } = input.options;
  return [
    `Tested: ${plural(o.tested, 'hypothesis', 'hypotheses')} over ${plural(o.columnsTested, 'column')} (each value of a category, each token of a list, the best interval of each number, each yes/no), Fisher's exact test, Benjamini-Hochberg q < ${alpha} over them all.`,
    `Criteria: a category's significant over-represented values form one set, kept when the set's lift is at least ${minLift}; a list's tokens each need that lift; an interval is tested with Bonferroni over the intervals tried; an anti-fit set in a column that has a fit set must pass a selection-aware permutation test (p < 0.01); a nested or correlated column must still tell the cohort apart within its parent's values; at most ${maxCriteria} criteria.`,
    'Points: one ridge-penalised logistic regression of the cohort on the criteria (an unknown value counts as no match, as in scoring), scaled so positive points add up to 100; a criterion whose fitted effect is negligible or has the wrong sign is dropped.',
    `Tiers: ${TIER_RULE}`,
  ];
}

function validationNote(v: Validation | null | undefined, kind: Measure['kind']): string | undefined {
  if (!v) return undefined;
  const auc = `cross-validated AUC ${v.auc.toFixed(2)} ± ${(2 * v.aucSe).toFixed(2)} (${v.folds} folds)`;
  if (v.tierAShareOfValue === null || v.tierAShareOfCustomers === 0) return `Validation: ${auc}.`;
  const ratio = v.tierAShareOfValue / v.tierAShareOfCustomers;
  const what = kind === 'value' ? 'won value' : 'positive records';
  return `Validation: ${auc}; on customers it did not see, tier A held ${ratio.toFixed(1)}x its share of ${what} (${Math.round(100 * v.tierAShareOfValue)}% of ${what} in ${Math.round(100 * v.tierAShareOfCustomers)}% of customers).`;
}

/** Assembles the IcpDocument from what the engine settled on: labels, points, evidence, tiers, validation and notes. */
export function buildDocument(x: {
  input: DeriveInput;
  columns: readonly ColumnInfo[];
  encoded: ReadonlyMap<number, EncodedColumn>;
  customers: readonly CustomerRecord[];
  measure: Measure;
  ranked: Ranked;
  outcome: Outcome;
  rule: string;
  unit: RecordUnit;
  /** Every customer's key (unknown measure too), for the signature a later report checks; none without a key column. */
  keys?: readonly string[];
  /** Columns not mined (our own team, stage-derived) and the leakage screen's verdicts. */
  columnNotes?: readonly string[];
}): IcpDocument {
  const { input, columns, measure, ranked, outcome: o } = x;
  const ok = o.kept.length > 0 && o.inconclusive === undefined;
  const criteria = ok ? criteriaOf(o, columns, x.encoded) : [];
  const total = x.customers.length;
  let shareOfValue: number | null = null;
  if (measure.kind === 'value') {
    const all = measure.values.reduce((s, v) => s + Math.max(0, v), 0);
    const top = measure.values.reduce((s, v, i) => s + (ranked.cohort[i] ? Math.max(0, v) : 0), 0);
    shareOfValue = all > 0 ? round(top / all, 4) : null;
  }
  const scores = ok ? Array.from(scoresOf(o.kept, o.points, x.customers.length)) : [];
  const tierChoice = ok ? chooseTiers(scores, ranked.size) : { tiers: { A: 75, B: 50, C: 25 } };
  const notes = methodNotes(input, o);
  if (tierChoice.note) notes.push(tierChoice.note);
  const vNote = validationNote(o.validation, measure.kind);
  if (vNote) notes.push(vNote);
  if (ok && o.stability) {
    const low = criteria.filter((c) => (c.evidence?.stability ?? 1) < LOW_STABILITY);
    for (const c of low) notes.push(`Low stability: ${c.label} was chosen again in ${Math.round(100 * (c.evidence?.stability ?? 0))}% of half-samples.`);
  }
  // for-of, not push(...): a file of 150,000 columns can leave more notes than the argument stack holds.
  for (const n of leftOutNotes(o.leftOut, columns, input.options.minLift)) notes.push(n);
  for (const n of x.columnNotes ?? []) notes.push(n);
  if (!ok) {
    const why =
      o.inconclusive ??
      `no attribute separates the cohort (${plural(ranked.size, 'customer')}) from the rest (${total - ranked.size}); ${plural(o.tested, 'hypothesis', 'hypotheses')} over ${plural(o.columnsTested, 'column')} ${agree(o.tested, 'was', 'were')} tested`;
    const near = o.nearMisses.length > 0 ? ` Nearest misses: ${o.nearMisses.join('; ')}.` : '';
    notes.unshift(`Inconclusive: ${why}.${near}`);
  }
  if (ranked.size < 30) notes.unshift(`Fragile: the cohort has only ${plural(ranked.size, 'customer')}; treat this profile as a hypothesis.`);
  return {
    version: 1,
    name: input.options.name ?? 'Ideal Customer Profile',
    status: ok ? 'ok' : 'inconclusive',
    generated_at: input.generatedAt,
    source: [{ ...source(input.customers, 'customers'), ...(x.keys && { keys: keySignature(x.keys) }) }, ...dealSource(input)],
    cohort: { measure: measure.label, rule: x.rule, size: ranked.size, total, share_of_value: shareOfValue, ...(x.unit !== 'customers' && { unit: x.unit }) },
    options: input.recordedOptions,
    criteria,
    tiers: tierChoice.tiers,
    validation: validationRecord(o.validation, input.options.fast === true, o.kept.length > 0),
    notes,
  };
}
