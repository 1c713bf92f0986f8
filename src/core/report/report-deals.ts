import type { ColumnInfo } from '../columns/infer.js';
import type { Role, RoleAssignment } from '../columns/roles.js';
import { DealJoin, type Reread } from '../profile/deal-join.js';
import type { DealWindow } from '../profile/deal-types.js';
import type { Table } from '../table.js';
import { withMapHint } from './accounts.js';
import type { StreamedDeals } from './streamed-deals.js';
import { type TypedTable, typed } from './typed-table.js';
import { withLeadsHint } from './leads.js';
import { RepeatedIds } from './repeated-ids.js';

/** How a pass that did not settle a join reads the deals again (DealJoin.reread), per join. */
export interface ReportRereads {
  accounts?: Reread | undefined;
  leads?: Reread | undefined;
}

/** The roles a report's per-deal views read on the deals it keeps: lead source, owner, cost. */
const VIEW_ROLES: readonly Role[] = ['lead_source', 'owner', 'cost'];

/**
 * One read of a report's deals file, made from its head (name, header, first rows): every deal goes through
 * the one deals join to the customers (and to the leads, when they need it), and its id is counted. When a
 * join is not settled by this read, `reread` says how to read again (a new pass with those options).
 */
export class ReportDealsPass {
  readonly columnsUsed: number[];
  /** The kept deals' cells (sources, owners) repeat: the stream shares them. */
  readonly shareCells = true;
  private readonly roles: RoleAssignment;
  private readonly columns: ColumnInfo[];
  private readonly accounts: DealJoin;
  private readonly leadsJoin: DealJoin | undefined;
  private readonly id: number | undefined;
  private readonly ids = new RepeatedIds();
  private rows = 0;

  constructor(
    private readonly input: {
      customers: TypedTable;
      leads: TypedTable | undefined;
      map: ReadonlyMap<Role, string>;
      window: DealWindow;
      rereadable: boolean;
      again?: ReportRereads | undefined;
    },
    private readonly head: { name: string; header: string[]; sample: readonly string[][] },
  ) {
    const sampleTable: Table = { name: head.name, header: head.header, rows: head.sample as string[][], lines: [], sha256: '' };
    ({ roles: this.roles, columns: this.columns } = typed(sampleTable, input.map));
    const { customers, leads, window, rereadable } = input;
    const options = { dealRoles: this.roles, dealColumns: this.columns, since: window.since, until: window.until, rereadable };
    // Each kept deal keeps only the cells the per-deal views read, not the row it came in.
    const views = VIEW_ROLES.map((r) => this.roles.byRole.get(r)).filter((c): c is number => c !== undefined);
    this.accounts = new DealJoin(customers.table, customers.roles, head, {
      ...options,
      customerColumns: customers.columns,
      keepDeals: true,
      keepCells: views,
      ...input.again?.accounts,
    });
    const needLeads = leads !== undefined && leads.roles.byRole.get('converted') === undefined;
    this.leadsJoin = needLeads
      ? new DealJoin(leads.table, leads.roles, head, { ...options, customerColumns: leads.columns, ...input.again?.leads })
      : undefined;
    this.id = this.roles.byRole.get('id');
    const id = this.id === undefined ? [] : [this.id];
    this.columnsUsed = [...new Set([...this.accounts.columnsUsed, ...(this.leadsJoin?.columnsUsed ?? []), ...views, ...id])];
  }

  add(row: readonly string[]): void {
    this.rows++;
    this.accounts.add(row);
    this.leadsJoin?.add(row);
    if (this.id !== undefined) this.ids.add(row[this.id]);
  }

  /** Once every deal was added: how to read the deals again, or undefined when this read settles every join. */
  get reread(): ReportRereads | undefined {
    const accounts = this.accounts.reread;
    const leads = this.leadsJoin?.reread;
    return accounts || leads ? { accounts: accounts ?? this.input.again?.accounts, leads: leads ?? this.input.again?.leads } : undefined;
  }

  finish(sha256: string): StreamedDeals {
    const { head } = this;
    return {
      name: head.name,
      header: head.header,
      rows: this.rows,
      sha256,
      roles: this.roles,
      columns: this.columns,
      customers: this.input.customers,
      joined: withMapHint(() => this.accounts.finish(sha256)),
      leads: this.leadsJoin && withLeadsHint((this.input.leads as TypedTable).table.name, head.name, () => (this.leadsJoin as DealJoin).finish(sha256)),
      duplicateIds: this.ids.repeats,
    };
  }
}
