import { confirmRoles } from './confirm-roles.js';
import { inferColumn, type ColumnInfo } from './infer.js';
import { isMissing } from './parse/index.js';
import { roleSource, type RoleAssignment } from './roles.js';

/**
 * Types each column from sample rows (their non-missing cells, trimmed). Deciding the types also confirms the
 * header-guessed roles by the values (confirmRoles), updating `roles` in place.
 */
export function decideTypes(headers: readonly string[], roles: RoleAssignment, rows: readonly (readonly string[])[]): ColumnInfo[] {
  const values = headers.map((_, index) => {
    const present: string[] = [];
    for (const row of rows) {
      const raw = row[index];
      if (raw !== undefined && !isMissing(raw)) present.push(raw.trim());
    }
    return present;
  });
  // The values confirm or refuse each header's guess, and may give roles no header did (a country).
  const roleNotes = confirmRoles(headers, roles, values);
  return headers.map((header, index) => {
    const role = roles.byColumn.get(index);
    const column = inferColumn(index, header, role, values[index] as string[]);
    const note = roleNotes.get(index);
    if (note !== undefined) column.notes.unshift(note);
    return role === undefined ? column : { ...column, roleSource: roleSource(roles, role) };
  });
}
