import type { ColumnInfo } from '../columns/infer.js';
import { assignRoles } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import type { IcpDocument } from '../icp/schema.js';
import { joinDealTable, type JoinedDeals } from '../profile/deal-join.js';
import type { DealQuality, DealStats } from '../profile/deal-types.js';
import { customerKeyColumn, groupCustomers, type CustomerRecord } from '../profile/customers.js';
import type { RoleAssignment } from '../columns/roles.js';
import type { JoinKeys } from '../profile/join.js';
import { IcpError } from '../../errors.js';
import type { Table } from '../table.js';
import type { Warning } from '../warnings.js';
import { leakageNote, type LeakageSuspect } from './leakage.js';
import { STAGE_REASON, TEAM_REASON } from './never-mined.js';
import type { DeriveInput } from './derive-types.js';
import type { Outcome } from './document.js';
import type { EncodedColumn } from './encode.js';
import { screenedAttributes } from './screened-attributes.js';
import { describeTop, rankCohort, type Ranked, type TopRule } from './cohort.js';
import { buildDocument } from './document.js';
import { chooseMeasure, type Measure } from './measure.js';
import { mine } from './mine.js';
import { recordUnit, type RecordUnit } from './record-unit.js';
import { agree, plural } from '../plural.js';

export type { DeriveInput, DeriveOptions } from './derive-types.js';

/** Everything derive learned, for the summary and the tests; the document is what gets saved. */
export interface DeriveResult {
  doc: IcpDocument;
  customers: CustomerRecord[];
  columns: ColumnInfo[];
  measure: Measure;
  cohort: boolean[];
  order: number[];
  /** What the engine settled on: criteria, points, what was left out and why, stability and validation. */
  outcome: Outcome;
  encoded: Map<number, EncodedColumn>;
  attributes: number[];
  skipped: { header: string; why: string }[];
  /** Columns the leakage screen suspected, with whether --allow kept them. */
  leakage: (LeakageSuspect & { allowed: boolean })[];
  join?: JoinKeys & { customerHeader: string; dealHeader: string };
  dealQuality?: DealQuality;
  dealStats?: Map<string, DealStats>;
  duplicateKeys: number;
  /** What a record is (customers, leads, records), for the words of the summary. */
  unit: RecordUnit;
  /** The column that names each record in tables (an id, a record number, a name); undefined: file lines. */
  idColumn?: number;
  warnings: Warning[];
}

function windowText(since: number | undefined, until: number | undefined): string {
  const day = (ms: number | undefined) => (ms === undefined ? '…' : new Date(ms).toISOString().slice(0, 10));
  return `${day(since)} to ${day(until)}`;
}

function restrictMeasure(m: Measure, keep: readonly number[]): Measure {
  const known = keep.map(() => true);
  return m.kind === 'value'
    ? { ...m, values: keep.map((i) => m.values[i] as number), known }
    : { ...m, positive: keep.map((i) => m.positive[i] as boolean), known };
}

/** What derive would not mine and why: our own team, stage-derived fields, the leakage screen's suspects. */
function columnNotes(skipped: readonly { header: string; why: string }[], leakage: readonly (LeakageSuspect & { allowed: boolean })[]): string[] {
  const notes: string[] = [];
  const team = skipped.filter((s) => s.why === TEAM_REASON).map((s) => s.header);
  if (team.length > 0) notes.push(`Not a customer attribute: ${team.join(', ')} (our own team, not who bought).`);
  const stage = skipped.filter((s) => s.why === STAGE_REASON).map((s) => s.header);
  if (stage.length > 0) notes.push(`Not mined, set by the deal stage (leakage): ${stage.join(', ')}.`);
  for (const s of leakage) notes.push(leakageNote(s, s.allowed));
  return notes;
}

/** The column that names a record: an id, a record number, a name, the key; undefined when there is none. */
function recordIdColumn(columns: readonly ColumnInfo[], keyColumn: number | undefined): number | undefined {
  const byRole = (...roles: string[]) => columns.find((c) => c.role !== undefined && roles.includes(c.role))?.index;
  return byRole('id', 'account_id') ?? columns.find((c) => c.type === 'id')?.index ?? byRole('name', 'account_name') ?? keyColumn;
}

/** The deals joined to the customers (as read already, or from a table), or none; a join that matches no deal is an error. */
function joinDeals(input: DeriveInput, roles: RoleAssignment): { join?: DeriveResult['join']; dealResult?: JoinedDeals } {
  const { customers: table, deals, options } = input;
  if (!input.joinedDeals && !deals) return {};
  const dealResult =
    input.joinedDeals ?? joinDealTable(table, roles, deals as Table, { map: options.map, key: options.key, since: options.since, until: options.until });
  const keys = dealResult.keys;
  const join = { ...keys, customerHeader: table.header[keys.customerColumn] as string, dealHeader: dealResult.header[keys.dealColumn] as string };
  if (dealResult.quality.matched > 0) return { join, dealResult };
  const windowed = options.since !== undefined || options.until !== undefined;
  throw new IcpError(
    windowed
      ? `no deal of ${dealResult.name} closed in the window ${windowText(options.since, options.until)} joins a customer`
      : `no deal of ${dealResult.name} joins a customer of ${table.name}`,
    {
      hint: windowed
        ? 'check ⟨since⟩/⟨until⟩ against the close dates, or whether the export is up to date'
        : 'name the join columns with ⟨key⟩ <customerColumn>=<dealColumn>',
    },
  );
}

/**
 * The warning for customers whose value or outcome is missing: they are neither best nor rest, since
 * ranking them as 0 would put them in the contrast group and bias every comparison.
 */
function unknownMeasureWarning(chosen: Measure, unknown: number, table: Table, options: DeriveInput['options'], joined: boolean): Warning | undefined {
  if (unknown === 0) return undefined;
  const windowed = joined && (options.since !== undefined || options.until !== undefined) && !options.value && !options.outcome;
  if (windowed) {
    return {
      file: table.name,
      message: `${plural(unknown, 'customer')} closed no deal in the window ${windowText(options.since, options.until)}; left out of the ranking and the tests (unknown there, not worth 0)`,
    };
  }
  // The column, not the measure's label: "have no Converted is positive" is no sentence.
  const what = chosen.column === null ? chosen.label : `value in ${table.header[chosen.column]}`;
  return { file: table.name, message: `${plural(unknown, 'customer')} ${agree(unknown, 'has', 'have')} no ${what}; left out of the ranking and the tests` };
}

/** The warning when the value cohort is smaller than --top asked for. */
function cohortSizeWarning(measure: Measure, ranked: Ranked, customers: number, top: TopRule, file: string): Warning | undefined {
  if (measure.kind !== 'value') return undefined;
  const wanted = 'percent' in top ? Math.ceil((top.percent / 100) * customers) : top.count;
  if (ranked.size >= wanted) return undefined;
  const why = wanted > customers ? `there are only ${customers} customers` : `only ${ranked.size} of ${customers} are worth more than 0`;
  return { file, message: `the cohort has ${plural(ranked.size, 'customer')}, not the ${wanted} asked for: ${why}` };
}

function duplicateKeysWarning(duplicateKeys: number, file: string): Warning {
  return {
    file,
    message: `${plural(duplicateKeys, 'key')} ${agree(duplicateKeys, 'repeats', 'repeat')}; their rows were combined (values summed, attributes by most frequent value)`,
  };
}

/**
 * The customers the measure knows (the others are neither best nor rest), the measure restricted to them
 * and the ranked cohort; what the user should hear about it goes to `warnings`.
 */
function rankCustomers(
  chosen: Measure,
  all: readonly CustomerRecord[],
  input: DeriveInput,
  joined: boolean,
  warnings: Warning[],
): { customers: CustomerRecord[]; measure: Measure; ranked: Ranked } {
  const { customers: table, options } = input;
  const keep = chosen.known.map((k, i) => (k ? i : -1)).filter((i) => i >= 0);
  const unknown = unknownMeasureWarning(chosen, chosen.known.length - keep.length, table, options, joined);
  if (unknown) warnings.push(unknown);
  const customers = keep.map((i) => all[i] as CustomerRecord);
  const measure = restrictMeasure(chosen, keep);
  const keys = customers.map((c) => c.key);
  const ranked =
    measure.kind === 'value'
      ? rankCohort(measure.values, keys, options.top)
      : rankCohort(
          measure.positive.map((p) => (p ? 1 : 0)),
          keys,
          { count: measure.positive.length },
        );
  const size = cohortSizeWarning(measure, ranked, customers.length, options.top, table.name);
  if (size) warnings.push(size);
  return { customers, measure, ranked };
}

/** The notes on what a record is, when no column keys the customers. */
function recordNotes(keyColumn: number | undefined, keyNone: boolean): string[] {
  if (keyColumn !== undefined) return [];
  return [
    keyNone ? 'Each row is its own record (--key none).' : 'Each row is its own record: no column is a key (a name or id column needs mostly distinct values).',
  ];
}

/** Each customer's weight in the validation: its value (0 when below), or 1 for a positive outcome. */
function weightsOf(measure: Measure, customers: number): Float64Array {
  const out = new Float64Array(customers);
  for (let i = 0; i < customers; i++) out[i] = measure.kind === 'value' ? Math.max(0, measure.values[i] as number) : measure.positive[i] ? 1 : 0;
  return out;
}

/** Mines an ICP from customers (and deals): cohort, candidates, tests, selection, points, tiers. */
export function derive(input: DeriveInput): DeriveResult {
  const { customers: table, options } = input;
  const warnings: Warning[] = [];
  const roles = assignRoles(table.header, options.map, table.name);
  const columns = typeTable(table, roles);
  const { join, dealResult } = joinDeals(input, roles);
  const keyColumn = customerKeyColumn(roles, join, options.key, table);
  const grouped = groupCustomers(table, keyColumn);
  const { duplicateKeys } = grouped;
  const unit = recordUnit({ header: table.header, roles, fileName: table.name, joined: join !== undefined, keyed: keyColumn !== undefined });
  if (duplicateKeys > 0) warnings.push(duplicateKeysWarning(duplicateKeys, table.name));
  const chosen = chooseMeasure({
    customers: grouped.customers,
    table,
    columns,
    value: options.value,
    outcome: options.outcome,
    ...(dealResult && {
      deals: { byKey: dealResult.byKey, hasAmount: dealResult.quality.hasAmount, windowed: options.since !== undefined || options.until !== undefined },
    }),
  });
  const { customers, measure, ranked } = rankCustomers(chosen, grouped.customers, input, dealResult !== undefined, warnings);
  const { encoded, missingNotes, leakage, skipped, included } = screenedAttributes(input, columns, customers, measure, ranked, join?.customerColumn);
  const weights = weightsOf(measure, customers.length);
  const outcome = mine(encoded, ranked.cohort, weights, options);
  const doc = buildDocument({
    input,
    columns,
    encoded,
    customers,
    measure,
    ranked,
    outcome,
    rule: measure.kind === 'value' ? `${describeTop(options.top)} by ${measure.label}` : `${unit} where ${measure.label}`,
    unit,
    columnNotes: columnNotes(skipped, leakage),
    ...(keyColumn !== undefined && { keys: grouped.customers.map((c) => c.key) }),
  });
  doc.notes?.push(...recordNotes(keyColumn, options.key?.none === true), ...included.flatMap((index) => missingNotes.get(index) ?? []));
  const idColumn = recordIdColumn(columns, keyColumn);
  return {
    doc,
    customers,
    columns,
    measure,
    cohort: ranked.cohort,
    order: ranked.order,
    outcome,
    encoded,
    attributes: included,
    skipped,
    leakage,
    duplicateKeys,
    unit,
    warnings,
    ...(idColumn !== undefined && { idColumn }),
    ...(join && { join }),
    ...(dealResult && { dealQuality: dealResult.quality, dealStats: dealResult.byKey }),
  };
}
