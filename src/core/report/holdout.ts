import { detectDateFormat, isMissing, parseDate } from '../columns/parse/index.js';
import { assignRoles, type Role } from '../columns/roles.js';
import { customerKeyColumn } from '../profile/customers.js';
import { joinDealTable } from '../profile/deal-join.js';
import { plural } from '../plural.js';
import { mixSeed, seededRandom, shuffleInPlace } from '../random.js';
import type { Table } from '../table.js';
import { IcpError } from '../../errors.js';
import { customerOwners, dealOwnersOf, type CustomerOwners, type DealOwnership, type HoldoutKeys } from './holdout-owners.js';
import { mapInto } from '../typed-arrays.js';

/** `--holdout`: a share of the customers held out at random (with a seed), or a date that splits them. */
export type HoldoutSpec = { share: number; seed: number } | { date: number };

/** One part of the split: its rows of each file, in file order, as tables derive and buildReport read. */
export interface HoldoutPart {
  customers: Table;
  deals: Table | undefined;
  /** Customers (keys), not rows: a one-row-per-order export has several rows per customer. */
  customerCount: number;
  /** Indexes of the rows taken from each input table. */
  customerRows: number[];
  dealRows: number[];
}

export interface HoldoutSplit {
  derive: HoldoutPart;
  report: HoldoutPart;
  /**
   * Rows in neither part, so that none is lost silently: customers a date split cannot place (no created
   * date, no dated deal) with their deals, and deals that join no customer.
   */
  leftOut: { customers: number; customerRows: number[]; dealRows: number[] };
  /** The part of every deal row, in file order (see dealsOfPart). */
  dealPart: Uint8Array;
  /** A date split: the customers dated by their created date column (`column`) and those by their first deal. */
  dated?: { column: string | null; byCreated: number; byFirstDeal: number };
}

export type { HoldoutKeys } from './holdout-owners.js';

// The split draws its own stream from the seed: the same seed also drives derive's permutations.
const SPLIT_SALT = 0x4f1d;

/** The key columns derive would use on these files with these options (the deal join it would choose). */
export function holdoutKeys(
  customers: Table,
  deals: Table | undefined,
  options: { map?: ReadonlyMap<Role, string> | undefined; key?: { customer: string; deal?: string; none?: boolean } | undefined },
): HoldoutKeys {
  const roles = assignRoles(customers.header, options.map, customers.name);
  if (!deals) return { customerColumn: customerKeyColumn(roles, null, options.key, customers) };
  const { keys } = joinDealTable(customers, roles, deals, { map: options.map, key: options.key });
  return { customerColumn: keys.customerColumn, dealColumn: keys.dealColumn };
}

const DERIVE = 0;
const REPORT = 1;
const LEFT = 2;

/**
 * Splits customers (and their deals) into a part to derive an ICP on and a part to report it on, by
 * customer key: every row of a customer and every deal joined to it land in the same part. A share holds
 * out that many customers drawn at random with the seed; a date derives on the customers that started
 * before it (created date, else first deal) and reports on the rest. Not stratified: the cohort is
 * ranked on the derive part itself, by a measure derive computes after the split.
 */
export function splitHoldout(input: {
  customers: Table;
  /** The deals as a table, or their owners as read from a file that is not held (DealOwners). */
  deals?: Table | DealOwnership | undefined;
  keys: HoldoutKeys;
  map?: ReadonlyMap<Role, string> | undefined;
  spec: HoldoutSpec;
}): HoldoutSplit {
  const { customers, keys, spec } = input;
  const owners = customerOwners(customers, keys);
  const table = input.deals && 'rows' in input.deals ? input.deals : undefined;
  const deals = table ? dealOwnersOf(table, owners, keys, input.map, 'date' in spec) : (input.deals as DealOwnership | undefined);
  const { part, dated } = 'share' in spec ? { part: randomParts(owners.n, spec), dated: undefined } : dateParts(customers, owners, deals, spec.date, input.map);
  const dealOwners = deals?.owner ?? [];
  const dealPart = mapInto(new Uint8Array(dealOwners.length), dealOwners, (owner) => (owner < 0 ? LEFT : (part[owner] as number)));
  const pick = (which: number, parts: ArrayLike<number>) => {
    const rows: number[] = [];
    for (let row = 0; row < parts.length; row++) if (parts[row] === which) rows.push(row);
    return rows;
  };
  const customerPart = owners.customerOf.map((owner) => part[owner] as number);
  const make = (which: number): HoldoutPart => {
    const customerRows = pick(which, customerPart);
    const dealRows = pick(which, dealPart);
    return {
      customers: subTable(customers, customerRows),
      deals: table && subTable(table, dealRows),
      customerCount: part.reduce((sum, p) => sum + (p === which ? 1 : 0), 0),
      customerRows,
      dealRows,
    };
  };
  const left = make(LEFT);
  return {
    derive: make(DERIVE),
    report: make(REPORT),
    leftOut: { customers: left.customerCount, customerRows: left.customerRows, dealRows: left.dealRows },
    dealPart,
    ...(dated && { dated }),
  };
}

/** Whether deal row `row` (in file order) is in the part: for a pass that reads only that part's deals. */
export function dealsOfPart(split: HoldoutSplit, which: 'derive' | 'report'): (row: number) => boolean {
  const wanted = which === 'derive' ? DERIVE : REPORT;
  return (row) => split.dealPart[row] === wanted;
}

/** A share of the customers, drawn at random with the seed, to report on; the others to derive on. */
function randomParts(n: number, spec: { share: number; seed: number }): Uint8Array {
  const part = new Uint8Array(n);
  const order = shuffleInPlace(
    Uint32Array.from({ length: n }, (_, i) => i),
    seededRandom(mixSeed(spec.seed, SPLIT_SALT)),
  );
  const held = Math.round(spec.share * n);
  for (let i = 0; i < n; i++) part[order[i] as number] = i < held ? REPORT : DERIVE;
  return part;
}

/** The customers that started before `date` derive, the later ones report, the undated are left out. */
function dateParts(
  customers: Table,
  owners: CustomerOwners,
  deals: DealOwnership | undefined,
  date: number,
  map: ReadonlyMap<Role, string> | undefined,
): { part: Uint8Array; dated: NonNullable<HoldoutSplit['dated']> } {
  const starts = startDates(customers, owners, deals, map);
  return { part: mapInto(new Uint8Array(starts.at.length), starts.at, (at) => (Number.isNaN(at) ? LEFT : at < date ? DERIVE : REPORT)), dated: starts.dated };
}

/**
 * When each customer started, as epoch ms (NaN: unknown): the earliest readable cell of its created date
 * column, else the earliest date of its deals (created, else closed).
 */
function startDates(
  customers: Table,
  owners: CustomerOwners,
  deals: DealOwnership | undefined,
  map: ReadonlyMap<Role, string> | undefined,
): { at: number[]; dated: NonNullable<HoldoutSplit['dated']> } {
  const created = Array.from({ length: owners.n }, () => NaN);
  const col = assignRoles(customers.header, map, customers.name).byRole.get('created_date');
  const format =
    col === undefined
      ? null
      : detectDateFormat(
          customers.rows.map((row) => row[col] ?? ''),
          true,
        );
  if (col !== undefined && format) {
    customers.rows.forEach((row, r) => {
      const raw = row[col];
      const at = raw === undefined || isMissing(raw) ? null : parseDate(raw, format.order);
      const i = owners.customerOf[r] as number;
      if (at !== null && !(created[i]! <= at)) created[i] = at;
    });
  }
  if (!format && !deals) {
    throw new IcpError(`⟨holdout⟩ <date>: ${customers.name} has no created date column to split the customers by`, {
      hint: "give ⟨deals⟩ to split by each customer's first deal, hold out a share such as 30%, or name the column with ⟨map⟩ created_date=<header>",
    });
  }
  let byCreated = 0;
  let byFirstDeal = 0;
  const at = created.map((c, i) => {
    const first = deals ? (deals.first[i] as number) : NaN;
    if (!Number.isNaN(c)) byCreated++;
    else if (!Number.isNaN(first)) byFirstDeal++;
    return Number.isNaN(c) ? first : c;
  });
  return { at, dated: { column: col !== undefined && format ? (customers.header[col] as string) : null, byCreated, byFirstDeal } };
}

/** The rows `rows` of a table, same name, header and digest: a part is no file of its own. */
function subTable(table: Table, rows: readonly number[]): Table {
  return { ...table, rows: rows.map((r) => table.rows[r] as string[]), lines: rows.map((r) => table.lines[r] as number) };
}

/**
 * Fails, with what to change, when a part has no customer to derive or report on, or, for an ICP ranked
 * by deals, when the customers to derive on have no deal. `label` is the spec as given, e.g. `30%`.
 */
export function checkHoldoutParts(split: HoldoutSplit, spec: HoldoutSpec, label: string, needDeals: boolean): void {
  const { derive, report } = split;
  const random = 'share' in spec;
  if (derive.customerCount === 0) {
    throw new IcpError(`⟨holdout⟩ ${label} leaves no customer to derive the ICP on (${plural(report.customerCount, 'customer')} to report on)`, {
      hint: random ? 'hold out a smaller share' : 'pick a later date: no customer started before this one',
    });
  }
  if (report.customerCount === 0) {
    throw new IcpError(`⟨holdout⟩ ${label} leaves no customer to report on (${plural(derive.customerCount, 'customer')} to derive on)`, {
      hint: random ? 'hold out a larger share' : 'pick an earlier date: every customer started before this one',
    });
  }
  if (needDeals && derive.dealRows.length === 0) {
    throw new IcpError(
      `⟨holdout⟩ ${label}: the ${plural(derive.customerCount, 'customer')} to derive on have no deal, and the ICP ranks customers by their deals`,
      {
        hint: random
          ? 'hold out a smaller share, or check the deals file joins the customers'
          : 'pick a later date, or check the deals file joins the customers',
      },
    );
  }
}
