import type { Table } from '../table.js';
import type { ColumnInfo } from './infer.js';
import { ColumnProfiler } from './profiler.js';
import type { RoleAssignment } from './roles.js';

/** Types every column of an in-memory table from its first rows, as inspect does for a stream. */
export function typeTable(table: Table, roles: RoleAssignment, sampleRows = 5000): ColumnInfo[] {
  const profiler = new ColumnProfiler(table.header, roles, { sampleRows });
  const n = Math.min(sampleRows, table.rows.length);
  for (let i = 0; i < n; i++) profiler.add(table.rows[i] as string[]);
  return profiler.types();
}
