import type { ColumnInfo } from '../columns/infer.js';
import type { RoleAssignment } from '../columns/roles.js';
import type { JoinedDeals } from '../profile/deal-join-types.js';
import type { TypedTable } from './typed-table.js';

/** The deals of a report, joined as the file was read and never held (ReportDealsPass): their types, the joins, the counts. */
export interface StreamedDeals {
  name: string;
  header: string[];
  rows: number;
  sha256: string;
  /** Roles and types of the deals, read from the first rows (as derive reads them). */
  roles: RoleAssignment;
  columns: ColumnInfo[];
  /** The customers as the join typed them, for the report to reuse. */
  customers: TypedTable;
  /** The deals joined to the customers, every joined deal kept for the per-deal views. */
  joined: JoinedDeals;
  /** The deals joined to the leads, when the leads have no converted column of their own. */
  leads: JoinedDeals | undefined;
  /** Deal rows whose own id repeats. */
  duplicateIds: number;
}
