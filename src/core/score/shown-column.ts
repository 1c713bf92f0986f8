import { assignRoles } from '../columns/roles.js';
import type { CompiledIcp } from './compile.js';

const NAME_LIKE = /name|company|account|email/i;
const ID_ROLES = ['id', 'account_id', 'name', 'email'] as const;

/**
 * The column that names each row in the scored table: a name-like column no criterion reads, else the
 * column with the role id, account_id, name or email, else the first column; undefined only without columns.
 */
export function shownColumn(header: readonly string[], compiled: CompiledIcp): number | undefined {
  const named = header.findIndex((h, i) => compiled.criteria.every((c) => c.column !== i) && NAME_LIKE.test(h));
  if (named >= 0) return named;
  const roles = assignRoles(header);
  for (const role of ID_ROLES) {
    const index = roles.byRole.get(role);
    if (index !== undefined) return index;
  }
  return header.length > 0 ? 0 : undefined;
}
