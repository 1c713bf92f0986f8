import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { assignRoles, type Role } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import type { IcpDocument } from '../icp/schema.js';
import { aggregateDeals, type DealQuality, type DealStats } from '../profile/deals.js';
import { groupCustomers, type CustomerRecord } from '../profile/customers.js';
import { chooseJoinKeys, type JoinKeys } from '../profile/join.js';
import type { Table } from '../table.js';
import type { Warning } from '../warnings.js';
import { attributeColumns } from './attributes.js';
import { testCandidates, type AttributeColumn, type Candidate } from './candidates.js';
import { describeTop, rankCohort, type TopRule } from './cohort.js';
import { buildDocument } from './document.js';
import { chooseMeasure, type Measure } from './measure.js';
import { selectCriteria, type Selection } from './select.js';

export interface DeriveOptions {
  top: TopRule;
  alpha: number;
  minSupport: number;
  maxCriteria: number;
  minLift: number;
  value?: string | undefined;
  outcome?: string | undefined;
  key?: { customer: string; deal?: string } | undefined;
  since?: number | undefined;
  until?: number | undefined;
  attributes?: string[] | undefined;
  exclude?: string[] | undefined;
  map?: ReadonlyMap<Role, string>;
  name?: string;
}

export interface DeriveInput {
  customers: Table;
  deals?: Table | undefined;
  options: DeriveOptions;
  /** ISO timestamp for generated_at: passed in so that core stays free of the clock. */
  generatedAt: string;
  /** Options as the user gave them, recorded in icp.yaml so a review can re-derive the same way. */
  recordedOptions: Record<string, string | number | boolean | null | string[]>;
}

/** Everything derive learned, for the summary and the tests; the document is what gets saved. */
export interface DeriveResult {
  doc: IcpDocument;
  customers: CustomerRecord[];
  columns: ColumnInfo[];
  measure: Measure;
  cohort: boolean[];
  order: number[];
  candidates: Candidate[];
  selection: Selection;
  attributes: number[];
  skipped: { header: string; why: string }[];
  join?: JoinKeys & { customerHeader: string; dealHeader: string };
  dealQuality?: DealQuality;
  dealStats?: Map<string, DealStats>;
  duplicateKeys: number;
  warnings: Warning[];
}

function customerKeyColumn(roles: ReturnType<typeof assignRoles>, join?: JoinKeys): number | undefined {
  return join?.customerColumn ?? roles.byRole.get('id') ?? roles.byRole.get('account_id') ?? roles.byRole.get('name') ?? roles.byRole.get('account_name');
}

/** Mines an ICP from customers (and deals): cohort, candidates, tests, selection, points, tiers. */
export function derive(input: DeriveInput): DeriveResult {
  const { customers: table, deals, options } = input;
  const warnings: Warning[] = [];
  const roles = assignRoles(table.header, options.map, table.name);
  const columns = typeTable(table, roles);
  let join: DeriveResult['join'];
  let dealResult: ReturnType<typeof aggregateDeals> | undefined;
  if (deals) {
    const dRoles = assignRoles(deals.header, options.map, deals.name);
    const keys = chooseJoinKeys(table, roles, deals, dRoles, options.key);
    join = { ...keys, customerHeader: table.header[keys.customerColumn] as string, dealHeader: deals.header[keys.dealColumn] as string };
    const grouped = groupCustomers(table, keys.customerColumn);
    dealResult = aggregateDeals(deals, dRoles, typeTable(deals, dRoles), keys.dealColumn, new Set(grouped.customers.map((c) => c.key)), {
      since: options.since,
      until: options.until,
    });
  }
  const { customers, duplicateKeys } = groupCustomers(table, customerKeyColumn(roles, join));
  if (duplicateKeys > 0) {
    warnings.push({ file: table.name, message: `${duplicateKeys} keys repeat; their rows were combined (values summed, attributes by most frequent value)` });
  }
  const measure = chooseMeasure({
    customers, table, columns, value: options.value, outcome: options.outcome,
    ...(dealResult && { deals: { byKey: dealResult.byKey, hasAmount: dealResult.quality.hasAmount } }),
  });
  const keys = customers.map((c) => c.key);
  const ranked =
    measure.kind === 'value'
      ? rankCohort(measure.values, keys, options.top)
      : rankCohort(measure.positive.map((p) => (p ? 1 : 0)), keys, { count: measure.positive.length });
  const valueColumns = [measure.column, join?.customerColumn].filter((c): c is number => c !== null && c !== undefined);
  const { included, skipped } = attributeColumns(columns, table.name, { attributes: options.attributes, exclude: options.exclude, valueColumns });
  const attrs = new Map<number, AttributeColumn>();
  for (const index of included) {
    const info = columns[index] as ColumnInfo;
    attrs.set(index, { info, values: customers.map((c) => readCell(info, c.cells[index])) });
  }
  const candidates = testCandidates(attrs, ranked.cohort, { minSupport: options.minSupport });
  const selection = selectCriteria(candidates, attrs, ranked.cohort, options);
  const doc = buildDocument({
    input, columns, customers, measure, ranked, selection, attrs, candidates,
    rule: measure.kind === 'value' ? `${describeTop(options.top)} by ${measure.label}` : `customers where ${measure.label}`,
  });
  return {
    doc, customers, columns, measure, cohort: ranked.cohort, order: ranked.order, candidates, selection,
    attributes: included, skipped, duplicateKeys, warnings,
    ...(join && { join }),
    ...(dealResult && { dealQuality: dealResult.quality, dealStats: dealResult.byKey }),
  };
}
