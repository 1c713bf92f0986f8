import { detectDateFormat, isMissing, parseDate } from '../columns/parse/index.js';
import { assignRoles, type Role } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import { memoize } from '../memoize.js';
import { customerKey, customerKeyColumn } from '../profile/customers.js';
import { joinDealTable } from '../profile/deal-join.js';
import { dealDates } from '../profile/deals.js';
import { normalizeKey } from '../profile/keys.js';
import { plural } from '../plural.js';
import { mixSeed, seededRandom, shuffleInPlace } from '../random.js';
import type { Table } from '../table.js';
import { IcpError } from '../../errors.js';

/** `--holdout`: a share of the customers held out at random (with a seed), or a date that splits them. */
export type HoldoutSpec = { share: number; seed: number } | { date: number };

/**
 * How the customers are keyed, as derive keys them: the deal join's customer column (and the deals'
 * column it joins), else the customers' key column; undefined: each row is its own customer.
 */
export interface HoldoutKeys {
  customerColumn: number | undefined;
  dealColumn?: number | undefined;
}

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
  /** A date split: the customers dated by their created date column (`column`) and those by their first deal. */
  dated?: { column: string | null; byCreated: number; byFirstDeal: number };
}

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
  deals?: Table | undefined;
  keys: HoldoutKeys;
  map?: ReadonlyMap<Role, string> | undefined;
  spec: HoldoutSpec;
}): HoldoutSplit {
  const { customers, deals, keys, spec } = input;
  const { customerOf, dealOwner, n } = owners(customers, deals, keys);
  const part = new Uint8Array(n);
  let dated: HoldoutSplit['dated'];
  if ('share' in spec) {
    const order = shuffleInPlace(
      Uint32Array.from({ length: n }, (_, i) => i),
      seededRandom(mixSeed(spec.seed, SPLIT_SALT)),
    );
    const held = Math.round(spec.share * n);
    for (let i = 0; i < n; i++) part[order[i] as number] = i < held ? REPORT : DERIVE;
  } else {
    const starts = startDates(customers, customerOf, n, deals, dealOwner, input.map);
    dated = starts.dated;
    starts.at.forEach((at, i) => {
      part[i] = Number.isNaN(at) ? LEFT : at < spec.date ? DERIVE : REPORT;
    });
  }
  const pick = (which: number, owners: readonly (number | undefined)[]) =>
    owners.flatMap((owner, row) => ((owner === undefined ? LEFT : part[owner]) === which ? [row] : []));
  const make = (which: number): HoldoutPart => {
    const customerRows = pick(which, customerOf);
    const dealRows = pick(which, dealOwner);
    return {
      customers: subTable(customers, customerRows),
      deals: deals && subTable(deals, dealRows),
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
    ...(dated && { dated }),
  };
}

/**
 * The customer of each customers row (customers numbered in the order they first appear) and of each deal
 * (undefined: it joins none), and how many customers there are.
 */
function owners(customers: Table, deals: Table | undefined, keys: HoldoutKeys): { customerOf: number[]; dealOwner: (number | undefined)[]; n: number } {
  const column = keys.customerColumn;
  const normalize = memoize(normalizeKey);
  const indexByKey = new Map<string, number>();
  const joinable = new Map<string, number>();
  const customerOf = customers.rows.map((row, i) => {
    const raw = column === undefined ? '' : (row[column] ?? '');
    const key = column === undefined ? `#row${i + 1}` : customerKey(raw, i, normalize);
    let index = indexByKey.get(key);
    if (index === undefined) {
      index = indexByKey.size;
      indexByKey.set(key, index);
      // A row without a key is a customer of its own that no deal can join.
      if (column !== undefined && !isMissing(raw)) joinable.set(key, index);
    }
    return index;
  });
  const dealColumn = keys.dealColumn;
  const dealOwner = (deals?.rows ?? []).map((row) => (dealColumn === undefined ? undefined : joinable.get(normalize(row[dealColumn] ?? ''))));
  return { customerOf, dealOwner, n: indexByKey.size };
}

/**
 * When each customer started, as epoch ms (NaN: unknown): the earliest readable cell of its created date
 * column, else the earliest date of its deals (created, else closed).
 */
function startDates(
  customers: Table,
  customerOf: readonly number[],
  n: number,
  deals: Table | undefined,
  dealOwner: readonly (number | undefined)[],
  map: ReadonlyMap<Role, string> | undefined,
): { at: number[]; dated: NonNullable<HoldoutSplit['dated']> } {
  const created = Array.from({ length: n }, () => NaN);
  const first = Array.from({ length: n }, () => NaN);
  const earliest = (into: number[], i: number, at: number | null) => {
    if (at !== null && !(into[i]! <= at)) into[i] = at;
  };
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
      earliest(created, customerOf[r] as number, raw === undefined || isMissing(raw) ? null : parseDate(raw, format.order));
    });
  }
  if (deals) {
    const dRoles = assignRoles(deals.header, map, deals.name);
    const dates = dealDates(dRoles, typeTable(deals, dRoles));
    deals.rows.forEach((row, r) => {
      const owner = dealOwner[r];
      if (owner !== undefined) earliest(first, owner, dates.createAt(row) ?? dates.closeAt(row));
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
    if (!Number.isNaN(c)) byCreated++;
    else if (!Number.isNaN(first[i] as number)) byFirstDeal++;
    return Number.isNaN(c) ? (first[i] as number) : c;
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
