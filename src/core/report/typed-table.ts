import type { ColumnInfo } from '../columns/infer.js';
import { assignRoles, findHeader, type Role, type RoleAssignment } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import type { Table } from '../table.js';

/** A file's roles and column types, read once and shared by every part of the report. */
export interface TypedTable {
  table: Table;
  roles: RoleAssignment;
  columns: ColumnInfo[];
}

/** A file's name, header, roles and types, without its rows: all the report's views need of the deals. */
export interface TypedFile {
  table: Pick<Table, 'name' | 'header'>;
  roles: RoleAssignment;
  columns: ColumnInfo[];
}

/**
 * Reads a table's roles and column types. `--map` applies to every file a report reads, so each file
 * takes only the entries whose header it has (buildReport checks that every entry found some file).
 */
export function typed(table: Table, map: ReadonlyMap<Role, string>): TypedTable {
  const own = new Map([...map].filter(([, header]) => header === '' || findHeader(table.header, header) >= 0));
  const roles = assignRoles(table.header, own, table.name);
  return { table, roles, columns: typeTable(table, roles) };
}
