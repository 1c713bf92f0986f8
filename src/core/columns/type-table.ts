import { headRows } from '../column-table.js';
import type { Table } from '../table.js';
import type { ColumnInfo } from './infer.js';
import { decideTypes } from './decide-types.js';
import type { RoleAssignment } from './roles.js';

/** Types every column of an in-memory table from its first rows, as inspect does for a stream (no tallies). */
export function typeTable(table: Table, roles: RoleAssignment, sampleRows = 5000): ColumnInfo[] {
  return decideTypes(table.header, roles, headRows(table, sampleRows));
}
