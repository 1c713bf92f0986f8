import type { ColumnInfo } from '../columns/infer.js';
import { assignRoles } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import type { IcpDocument } from '../icp/schema.js';
import { joinDealTable, type JoinedDeals } from '../profile/deal-join.js';
import type { DealQuality, DealStats } from '../profile/deal-types.js';
import { customerKeyColumn, groupCustomers, type CustomerRecord } from '../profile/customers.js';
import type { JoinKeys } from '../profile/join.js';
import { IcpError } from '../../errors.js';
import type { Table } from '../table.js';
import type { Warning } from '../warnings.js';
import { attributeColumns, resolveList } from './attributes.js';
import { LeakageScreen, leakageNote, type LeakageSuspect } from './leakage.js';
import { STAGE_REASON, TEAM_REASON } from './never-mined.js';
import type { DeriveInput } from './derive-types.js';
import type { Outcome } from './document.js';
import type { EncodedColumn } from './encode.js';
import { readAttributes } from './read-attributes.js';
import { describeTop, rankCohort } from './cohort.js';
import { buildDocument } from './document.js';
import { chooseMeasure, type Measure } from './measure.js';
import { DERIVE_SEED, mine } from './mine.js';
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

/** Mines an ICP from customers (and deals): cohort, candidates, tests, selection, points, tiers. */
export function derive(input: DeriveInput): DeriveResult {
  const { customers: table, deals, options } = input;
  const warnings: Warning[] = [];
  const roles = assignRoles(table.header, options.map, table.name);
  const columns = typeTable(table, roles);
  let join: DeriveResult['join'];
  let dealResult: JoinedDeals | undefined;
  if (input.joinedDeals || deals) {
    dealResult =
      input.joinedDeals ?? joinDealTable(table, roles, deals as Table, { map: options.map, key: options.key, since: options.since, until: options.until });
    const keys = dealResult.keys;
    join = { ...keys, customerHeader: table.header[keys.customerColumn] as string, dealHeader: dealResult.header[keys.dealColumn] as string };
    if (dealResult.quality.matched === 0) {
      const windowed = options.since !== undefined || options.until !== undefined;
      throw new IcpError(
        windowed
          ? `no deal of ${dealResult.name} closed in the window ${windowText(options.since, options.until)} joins a customer`
          : `no deal of ${dealResult.name} joins a customer of ${table.name}`,
        {
          hint: windowed
            ? 'check --since/--until against the close dates, or whether the export is up to date'
            : 'name the join columns with --key <customerColumn>=<dealColumn>',
        },
      );
    }
  }
  const keyColumn = customerKeyColumn(roles, join, options.key, table);
  const grouped = groupCustomers(table, keyColumn);
  const { duplicateKeys } = grouped;
  const unit = recordUnit({ header: table.header, roles, fileName: table.name, joined: join !== undefined, keyed: keyColumn !== undefined });
  if (duplicateKeys > 0) {
    warnings.push({
      file: table.name,
      message: `${plural(duplicateKeys, 'key')} ${agree(duplicateKeys, 'repeats', 'repeat')}; their rows were combined (values summed, attributes by most frequent value)`,
    });
  }
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
  // Customers whose value or outcome is missing are neither best nor rest: ranking them as 0 would
  // put them in the contrast group and bias every comparison.
  const keep = chosen.known.map((k, i) => (k ? i : -1)).filter((i) => i >= 0);
  const unknown = chosen.known.length - keep.length;
  const windowed = dealResult !== undefined && (options.since !== undefined || options.until !== undefined) && !options.value && !options.outcome;
  if (unknown > 0 && windowed)
    warnings.push({
      file: table.name,
      message: `${plural(unknown, 'customer')} closed no deal in the window ${windowText(options.since, options.until)}; left out of the ranking and the tests (unknown there, not worth 0)`,
    });
  else if (unknown > 0) {
    // The column, not the measure's label: "have no Converted is positive" is no sentence.
    const what = chosen.column === null ? chosen.label : `value in ${table.header[chosen.column]}`;
    warnings.push({
      file: table.name,
      message: `${plural(unknown, 'customer')} ${agree(unknown, 'has', 'have')} no ${what}; left out of the ranking and the tests`,
    });
  }
  const customers = keep.map((i) => grouped.customers[i] as CustomerRecord);
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
  if (measure.kind === 'value') {
    const wanted = 'percent' in options.top ? Math.ceil((options.top.percent / 100) * customers.length) : options.top.count;
    if (ranked.size < wanted) {
      const why =
        wanted > customers.length ? `there are only ${customers.length} customers` : `only ${ranked.size} of ${customers.length} are worth more than 0`;
      warnings.push({ file: table.name, message: `the cohort has ${plural(ranked.size, 'customer')}, not the ${wanted} asked for: ${why}` });
    }
  }
  const valueColumns = [measure.column, join?.customerColumn].filter((c): c is number => c !== null && c !== undefined);
  const attributes = attributeColumns(columns, table.name, { attributes: options.attributes, exclude: options.exclude, valueColumns });
  const { skipped } = attributes;
  const allowed = new Set(resolveList(options.allow ?? [], table.header, '--allow', table.name));
  // The leakage screen runs before the engine: a suspect column is not mined unless --allow keeps it.
  const screenValue = measure.kind === 'value' && measure.column !== null ? { label: measure.label, values: measure.values } : undefined;
  const screen = new LeakageScreen(ranked.cohort, options.seed ?? DERIVE_SEED, screenValue);
  const { encoded, missingNotes } = readAttributes(
    attributes.included,
    columns,
    customers,
    ranked.cohort,
    screen,
    measure.kind === 'value' ? 'the best customers' : 'the positive records',
  );
  const leakage = screen.suspects().map((s) => ({ ...s, allowed: allowed.has(s.index) }));
  for (const s of leakage) {
    if (s.allowed) continue;
    encoded.delete(s.index);
    skipped.push({ header: s.header, why: `possible leakage (${s.evidence.join('; ')})` });
  }
  const included = attributes.included.filter((i) => encoded.has(i));
  const weights = Float64Array.from(customers, (_, i) => (measure.kind === 'value' ? Math.max(0, measure.values[i] as number) : measure.positive[i] ? 1 : 0));
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
  if (keyColumn === undefined)
    doc.notes?.push(
      options.key?.none
        ? 'Each row is its own record (--key none).'
        : 'Each row is its own record: no column is a key (a name or id column needs mostly distinct values).',
    );
  for (const index of included) for (const n of missingNotes.get(index) ?? []) doc.notes?.push(n);
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
