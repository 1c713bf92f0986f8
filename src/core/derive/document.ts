import { categoryOf } from '../columns/categories.js';
import type { ColumnInfo } from '../columns/infer.js';
import { normalizeHeader } from '../columns/roles.js';
import type { Criterion, Evidence, IcpDocument, IcpSource, Tiers } from '../icp/schema.js';
import { matcher } from '../score/match.js';
import type { CustomerRecord } from '../profile/customers.js';
import type { Table } from '../table.js';
import type { AttributeColumn, Candidate } from './candidates.js';
import type { Ranked } from './cohort.js';
import type { DeriveInput } from './derive.js';
import { labelFor } from './labels.js';
import type { Measure } from './measure.js';
import { assignPoints } from './points.js';
import { liftOf, type Selected, type Selection } from './select.js';
import { chooseTiers, TIER_RULE } from './tiers.js';
import { agree, plural } from '../plural.js';

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const significant = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(3)));

/** Evidence as written to icp.yaml: counts, shares over known values, lift, p and q. */
export function evidenceOf(s: Pick<Selected, 'table' | 'pValue' | 'qValue'>): Evidence {
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
  return { name: table.name, role, rows: table.rows.length, sha256: table.sha256 };
}

/** Sum of points each customer earns (unknown values earn nothing), clipped to 0-100 as scores are. */
function customerScores(criteria: readonly Criterion[], selected: readonly Selected[], attrs: ReadonlyMap<number, AttributeColumn>, n: number): number[] {
  const scores = new Array<number>(n).fill(0);
  selected.forEach((s, k) => {
    const attr = attrs.get(s.column) as AttributeColumn;
    const test = matcher(s.match, attr.info.type === 'date');
    attr.values.forEach((v, i) => {
      if (test(v) === true) scores[i]! += (criteria[k] as Criterion).points;
    });
  });
  return scores.map((s) => Math.max(0, Math.min(100, s)));
}

/** `A`, `A and B`, `A, B and C`. */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) as string}`;
}

/** `100`, `100 or 0`, `100, 60 or 0`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) as string}`;
}

/** The tiers among A, B and C that no customer's score falls in. */
function emptyTiers(scores: readonly number[], tiers: Tiers): ('A' | 'B' | 'C')[] {
  const bounds: ['A' | 'B' | 'C', number, number][] = [['A', tiers.A, Infinity], ['B', tiers.B, tiers.A], ['C', tiers.C, tiers.B]];
  return bounds.filter(([, low, high]) => !scores.some((s) => s >= low && s < high)).map(([tier]) => tier);
}

/** Assembles the IcpDocument from the selection: labels, points, evidence, cohort, tiers and notes. */
export function buildDocument(x: {
  input: DeriveInput;
  columns: readonly ColumnInfo[];
  customers: readonly CustomerRecord[];
  measure: Measure;
  ranked: Ranked;
  selection: Selection;
  attrs: ReadonlyMap<number, AttributeColumn>;
  candidates: readonly Candidate[];
  rule: string;
}): IcpDocument {
  const { input, columns, measure, ranked, selection } = x;
  const points = assignPoints(selection.selected);
  const criteria: Criterion[] = selection.selected.map((s, k) => {
    const column = columns[s.column] as ColumnInfo;
    const category = categoryOf(column);
    return {
      column: column.header,
      attribute: attributeName(column),
      category: category === undefined ? 'other' : category,
      label: labelFor(column.header, s.match, column.type === 'date'),
      match: s.match,
      points: points[k] as number,
      evidence: evidenceOf(s),
    };
  });
  const total = x.customers.length;
  let shareOfValue: number | null = null;
  if (measure.kind === 'value') {
    const all = measure.values.reduce((s, v) => s + Math.max(0, v), 0);
    const top = measure.values.reduce((s, v, i) => s + (ranked.cohort[i] ? Math.max(0, v) : 0), 0);
    shareOfValue = all > 0 ? round(top / all, 4) : null;
  }
  const ok = criteria.length > 0;
  const scores = ok ? customerScores(criteria, selection.selected, x.attrs, total) : [];
  const tiers = ok ? chooseTiers(scores, ranked.size) : { A: 75, B: 50, C: 25 };
  const notes = [
    `Criteria: Fisher's exact test of each candidate (cohort vs rest, over customers whose value is known), Benjamini-Hochberg q < ${input.options.alpha} over all ${x.candidates.length} candidates tested, a cohort/rest share ratio of at least ${input.options.minLift} (or at most 1/${input.options.minLift} for anti-fit), at most ${input.options.maxCriteria} criteria.`,
    'Points: weight of evidence ln(cohort share / rest share); positive points share 100 in proportion to it.',
    `Tiers: ${TIER_RULE}`,
  ];
  const empty = ok ? emptyTiers(scores, tiers) : [];
  if (empty.length > 0) {
    // Few criteria, or criteria that exclude one another, leave gaps a threshold cannot fill.
    const values = [...new Set(scores)].sort((a, b) => b - a);
    const shown = values.length > 6 ? [...values.slice(0, 5).map(String), `${values.length - 5} other values`] : values.map(String);
    notes.push(`${empty.length === 1 ? 'Tier' : 'Tiers'} ${andList(empty)} ${empty.length === 1 ? 'holds' : 'hold'} no customer: every customer scores ${orList(shown)}.`);
  }
  if (!ok) notes.unshift(`Inconclusive: no attribute separates the cohort (${plural(ranked.size, 'customer')}) from the rest (${total - ranked.size}); ${plural(x.candidates.length, 'candidate criterion', 'candidate criteria')} over ${plural(x.attrs.size, 'column')} ${agree(x.candidates.length, 'was', 'were')} tested.`);
  if (ranked.size < 30) notes.unshift(`Fragile: the cohort has only ${plural(ranked.size, 'customer')}; treat this profile as a hypothesis.`);
  for (const r of selection.redundant) {
    const col = columns[r.criterion.column] as ColumnInfo;
    const because = columns[r.because.column] as ColumnInfo;
    notes.push(`Left out as redundant: ${labelFor(col.header, r.criterion.match, col.type === 'date')} adds nothing once ${labelFor(because.header, r.because.match, because.type === 'date')} is known.`);
  }
  return {
    version: 1,
    name: input.options.name ?? 'Ideal Customer Profile',
    status: ok ? 'ok' : 'inconclusive',
    generated_at: input.generatedAt,
    source: [source(input.customers, 'customers'), ...dealSource(input)],
    cohort: { measure: measure.label, rule: x.rule, size: ranked.size, total, share_of_value: shareOfValue },
    options: input.recordedOptions,
    criteria,
    tiers,
    notes,
  };
}
