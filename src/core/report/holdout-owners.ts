import { isMissing } from '../columns/parse/index.js';
import { assignRoles, type Role } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import { memoize } from '../memoize.js';
import { customerKey } from '../profile/customers.js';
import { DEAL_SAMPLE_ROWS } from '../profile/deal-join.js';
import { dealDates } from '../profile/deals.js';
import { normalizeKey } from '../profile/keys.js';
import type { Table } from '../table.js';

/**
 * How the customers are keyed, as derive keys them: the deal join's customer column (and the deals'
 * column it joins), else the customers' key column; undefined: each row is its own customer.
 */
export interface HoldoutKeys {
  customerColumn: number | undefined;
  dealColumn?: number | undefined;
}

/** Each customers row's customer (numbered in the order they first appear), and the keys a deal can join. */
export interface CustomerOwners {
  customerOf: number[];
  /** Key -> customer, for the customers with a key (a row without one is a customer no deal joins). */
  joinable: Map<string, number>;
  n: number;
  normalize: (raw: string) => string;
}

export function customerOwners(customers: Table, keys: HoldoutKeys): CustomerOwners {
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
      if (column !== undefined && !isMissing(raw)) joinable.set(key, index);
    }
    return index;
  });
  return { customerOf, joinable, n: indexByKey.size, normalize };
}

/** The deals' side of the split: each deal's customer (-1: it joins none) and each customer's earliest deal date. */
export interface DealOwnership {
  /** Per deal row, in file order. */
  owner: Int32Array;
  /** Per customer: the earliest date of its deals (created, else closed) as epoch ms; NaN when none. */
  first: Float64Array;
}

/**
 * The deals read one at a time (from a file or a table: the same pass), each given to the customer whose key
 * it names; the head's first rows type the dates, as a deals table's first rows would.
 */
export class DealOwners {
  readonly columnsUsed: number[];
  /** Nothing to read again: the owners need one read. */
  readonly reread = undefined;
  private owner = new Int32Array(1024);
  private rows = 0;
  private readonly first: Float64Array;
  /** The deals' dates, read only for a date split (a share needs none). */
  private readonly dates: ReturnType<typeof dealDates> | undefined;

  constructor(
    head: { name: string; header: string[]; sample: readonly string[][] },
    private readonly customers: CustomerOwners,
    private readonly dealColumn: number | undefined,
    map: ReadonlyMap<Role, string> | undefined,
    withDates: boolean,
  ) {
    const roles = assignRoles(head.header, map, head.name);
    const sample: Table = { name: head.name, header: head.header, rows: head.sample as string[][], lines: [], sha256: '' };
    this.dates = withDates ? dealDates(roles, typeTable(sample, roles, DEAL_SAMPLE_ROWS)) : undefined;
    this.first = new Float64Array(customers.n).fill(NaN);
    const dated = withDates ? [roles.byRole.get('created_date'), roles.byRole.get('close_date')] : [];
    this.columnsUsed = [dealColumn, ...dated].filter((c): c is number => c !== undefined);
  }

  add(row: readonly string[]): void {
    if (this.rows === this.owner.length) {
      const grown = new Int32Array(2 * this.rows);
      grown.set(this.owner);
      this.owner = grown;
    }
    const { dealColumn, customers } = this;
    const owner = dealColumn === undefined ? undefined : customers.joinable.get(customers.normalize(row[dealColumn] ?? ''));
    this.owner[this.rows++] = owner ?? -1;
    if (owner === undefined || !this.dates) return;
    const at = this.dates.createAt(row) ?? this.dates.closeAt(row);
    if (at !== null && !((this.first[owner] as number) <= at)) this.first[owner] = at;
  }

  finish(): DealOwnership {
    return { owner: this.owner.slice(0, this.rows), first: this.first };
  }
}

/** DealOwners over a deals table in memory. */
export function dealOwnersOf(
  deals: Table,
  customers: CustomerOwners,
  keys: HoldoutKeys,
  map: ReadonlyMap<Role, string> | undefined,
  withDates: boolean,
): DealOwnership {
  const head = { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) };
  const pass = new DealOwners(head, customers, keys.dealColumn, map, withDates);
  for (const row of deals.rows) pass.add(row);
  return pass.finish();
}
